package io.nohold.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nohold.NoHoldApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar nohold.jar simulate --scenario FILE --out DIR [--mode MODE] [--find-staffing --region ID
 * --target-kept 0.9 --target-continuity 0.85 [--max-reps N]] [--erlang-c --agents 11,12,13,14,15 [--replications N]]}: runs the scenario
 * in each of its modes and writes {@code DIR/result.json}, {@code DIR/summary.md} and, for several modes,
 * {@code DIR/modes.svg} (docs/simulation.md).
 */
@Component
@Profile(NoHoldApplication.SIMULATION_PROFILE)
class SimulationCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(SimulationCommand.class);

    static final String USAGE = """
            usage: java -jar nohold.jar simulate --scenario FILE --out DIR [--mode rings|pooled|personal]
                     [--find-staffing --region ID [--target-kept 0.9] [--target-continuity 0.85] [--max-reps 60]]
                     [--erlang-c [--agents 11,12,13,14,15] [--replications 1]]""";

    private final Simulator simulator;

    private final StaffingSearch staffing;

    private int exitCode;

    SimulationCommand(Simulator simulator, StaffingSearch staffing) {
        this.simulator = simulator;
        this.staffing = staffing;
    }

    /** The command line, read strictly: every option named, values checked. */
    record Options(Path scenario, Path out, RoutingMode mode, boolean findStaffing, String region, double targetKept,
            double targetContinuity, int maxReps, boolean erlangC, List<Integer> agents, int replications) {

        static Options parse(String[] args) {
            Path scenario = null;
            Path out = null;
            RoutingMode mode = null;
            boolean findStaffing = false;
            boolean erlangC = false;
            String region = null;
            double kept = 0.9;
            double continuity = 0.85;
            int maxReps = 60;
            int replications = 1;
            boolean replicationsGiven = false;
            List<Integer> agents = List.of(11, 12, 13, 14, 15);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--scenario" -> scenario = value == null ? null : Path.of(args[++i]);
                    case "--out" -> out = value == null ? null : Path.of(args[++i]);
                    case "--mode" -> {
                        mode = value == null ? null : RoutingMode.parse(args[++i]).orElse(null);
                        if (mode == null) {
                            problems.add("--mode: must be rings, pooled or personal");
                        }
                    }
                    case "--find-staffing" -> findStaffing = true;
                    case "--erlang-c" -> erlangC = true;
                    case "--region" -> region = value == null ? null : args[++i];
                    case "--target-kept" -> {
                        kept = share(value, "--target-kept", problems);
                        i++;
                    }
                    case "--target-continuity" -> {
                        continuity = share(value, "--target-continuity", problems);
                        i++;
                    }
                    case "--max-reps" -> {
                        maxReps = wholeNumber(value, "--max-reps", 500, problems);
                        i++;
                    }
                    case "--replications" -> {
                        replications = wholeNumber(value, "--replications", 1000, problems);
                        i++;
                        replicationsGiven = true;
                    }
                    case "--agents" -> {
                        i++;
                        try {
                            agents = java.util.Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                            if (agents.isEmpty() || agents.stream().anyMatch(a -> a < 1 || a > 500)) {
                                throw new IllegalArgumentException();
                            }
                        }
                        catch (RuntimeException e) {
                            problems.add("--agents: must be agent counts from 1 to 500 separated by commas, like 11,12,13");
                        }
                    }
                    default -> {
                        // Spring Boot's own options (--spring.profiles.active=... from mvn spring-boot:run) are its own
                        if (!arg.startsWith("--spring.")) {
                            problems.add(arg + ": is not an option of simulate");
                        }
                    }
                }
            }
            if (scenario == null) {
                problems.add("--scenario: is required: the scenario's JSON file");
            }
            if (out == null) {
                problems.add("--out: is required: the directory for result.json and summary.md");
            }
            if (findStaffing && erlangC) {
                problems.add("--find-staffing and --erlang-c: give one of them");
            }
            if (replicationsGiven && !erlangC) {
                problems.add("--replications: goes with --erlang-c");
            }
            if (!problems.isEmpty()) {
                throw new ScenarioReader.InvalidScenario(problems);
            }
            return new Options(scenario, out, mode, findStaffing, region, kept, continuity, maxReps, erlangC, agents,
                    replications);
        }

        private static int wholeNumber(String value, String name, int max, List<String> problems) {
            try {
                int number = Integer.parseInt(value);
                if (number >= 1 && number <= max) {
                    return number;
                }
            }
            catch (RuntimeException e) {
                // named below
            }
            problems.add(name + ": must be a whole number from 1 to " + max);
            return 1;
        }

        private static double share(String value, String name, List<String> problems) {
            try {
                double share = Double.parseDouble(value);
                if (share >= 0 && share <= 1) {
                    return share;
                }
            }
            catch (RuntimeException e) {
                // named below
            }
            problems.add(name + ": must be a share between 0 and 1, like 0.9");
            return 0;
        }

    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            Options options = Options.parse(arguments.getSourceArgs());
            log.info("simulating in {}", SimulatorRuntime.describeThisJvm());
            Scenario scenario = ScenarioReader.read(options.scenario());
            if (options.mode() != null) {
                scenario = scenario.withMode(options.mode());
            }
            Files.createDirectories(options.out());
            if (options.findStaffing()) {
                StaffingSearch.Answer answer = staffing.find(scenario, options.region(), options.targetKept(),
                        options.targetContinuity(), options.maxReps());
                ResultFiles.writeStaffing(options.out(), scenario, answer);
                System.out.println(ResultFiles.staffingLine(answer));
            }
            else if (options.erlangC()) {
                List<ErlangCCheck.Row> rows = ErlangCCheck.run(simulator, scenario, options.agents(), options.replications());
                ResultFiles.writeErlangC(options.out(), scenario, rows);
                rows.forEach(row -> System.out.println(row.line()));
            }
            else {
                List<RunFigures> runs = new ArrayList<>();
                for (RoutingMode mode : scenario.modes()) {
                    RunFigures figures = simulator.simulate(scenario, mode);
                    runs.add(figures);
                    System.out.println(ResultFiles.line(figures));
                }
                ResultFiles.write(options.out(), scenario, runs);
            }
            System.out.println("written to " + options.out().toAbsolutePath());
        }
        catch (ScenarioReader.InvalidScenario e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            exitCode = 2;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (RuntimeException e) {
            log.error("the simulation failed", e);
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

}
