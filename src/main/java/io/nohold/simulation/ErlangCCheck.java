package io.nohold.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The pooled mode against Erlang C: the scenario's one region run pooled with each number of agents, next to the
 * textbook's service level and average wait (docs/simulation.md, "Checked against the textbook").
 */
final class ErlangCCheck {

    private ErlangCCheck() {
    }

    /**
     * One agent count: Erlang C for the nominal load ({@code expected…}), Erlang C for the load the runs were actually
     * given ({@code draw…}: their arrivals per hour and mean handle time), and the simulated figures. With several
     * replications (seeds {@code seed}, {@code seed + 1}, …) every figure is the mean over them, and the
     * {@code …Margin}s are the half-widths of their 95 % confidence intervals (Student's t over the replications;
     * 0 for one run, whose waits are too correlated to give one).
     */
    record Row(int agents, int contacts, double expectedServiceLevel, double serviceLevel, double expectedAsaSeconds,
            double asaSeconds, double expectedPWait, double pWait, double seconds, double drawErlangs,
            double drawServiceLevel, double drawAsaSeconds, double drawPWait, int replications,
            double serviceLevelMargin, double asaMargin, double pWaitMargin) {

        String line() {
            if (replications > 1) {
                return String.format(Locale.ROOT,
                        "%d agents, %d runs: service level %.1f ± %.1f %% (Erlang C %.1f %%), ASA %.1f ± %.1f s (%.1f s), waited %.1f ± %.1f %% (%.1f %%), draws of %.2f Erlangs on average, %d contacts, %.0f s",
                        agents, replications, serviceLevel * 100, serviceLevelMargin * 100, expectedServiceLevel * 100,
                        asaSeconds, asaMargin, expectedAsaSeconds, pWait * 100, pWaitMargin * 100, expectedPWait * 100,
                        drawErlangs, contacts, seconds);
            }
            return String.format(Locale.ROOT,
                    "%d agents: service level %.1f %% (Erlang C %.1f %%, for the draw of %.2f Erlangs %.1f %%), ASA %.1f s (%.1f s, %.1f s), waited %.1f %% (%.1f %%, %.1f %%), %d contacts, %.0f s",
                    agents, serviceLevel * 100, expectedServiceLevel * 100, drawErlangs, drawServiceLevel * 100, asaSeconds,
                    expectedAsaSeconds, drawAsaSeconds, pWait * 100, expectedPWait * 100, drawPWait * 100, contacts, seconds);
        }

    }

    static List<Row> run(Simulator simulator, Scenario scenario, List<Integer> agents, int replications) {
        if (scenario.regions().size() != 1
                || scenario.handleTime().distribution() != Scenario.HandleTime.Distribution.EXPONENTIAL) {
            throw new ScenarioReader.InvalidScenario(List.of(
                    "--erlang-c: needs a scenario with exactly one region and exponential handle times"));
        }
        Scenario.RegionSpec region = scenario.regions().get(0);
        List<Row> rows = new ArrayList<>();
        for (int count : agents) {
            List<Row> runs = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                Scenario replication = scenario.withSeed(scenario.seed() + r);
                Simulator.Run run = simulator.run(replication.withReps(region.id(), count).withMode(RoutingMode.POOLED),
                        RoutingMode.POOLED);
                runs.add(row(count, replication, run));
            }
            rows.add(combined(runs));
        }
        return rows;
    }

    /** The replications of one agent count as one row: means, and the 95 % confidence half-widths. */
    static Row combined(List<Row> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        Row first = runs.get(0);
        return new Row(first.agents(), runs.stream().mapToInt(Row::contacts).sum(), first.expectedServiceLevel(),
                mean(runs, Row::serviceLevel), first.expectedAsaSeconds(), mean(runs, Row::asaSeconds),
                first.expectedPWait(), mean(runs, Row::pWait), runs.stream().mapToDouble(Row::seconds).sum(),
                mean(runs, Row::drawErlangs), mean(runs, Row::drawServiceLevel), mean(runs, Row::drawAsaSeconds),
                mean(runs, Row::drawPWait), runs.size(), margin(runs, Row::serviceLevel), margin(runs, Row::asaSeconds),
                margin(runs, Row::pWait));
    }

    private static double mean(List<Row> runs, ToDoubleFunction<Row> figure) {
        return runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /** Half the width of the 95 % confidence interval of the mean, from the spread between replications. */
    static double margin(List<Row> runs, ToDoubleFunction<Row> figure) {
        int n = runs.size();
        double mean = mean(runs, figure);
        double squares = runs.stream().mapToDouble(figure).map(x -> (x - mean) * (x - mean)).sum();
        return studentT975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    /**
     * The 97.5 % quantile of Student's t with {@code df} degrees of freedom: from the table for one to nine, else the
     * Cornish-Fisher expansion around the normal's 1.96 (within 0.005 from ten degrees of freedom on).
     */
    static double studentT975(int df) {
        double[] small = { Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262 };
        if (df < small.length) {
            return small[df];
        }
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    static Row row(int agents, Scenario scenario, Simulator.Run run) {
        RunFigures figures = RunFigures.of(run);
        Scenario.RegionSpec region = scenario.regions().get(0);
        int target = scenario.answerTargetSeconds();
        ErlangC textbook = ErlangC.of(agents, region.arrivalsPerHour(), scenario.handleTime().meanSeconds());
        ErlangC draw = drawn(agents, scenario, run);
        RunFigures.Figures total = figures.total();
        return new Row(agents, total.contacts(), textbook.serviceLevel(target), total.serviceLevel(),
                textbook.averageWaitSeconds(), total.asaSeconds(), textbook.probabilityOfWaiting(), total.pWait(),
                figures.run().seconds(), draw.erlangs(), draw.serviceLevel(target), draw.averageWaitSeconds(),
                draw.probabilityOfWaiting(), 1, 0, 0, 0);
    }

    /** Erlang C for the load the run was given: its contacts per hour of the period and their mean handle time. */
    static ErlangC drawn(int agents, Scenario scenario, Simulator.Run run) {
        double perHour = run.contacts().size() / scenario.hours();
        double meanHandle = run.contacts().stream().mapToDouble(c -> c.arrival.handleSeconds()).average().orElse(1);
        return ErlangC.of(agents, perHour, meanHandle);
    }

}
