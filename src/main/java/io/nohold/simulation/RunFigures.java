package io.nohold.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The figures of one run, per region and in total, as {@code result.json} gives them (docs/simulation.md, "What the
 * figures mean").
 */
@JsonPropertyOrder({ "mode", "total", "regions", "run" })
public record RunFigures(String mode, Figures total, Map<String, Figures> regions, RunInfo run) {

    /** How the run went: simulated period, contacts, jobs the engine executed, and the time it took. */
    public record RunInfo(Instant start, Instant end, Instant stoppedAt, int contacts, int jobsExecuted, int jobsFailed,
            double seconds) {
    }

    @JsonPropertyOrder({ "contacts", "reached", "escalated", "unsettled", "serviceLevel", "pWait", "asaSeconds",
            "waitP50Seconds", "waitP90Seconds", "promisesKept", "continuity", "handoversByRing", "escalations", "occupancy",
            "reps" })
    public record Figures(int contacts, int reached, int escalated, int unsettled, Double serviceLevel, Double pWait,
            Double asaSeconds, Double waitP50Seconds, Double waitP90Seconds, Double promisesKept, Double continuity,
            Map<String, Long> handoversByRing, long escalations, Double occupancy, int reps) {
    }

    static RunFigures of(Simulator.Run run) {
        int answerTarget = run.scenario().answerTargetSeconds();
        Map<String, Figures> regions = new LinkedHashMap<>();
        for (int r = 0; r < run.regions().size(); r++) {
            int region = r;
            regions.put(run.regions().get(r).spec().id(), figures(
                    run.contacts().stream().filter(c -> c.arrival.region() == region).toList(),
                    run.reps().stream().filter(rep -> rep.region == region).toList(), run, answerTarget));
        }
        Figures total = figures(run.contacts(), run.reps(), run, answerTarget);
        return new RunFigures(run.mode().id(), total, regions,
                new RunInfo(run.scenario().start().toInstant(), run.end(), run.stoppedAt(), run.contacts().size(),
                        run.jobsExecuted(), run.jobsFailed(), round(run.took().toMillis() / 1000.0, 1)));
    }

    static Figures figures(List<SimulatedContact> contacts, List<Simulator.SimulatedRep> reps, Simulator.Run run,
            int answerTarget) {
        int n = contacts.size();
        int reached = 0;
        int escalated = 0;
        int withinTarget = 0;
        int waited = 0;
        int kept = 0;
        int ownRep = 0;
        double waitSum = 0;
        double[] waits = new double[n];
        for (int i = 0; i < n; i++) {
            SimulatedContact contact = contacts.get(i);
            Double wait = contact.waitSeconds();
            // a contact nobody reached waited longer than any that was reached
            waits[i] = wait == null ? Double.POSITIVE_INFINITY : wait;
            if (wait == null) {
                waited++;
                if (contact.escalatedAt != null) {
                    escalated++;
                }
                continue;
            }
            reached++;
            waitSum += wait;
            if (wait <= answerTarget) {
                withinTarget++;
            }
            if (wait > 0) {
                waited++;
            }
            if (!contact.reachedAt.isAfter(contact.promisedBy)) {
                kept++;
            }
            if (contact.reachedBy.equals(contact.personalRepId)) {
                ownRep++;
            }
        }
        Arrays.sort(waits);
        long escalations = contacts.stream()
            .flatMap(c -> c.handovers.stream())
            .filter(h -> "supervisor".equals(h.ring()))
            .count();
        return new Figures(n, reached, escalated, n - reached - escalated, share(withinTarget, n), share(waited, n),
                reached == 0 ? null : round(waitSum / reached, 1), quantile(waits, 0.5), quantile(waits, 0.9),
                share(kept, n), share(ownRep, n), Simulator.countRings(contacts), escalations, occupancy(reps, run),
                reps.size());
    }

    /** Busy time over the time reps were on shift and available during the simulated period. */
    private static Double occupancy(List<Simulator.SimulatedRep> reps, Simulator.Run run) {
        Instant start = run.scenario().start().toInstant();
        double available = 0;
        double busy = 0;
        for (Simulator.SimulatedRep rep : reps) {
            if (rep.away) {
                continue;
            }
            for (Instant at = start; at.isBefore(run.end()); at = at.plusSeconds(60)) {
                if (rep.workingTime.isOpen(at)) {
                    available += Math.min(60, (run.end().toEpochMilli() - at.toEpochMilli()) / 1000.0);
                }
            }
            busy += rep.busySeconds;
        }
        return available == 0 ? null : round(Math.min(1, busy / available), 4);
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    /** The empirical quantile (nearest rank); null when it falls on a contact nobody reached. */
    private static Double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        double value = sorted[Math.max(0, rank)];
        return Double.isInfinite(value) ? null : round(value, 1);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** Handovers by the rings (backup, team) that came before the personal window ended; expected: none. */
    static List<String> handoversBeforePersonalWindow(List<SimulatedContact> contacts) {
        List<String> early = new ArrayList<>();
        for (SimulatedContact contact : contacts) {
            for (SimulatedContact.Handover handover : contact.handovers) {
                boolean byTimer = handover.type() == io.nohold.casefile.CaseEventType.HANDED_OVER_TO_BACKUP
                        || handover.type() == io.nohold.casefile.CaseEventType.OFFERED_TO_TEAM;
                if (byTimer && handover.at().isBefore(contact.personalWindowEndsAt)) {
                    early.add(contact.caseNumber + " " + handover.type() + " at " + handover.at());
                }
            }
        }
        return early;
    }

}
