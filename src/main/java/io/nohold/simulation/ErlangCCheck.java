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

    record Row(int agents, int contacts, double expectedServiceLevel, double serviceLevel, double expectedAsaSeconds,
            double asaSeconds, double expectedPWait, double pWait, double seconds) {

        String line() {
            return String.format(Locale.ROOT,
                    "%d agents: service level %.1f %% (Erlang C %.1f %%), ASA %.1f s (Erlang C %.1f s), waited %.1f %% (%.1f %%), %d contacts, %.0f s",
                    agents, serviceLevel * 100, expectedServiceLevel * 100, asaSeconds, expectedAsaSeconds, pWait * 100,
                    expectedPWait * 100, contacts, seconds);
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
            RunFigures figures = simulator.simulate(scenario.withReps(region.id(), count).withMode(RoutingMode.POOLED),
                    RoutingMode.POOLED);
            rows.add(row(count, scenario, figures));
        }
        return rows;
    }

    static Row row(int agents, Scenario scenario, RunFigures figures) {
        Scenario.RegionSpec region = scenario.regions().get(0);
        ErlangC textbook = ErlangC.of(agents, region.arrivalsPerHour(), scenario.handleTime().meanSeconds());
        RunFigures.Figures total = figures.total();
        return new Row(agents, total.contacts(), textbook.serviceLevel(scenario.answerTargetSeconds()),
                total.serviceLevel(), textbook.averageWaitSeconds(), total.asaSeconds(), textbook.probabilityOfWaiting(),
                total.pWait(), figures.run().seconds());
    }

}
