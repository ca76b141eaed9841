package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.nohold.NoHoldApplication;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The simulator as the command line starts it (no web server, the simulation profile): NoHold's own processes, tables
 * and services on simulated time. The figures are checked against what must hold on any day, and the pooled mode
 * against the textbook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles(NoHoldApplication.SIMULATION_PROFILE)
class SimulationTests {

    @Autowired
    Simulator simulator;

    @Autowired
    AuthorizationService authorizations;

    /** A busy morning: six reps for 4.5 Erlangs, so that contacts wait past the personal window and the rings move them. */
    private static final String BUSY_MORNING = """
            {"start": "2026-12-07T08:00:00+01:00", "hours": 1.5, "seed": 7, "mode": "rings",
             "handleTime": {"distribution": "lognormal", "meanSeconds": 180, "spreadSeconds": 120},
             "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 6, "arrivalsPerHour": 90,
                          "channels": {"PHONE": 0.7, "CHAT": 0.3}, "customers": 120}]}""";

    @Test
    void theRingsReachOrEscalateEveryContactAndHandOverOnlyAfterThePersonalWindow() {
        Scenario scenario = ScenarioReader.read(BUSY_MORNING);
        Simulator.Run run = simulator.run(scenario, RoutingMode.RINGS);
        RunFigures figures = RunFigures.of(run);
        RunFigures.Figures total = figures.total();

        assertThat(total.contacts()).isGreaterThan(100);
        assertThat(run.contacts()).allSatisfy(contact -> assertThat(contact.settled())
            .as("contact %s reached or escalated", contact.caseNumber)
            .isTrue());
        assertThat(total.unsettled()).isZero();
        assertThat(List.of(total.serviceLevel(), total.pWait(), total.promisesKept(), total.continuity(), total.occupancy()))
            .allSatisfy(share -> assertThat(share).isBetween(0.0, 1.0));
        assertThat(RunFigures.handoversBeforePersonalWindow(run.contacts())).isEmpty();
        // the day is busy enough that the rings work: some contacts go to a backup, most stay with their own rep
        assertThat(total.handoversByRing().get("backup")).isPositive();
        assertThat(total.continuity()).isGreaterThan(0.3);
        // a contact handed to a backup and reached by someone else is the rings at work, not a lost relationship
        assertThat(run.contacts()).anySatisfy(contact -> {
            assertThat(contact.handovers).isNotEmpty();
            assertThat(contact.reachedBy).isNotEqualTo(contact.personalRepId);
        });
        // the simulation's engine checks no authorizations, so no task leaves a grant behind that it would never delete
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list())
            .extracting(grant -> grant.getResourceId())
            .as("only the grants on all tasks that every engine gets")
            .containsOnly(org.camunda.bpm.engine.authorization.Authorization.ANY);
    }

    /**
     * The region opens at 09:00, so the contacts of the early morning are all promised for the same moments after
     * opening: their deadlines and their timers tie. The desk and the timers must still take them in one order (the
     * one that came first, then the lower case number), or the same scenario and seed would give another day.
     */
    @Test
    void theSameScenarioAndSeedGiveTheSameDayEvenWhenPromisesFallDueTogether() {
        Scenario scenario = ScenarioReader.read("""
                {"start": "2026-12-07T06:00:00+01:00", "hours": 5, "seed": 5, "mode": "pooled",
                 "handleTime": {"distribution": "exponential", "meanSeconds": 240},
                 "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 3, "arrivalsPerHour": 24,
                              "openingHours": {"MONDAY": [{"from": "09:00", "to": "17:00"}]},
                              "channels": {"PHONE": 0.5, "EMAIL": 0.5}}]}""");

        List<String> first = contactByContact(simulator.run(scenario, RoutingMode.POOLED));
        List<String> second = contactByContact(simulator.run(scenario, RoutingMode.POOLED));

        assertThat(first).hasSizeGreaterThan(80);
        assertThat(second).isEqualTo(first);
    }

    /** Each contact in order of arrival: when and by which rep (the run's prefix left out) it was reached, its handovers. */
    private static List<String> contactByContact(Simulator.Run run) {
        return run.contacts()
            .stream()
            .sorted(java.util.Comparator.comparingInt(contact -> contact.arrival.number()))
            .map(contact -> contact.arrival.number() + " reached " + contact.reachedAt + " by "
                    + (contact.reachedBy == null ? null : contact.reachedBy.replaceFirst("^s\\d+-", "")) + ", handovers "
                    + contact.handovers.stream().map(handover -> handover.ring() + "@" + handover.at()).toList())
            .toList();
    }

    /**
     * The pooled mode against Erlang C with the issue's example (200 contacts an hour, 180 s exponential, 14 agents):
     * a shortened day, compared with Erlang C for the load this day was actually given (its arrivals per hour and
     * mean handle time; the nominal figures, 88.8 % and 7.8 s, are checked in {@link ErlangCTests}). The tolerance
     * follows from the number of contacts: four standard errors of a share (or of the mean wait), doubled because the
     * waits of callers in a row are not independent. docs/simulation.md has the full table over 11 to 15 agents.
     */
    @Test
    void thePooledModeAnswersAsErlangCSays() {
        Scenario scenario = ScenarioReader.read("""
                {"start": "2026-12-07T08:00:00+01:00", "hours": 2, "seed": 3, "mode": "pooled",
                 "answerTargetSeconds": 20, "handleTime": {"distribution": "exponential", "meanSeconds": 180},
                 "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 14, "arrivalsPerHour": 200,
                 "channels": {"PHONE": 1.0}}]}""");
        Simulator.Run run = simulator.run(scenario, RoutingMode.POOLED);
        ErlangCCheck.Row row = ErlangCCheck.row(14, scenario, run);
        ErlangC draw = ErlangCCheck.drawn(14, scenario, run);
        int n = row.contacts();

        assertThat(n).isGreaterThan(300);
        assertThat(draw.erlangs()).as("the day's load is near the nominal 10 Erlangs").isBetween(8.5, 11.5);
        double slError = Math.sqrt(row.drawServiceLevel() * (1 - row.drawServiceLevel()) / n);
        assertThat(row.serviceLevel()).isCloseTo(row.drawServiceLevel(), org.assertj.core.data.Offset.offset(8 * slError));
        double waitError = Math.sqrt(row.drawPWait() * (1 - row.drawPWait()) / n);
        assertThat(row.pWait()).isCloseTo(row.drawPWait(), org.assertj.core.data.Offset.offset(8 * waitError));
        double theta = (draw.agents() - draw.erlangs()) / draw.handleSeconds();
        double meanSquare = 2 * draw.probabilityOfWaiting() / (theta * theta);
        double asaError = Math.sqrt((meanSquare - Math.pow(draw.averageWaitSeconds(), 2)) / n);
        assertThat(row.asaSeconds()).isCloseTo(row.drawAsaSeconds(), org.assertj.core.data.Offset.offset(8 * asaError));
        // pooled: nobody's own rep is asked first, so only chance keeps a customer with their rep
        assertThat(RunFigures.of(run).total().continuity()).isLessThan(0.2);
    }

}
