package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar nohold.jar simulate} as a user runs it, from the jar {@code mvn package} built and the runtime it
 * prepared beside it ({@link SimulatorRuntime}): the prepared JVM gives the same results as the simulator in the JVM
 * it was started in, its status and messages reach the caller, and a jar without a runtime still simulates.
 */
class SimulatorRuntimeIT {

    private static final String SCENARIO = """
            {"start": "2026-12-07T08:00:00+01:00", "hours": 0.25, "seed": 3, "mode": "rings",
             "answerTargetSeconds": 20, "handleTime": {"distribution": "exponential", "meanSeconds": 180},
             "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 4, "arrivalsPerHour": 60,
                          "channels": {"PHONE": 0.7, "EMAIL": 0.3}}]}
            """;

    private static Path jar;

    @TempDir
    static Path work;

    private static Path scenario;

    @BeforeAll
    static void packagedJar() throws IOException {
        jar = Path.of(System.getProperty("nohold.jar", "target/nohold-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").exists();
        String name = jar.getFileName().toString();
        assertThat(jar.resolveSibling(name.replace(".jar", "-simulator")).resolve("runtime.properties"))
            .as("the simulator's runtime that mvn package prepares beside the jar").exists();
        scenario = Files.writeString(work.resolve("scenario.json"), SCENARIO);
    }

    @Test
    void thePreparedRuntimeSimulatesTheSameDayAsTheJvmItWasStartedIn() throws Exception {
        Run prepared = simulate(jar, List.of(), "prepared");
        Run here = simulate(jar, List.of("-Dnohold.simulator.fork=false"), "here");

        assertThat(prepared.status).as(prepared.output).isZero();
        assertThat(prepared.output).contains("simulating in the prepared runtime, started with its class-data archive")
            .doesNotContain("Unable to use shared archive");
        // its heap in transparent huge pages exactly where this machine's kernel gives them to a program that asks
        Optional<String> hugePages = SimulatorRuntime.readHugePagesSetting();
        if (!SimulatorRuntime.optionsOfItsOwn(List.of(), hugePages).contains("-XX:+UseTransparentHugePages")) {
            assertThat(prepared.output).as("kernel setting %s", hugePages).doesNotContain("with transparent huge pages");
        }
        else {
            assertThat(prepared.output).as("kernel setting %s", hugePages).contains("with transparent huge pages");
        }
        // and its heap kept by the serial collector, with less inlining, neither chosen for a run in the JVM it was started in
        assertThat(prepared.output).contains("with the serial collector, inlining less");
        assertThat(here.status).as(here.output).isZero();
        assertThat(here.output).contains("simulating in this JVM").doesNotContain("with transparent huge pages")
            .doesNotContain("serial collector").doesNotContain("inlining less");
        JsonNode result = results(prepared.out);
        assertThat(result.path("rings").path("total").path("contacts").asInt()).isPositive();
        assertThat(result).isEqualTo(results(here.out));
    }

    @Test
    void aRefusedCommandLineIsReportedWithItsStatusThroughThePreparedRuntime() throws Exception {
        Run refused = simulate(jar, List.of(), "refused", "--replications", "3");

        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.output).contains("--replications: goes with --erlang-c").contains("usage: java -jar nohold.jar simulate")
            .doesNotContain("runs in this JVM");
        assertThat(refused.out.resolve("result.json")).doesNotExist();
    }

    @Test
    void aCommandLineThatNamesACollectorStillSimulatesInThePreparedRuntime() throws Exception {
        // the serial collector added as well would make the JVM refuse to start ("Multiple garbage collectors
        // selected"); which collector the JVM then runs with is SimulatorRuntimeTests' to show, not the log's
        Run parallel = simulate(jar, List.of("-XX:+UseParallelGC"), "parallel");

        assertThat(parallel.status).as(parallel.output).isZero();
        assertThat(parallel.output).contains("simulating in the prepared runtime").doesNotContain("serial collector");
        assertThat(results(parallel.out).path("rings").path("total").path("contacts").asInt()).isPositive();
    }

    @Test
    void aJarIsSimulatedInItsPreparedRuntimeOnlyUntilItChanges() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path copy = Files.copy(jar, elsewhere.resolve(jar.getFileName()));
        // started through a link, as a deployment might name its current version
        Path link = Files.createSymbolicLink(elsewhere.resolve("nohold.jar"), copy.getFileName());

        Run unprepared = simulate(link, List.of(), "unprepared");
        Run preparing = run(link, List.of(), "preparing", List.of("simulate", "--prepare"));
        Run prepared = simulate(link, List.of(), "prepared-elsewhere");
        // code others could have put there is not run: a library directory anyone in the group may write to
        Path runtime = elsewhere.resolve(jar.getFileName().toString().replace(".jar", "-simulator"));
        Path lib = runtime.resolve("app").resolve("lib");
        Set<PosixFilePermission> own = Files.getPosixFilePermissions(lib);
        Set<PosixFilePermission> groupWritable = EnumSet.copyOf(own);
        groupWritable.add(PosixFilePermission.GROUP_WRITE);
        Files.setPosixFilePermissions(lib, groupWritable);
        Run tampered = simulate(link, List.of(), "tampered");
        Files.setPosixFilePermissions(lib, own);
        Files.setLastModifiedTime(copy, FileTime.from(Files.getLastModifiedTime(copy).toInstant().plusSeconds(60)));
        Run changed = simulate(link, List.of(), "changed");

