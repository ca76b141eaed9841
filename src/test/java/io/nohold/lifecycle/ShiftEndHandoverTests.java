package io.nohold.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.nohold.calendar.OpeningInterval;
import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.directory.RepSchedule;
import io.nohold.directory.RepSchedules;
import io.nohold.directory.RepStatus;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When a rep's shift ends, the contacts whose promise falls in their next shift stay with them; the others go to the
 * next named backup on shift, or to the team when nobody is on shift. Each shift end is handled once.
 */
@NoHoldTest
class ShiftEndHandoverTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile caseFile;

    @Autowired
    RepSchedules schedules;

    @Autowired
    ShiftEndHandover handover;

    @Autowired
    JdbcClient jdbc;

    RepSchedule danaBefore;

    @BeforeEach
    void workingMorning() {
        danaBefore = schedules.schedule("dana");
        driver.clearDesksOf("north");
        // Wednesday 3 March 2027, 10:00 in Hamburg: Dana (early shift) and Nils (late shift) both work
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-03-03T10:00").atZone(BERLIN).toInstant()));
    }

    @AfterEach
    void restore() {
        schedules.save("dana", danaBefore);
        jdbc.sql("DELETE FROM rep_shift_end WHERE rep_id IN ('dana', 'nils', 'freya')").update();
        driver.clearDesksOf("north");
        driver.reset();
    }

    @Test
    void aContactPromisedInTheNextShiftStaysAndAnEarlierOneGoesToTheNextBackupOnShift() {
        IntakeAnswer early = driver.submit("EMAIL", customer("C-1001"), "promised early", false, true);
        driver.passTime(Duration.ofMinutes(45));
        IntakeAnswer later = driver.submit("EMAIL", customer("C-1004"), "promised later", false, true);
        assertThat(early.handler().id()).isEqualTo("dana");
        assertThat(later.handler().id()).isEqualTo("dana");
        Instant earlyPromise = caseFile.get(early.caseNumber()).promisedBy();
        Instant laterPromise = caseFile.get(later.caseNumber()).promisedBy();

        // Dana's shift ends two minutes from now; her next one starts after the first promise, not after the second
        Instant shiftEnd = driver.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        Instant nextShift = (earlyPromise.isAfter(shiftEnd) ? earlyPromise : shiftEnd).truncatedTo(ChronoUnit.MINUTES)
            .plus(Duration.ofMinutes(1));
        assertThat(laterPromise).as("the second promise lies in Dana's next shift").isAfterOrEqualTo(nextShift);
        schedules.save("dana", shifts(shiftEnd, nextShift));

        driver.passTime(Duration.ofMinutes(3));
        assertThat(schedules.onShift(rep("dana"), driver.now())).isFalse();
        assertThat(schedules.nextShiftStart(rep("dana"), driver.now())).contains(nextShift);
        assertThat(handover.run()).as("Dana's shift end").isEqualTo(1);

        assertThat(driver.task(early.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getAssignee())
            .isEqualTo("nils");
        assertThat(caseFile.get(early.caseNumber()).handlerId()).isEqualTo("nils");
        assertThat(caseFile.get(early.caseNumber()).personalRepId()).as("the relationship stays").isEqualTo("dana");
        assertThat(shiftEnded(early.caseNumber())).containsExactly("Dana Berg's shift ended; from Dana Berg to Nils Olsen");
        assertThat(driver.task(later.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getAssignee())
            .as("promised in Dana's next shift").isEqualTo("dana");
        assertThat(shiftEnded(later.caseNumber())).isEmpty();

        // another node, or the next minute: nothing more happens
        assertThat(handover.run()).isZero();
        assertThat(shiftEnded(early.caseNumber())).hasSize(1);
        assertThat(driver.task(early.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getAssignee())
            .isEqualTo("nils");
    }

    @Test
    void aContactBeingResolvedStaysWhenItsResolutionIsDueInTheNextShift() {
        IntakeAnswer answer = driver.submit("EMAIL", customer("C-1001"), "reached already", false, true);
        assertThat(answer.handler().id()).isEqualTo("dana");
        driver.complete("dana", driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER),
                Map.of("reachNotes", "called her, checking the order"));
        Instant promise = caseFile.get(answer.caseNumber()).promisedBy();
        Instant resolutionDue = caseFile.get(answer.caseNumber()).resolutionDueAt();
        // Dana's next shift starts after the first-response promise, which no longer matters, and before the resolution
        Instant shiftEnd = driver.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        Instant nextShift = promise.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        assertThat(resolutionDue).isAfter(nextShift);
        schedules.save("dana", shifts(shiftEnd, nextShift));

        driver.passTime(Duration.ofMinutes(3));
        assertThat(handover.run()).isEqualTo(1);

        assertThat(driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.RESOLVE_CONTACT).getAssignee())
            .isEqualTo("dana");
        assertThat(shiftEnded(answer.caseNumber())).isEmpty();
    }

    @Test
    void withNobodyOnShiftTheContactIsOfferedToTheTeam() {
        IntakeAnswer answer = driver.submit("EMAIL", customer("C-1001"), "nobody left", false, true);
        assertThat(answer.handler().id()).isEqualTo("dana");
        Instant shiftEnd = driver.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        schedules.save("dana", shifts(shiftEnd, LocalDateTime.parse("2027-03-05T08:00").atZone(BERLIN).toInstant()));
        driver.setStatus("nils", RepStatus.AWAY);
        driver.setStatus("freya", RepStatus.OFF);

        driver.passTime(Duration.ofMinutes(3));
        assertThat(handover.run()).isEqualTo(1);

        assertThat(driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getAssignee()).isNull();
        assertThat(driver.candidateGroups(driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER)))
            .containsExactly("reps-north");
        assertThat(shiftEnded(answer.caseNumber()))
            .containsExactly("Dana Berg's shift ended and no backup is on shift; offered to reps-north");
    }

    /** Dana's schedule: from 08:00 until the shift end, and one hour from the next shift start. */
    private static RepSchedule shifts(Instant end, Instant nextStart) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        LocalDateTime endLocal = LocalDateTime.ofInstant(end, BERLIN);
        LocalDateTime nextLocal = LocalDateTime.ofInstant(nextStart, BERLIN);
        add(week, endLocal.getDayOfWeek(), new OpeningInterval(8 * 60, minute(endLocal)));
        add(week, nextLocal.getDayOfWeek(),
                new OpeningInterval(minute(nextLocal), Math.min(OpeningInterval.END_OF_DAY, minute(nextLocal) + 60)));
        return new RepSchedule(week, List.of());
    }

    private static void add(Map<DayOfWeek, List<OpeningInterval>> week, DayOfWeek day, OpeningInterval shift) {
        week.computeIfAbsent(day, ignored -> new ArrayList<>()).add(shift);
    }

    private static int minute(LocalDateTime local) {
        return local.getHour() * 60 + local.getMinute();
    }

    private io.nohold.directory.Rep rep(String id) {
        return new io.nohold.directory.Rep(id, id, "north", 1, RepStatus.AVAILABLE);
    }

    private List<String> shiftEnded(String caseNumber) {
        return jdbc.sql("SELECT detail FROM case_event WHERE case_number = ? AND type = ? ORDER BY id")
            .param(caseNumber)
            .param(CaseEventType.SHIFT_ENDED.name())
            .query(String.class)
            .list();
    }

    private static CustomerDetails customer(String id) {
        return new CustomerDetails(id, null, null, null, null, null);
    }

}
