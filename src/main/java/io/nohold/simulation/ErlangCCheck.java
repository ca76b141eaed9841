package io.nohold.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pooled mode against Erlang C: the scenario's one region run pooled with each number of agents, next to the
 * textbook's service level and average wait (docs/simulation.md, "Checked against the textbook").
 */
final class ErlangCCheck {

    private ErlangCCheck() {
    }

    /**
     * One agent count: Erlang C for the nominal load ({@code expected…}), Erlang C for the load the run was actually
     * given ({@code draw…}: its arrivals per hour and mean handle time), and the simulated figures.
     */
    record Row(int agents, int contacts, double expectedServiceLevel, double serviceLevel, double expectedAsaSeconds,
            double asaSeconds, double expectedPWait, double pWait, double seconds, double drawErlangs,
            double drawServiceLevel, double drawAsaSeconds, double drawPWait) {

        String line() {
            return String.format(Locale.ROOT,
                    "%d agents: service level %.1f %% (Erlang C %.1f %%, for the draw of %.2f Erlangs %.1f %%), ASA %.1f s (%.1f s, %.1f s), waited %.1f %% (%.1f %%, %.1f %%), %d contacts, %.0f s",
                    agents, serviceLevel * 100, expectedServiceLevel * 100, drawErlangs, drawServiceLevel * 100, asaSeconds,
                    expectedAsaSeconds, drawAsaSeconds, pWait * 100, expectedPWait * 100, drawPWait * 100, contacts, seconds);
        }

    }

    static List<Row> run(Simulator simulator, Scenario scenario, List<Integer> agents) {
        if (scenario.regions().size() != 1
                || scenario.handleTime().distribution() != Scenario.HandleTime.Distribution.EXPONENTIAL) {
            throw new ScenarioReader.InvalidScenario(List.of(
                    "--erlang-c: needs a scenario with exactly one region and exponential handle times"));
        }
        Scenario.RegionSpec region = scenario.regions().get(0);
        List<Row> rows = new ArrayList<>();
        for (int count : agents) {
            Simulator.Run run = simulator.run(scenario.withReps(region.id(), count).withMode(RoutingMode.POOLED),
                    RoutingMode.POOLED);
            rows.add(row(count, scenario, run));
        }
        return rows;
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
                draw.probabilityOfWaiting());
    }

    /** Erlang C for the load the run was given: its contacts per hour of the period and their mean handle time. */
    static ErlangC drawn(int agents, Scenario scenario, Simulator.Run run) {
        double perHour = run.contacts().size() / scenario.hours();
        double meanHandle = run.contacts().stream().mapToDouble(c -> c.arrival.handleSeconds()).average().orElse(1);
        return ErlangC.of(agents, perHour, meanHandle);
    }

}