        assertThat(unprepared.status).as(unprepared.output).isZero();
        assertThat(unprepared.output).contains("no runtime prepared for this jar").contains("simulating in this JVM");
        assertThat(preparing.status).as(preparing.output).isZero();
        assertThat(elsewhere.resolve(jar.getFileName().toString().replace(".jar", "-simulator"))).isDirectory();
        assertThat(prepared.output).contains("simulating in the prepared runtime, started with its class-data archive");
        assertThat(tampered.status).as(tampered.output).isZero();
        assertThat(tampered.output).contains("the runtime is not this user's alone: " + lib).contains("simulating in this JVM");
        assertThat(changed.status).as(changed.output).isZero();
        assertThat(changed.output).contains("was prepared for another jar or place").contains("simulating in this JVM");
        assertThat(results(changed.out)).isEqualTo(results(unprepared.out)).isEqualTo(results(prepared.out));
    }

    @Test
    void prepareLeavesADirectoryItDidNotPrepareAlone() throws Exception {
        Path beside = Files.createDirectories(work.resolve("planted"));
        Path copy = Files.copy(jar, beside.resolve(jar.getFileName()));
        Path planted = Files.createDirectories(beside.resolve(jar.getFileName().toString().replace(".jar", "-simulator")));
        Path kept = Files.writeString(planted.resolve("notes.txt"), "someone else's");

        Run preparing = run(copy, List.of(), "planted-prepare", List.of("simulate", "--prepare"));
        Run simulated = simulate(copy, List.of(), "planted-run");

        assertThat(preparing.status).isEqualTo(1);
        assertThat(preparing.output).contains("is not a runtime this user prepared; move it away first");
        assertThat(kept).hasContent("someone else's");
        assertThat(planted.resolve("app")).doesNotExist();
        assertThat(simulated.status).as(simulated.output).isZero();
        assertThat(simulated.output).contains("no runtime prepared for this jar").contains("simulating in this JVM");
    }

    @Test
    void aFlightRecordingRecordsTheSimulationItself() throws Exception {
        Path recording = work.resolve("simulation.jfr");

        Run recorded = simulate(jar, List.of("-XX:StartFlightRecording=filename=" + recording), "recorded");

        assertThat(recorded.status).as(recorded.output).isZero();
        assertThat(recorded.output).contains("runs in this JVM, which was started with -XX:StartFlightRecording")
            .contains("simulating in this JVM");
        assertThat(recording).isNotEmptyFile();
    }

    @Test
    void theSimulatorsJvmEndsWhenTheOneThatStartedItIsKilled() throws Exception {
        Path longer = Files.writeString(work.resolve("longer.json"), SCENARIO.replace("\"hours\": 0.25", "\"hours\": 24"));
        List<String> command = List.of(javaExecutable(), "-jar", jar.toString(), "simulate", "--scenario", longer.toString(),
                "--out", work.resolve("killed").toString());
        Process parent = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(work.resolve("killed.log").toFile()).start();
        try {
            ProcessHandle child = null;
            for (int i = 0; i < 600 && child == null && parent.isAlive(); i++) {
                child = parent.toHandle().children()
                    .filter(process -> process.info().arguments().map(List::of).orElse(List.of())
                        .contains("-Dnohold.simulator.runtime=prepared"))
                    .findFirst()
                    .orElse(null);
                if (child == null) {
                    parent.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            assertThat(child).as("the prepared runtime's JVM, started by the simulate command").isNotNull();

            parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(child.onExit().get(60, TimeUnit.SECONDS).isAlive()).as("the simulator's JVM, left alone").isFalse();
        }
        finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    private record Run(int status, String output, Path out) {
    }

    private static Run simulate(Path jar, List<String> jvmOptions, String name, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("simulate", "--scenario", scenario.toString(), "--out",
                work.resolve(name).toString()));
        arguments.addAll(List.of(more));
        return run(jar, jvmOptions, name, arguments);
    }

    private static Run run(Path jar, List<String> jvmOptions, String name, List<String> arguments) throws Exception {
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), work.resolve(name));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The figures of result.json without the run's own wall time. */
    private static JsonNode results(Path out) throws IOException {
        JsonNode results = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("results");
        for (Iterator<Map.Entry<String, JsonNode>> modes = results.fields(); modes.hasNext();) {
            ((ObjectNode) modes.next().getValue()).remove("run");
        }
        return results;
    }

}
