package io.nohold.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The fewest reps on shift in one region that keep a target share of promises and a target continuity, on the
 * scenario's day and in its (first) mode: a bisection over the region's rep count, each step one full simulated run.
 * Both shares grow with the reps (more reps, fewer waits, more own reps free), which the search relies on; the
 * answer is checked by its own run, and every run tried is reported.
 */
@Component
class StaffingSearch {

    private final Simulator simulator;

    StaffingSearch(Simulator simulator) {
        this.simulator = simulator;
    }

    record Tried(int reps, double promisesKept, double continuity, double serviceLevel, boolean meets) {
    }

    /** {@code reps} null: not reached with {@code maxReps}. */
    record Answer(String region, RoutingMode mode, double targetKept, double targetContinuity, Integer reps,
            List<Tried> tried) {
    }

    Answer find(Scenario scenario, String regionId, double targetKept, double targetContinuity, int maxReps) {
        String region = regionId != null ? regionId : scenario.regions().get(0).id();
        if (scenario.regions().stream().noneMatch(r -> r.id().equals(region))) {
            throw new ScenarioReader.InvalidScenario(List.of("--region: the scenario has no region " + region + "; it has "
                    + scenario.regions().stream().map(Scenario.RegionSpec::id).toList()));
        }
        RoutingMode mode = scenario.mode();
        Map<Integer, Tried> tried = new TreeMap<>();
        if (!meets(scenario, region, maxReps, mode, targetKept, targetContinuity, tried)) {
            return new Answer(region, mode, targetKept, targetContinuity, null, new ArrayList<>(tried.values()));
        }
        int low = 0;
        int high = maxReps;
        // invariant: high meets the targets, low does not (0 reps answer nobody)
        while (high - low > 1) {
            int middle = (low + high) / 2;
            if (meets(scenario, region, middle, mode, targetKept, targetContinuity, tried)) {
                high = middle;
            }
            else {
                low = middle;
            }
        }
        return new Answer(region, mode, targetKept, targetContinuity, high, new ArrayList<>(tried.values()));
    }

    private boolean meets(Scenario scenario, String region, int reps, RoutingMode mode, double targetKept,
            double targetContinuity, Map<Integer, Tried> tried) {
        RunFigures figures = simulator.simulate(scenario.withReps(region, reps).withMode(mode), mode);
        RunFigures.Figures regionFigures = figures.regions().get(region);
        double kept = regionFigures.promisesKept() == null ? 0 : regionFigures.promisesKept();
        double continuity = regionFigures.continuity() == null ? 0 : regionFigures.continuity();
        boolean meets = kept >= targetKept && continuity >= targetContinuity;
        tried.put(reps, new Tried(reps, kept, continuity,
                regionFigures.serviceLevel() == null ? 0 : regionFigures.serviceLevel(), meets));
        return meets;
    }

}
