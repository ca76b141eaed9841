package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;
import io.nohold.directory.HandlerRings.Ring;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rings: own rep, previous handler, then the named backups in the region's order, each only when available and
 * on shift. The rule itself without a database; the stored shifts and absences in the application.
 */
@NoHoldTest
class HandlerRingsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    HandlerRings rings;

    @Autowired
    RepSchedules schedules;

    @Autowired
    RegionCalendars calendars;

    @Autowired
    CaseDriver driver;

    RepSchedule danaBefore;

    @AfterEach
    void restore() {
        if (danaBefore != null) {
            schedules.save("dana", danaBefore);
        }
        driver.reset();
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static Rep rep(String id, int rank, RepStatus status) {
        return new Rep(id, id.toUpperCase() + " Rep", "north", rank, status);
    }

    static final Rep DANA = rep("dana", 1, RepStatus.AVAILABLE);

    static final Rep NILS = rep("nils", 2, RepStatus.AVAILABLE);

    static final Rep FREYA = rep("freya", 3, RepStatus.AVAILABLE);

    @Test
    void theOwnRepHandlesWhenAvailable() {
        assertThat(new Ring(List.of(DANA, NILS, FREYA)).firstHandler("nils", null)).contains(NILS);
    }

    @Test
    void aReopenedCaseGoesBackToItsPreviousHandlerWhenTheOwnRepIsAway() {
        Ring ring = new Ring(List.of(rep("dana", 1, RepStatus.AWAY), NILS, FREYA));

        assertThat(ring.firstHandler("dana", "freya")).contains(FREYA);
    }

    @Test
    void withTheOwnRepAwayTheFirstAvailableBackupInOrderHandles() {
        Ring ring = new Ring(List.of(DANA, rep("nils", 2, RepStatus.OFF), FREYA));

        assertThat(ring.firstHandler("dana", null)).as("dana available").contains(DANA);
        assertThat(new Ring(List.of(rep("dana", 1, RepStatus.AWAY), rep("nils", 2, RepStatus.OFF), FREYA))
            .firstHandler("dana", null)).contains(FREYA);
    }

    @Test
    void theNextBackupComesAfterTheCurrentHandlerAndNeverIsTheOwnRep() {
        Ring ring = new Ring(List.of(DANA, NILS, FREYA));

        assertThat(ring.nextBackup("dana", "dana")).as("from the own rep").contains(NILS);
        assertThat(ring.nextBackup("dana", "nils")).as("from the first backup").contains(FREYA);
        assertThat(ring.nextBackup("dana", "freya")).as("the ring is exhausted").isEmpty();
        assertThat(ring.nextBackup("nils", "nils")).as("own rep in the middle of the order").contains(DANA);
    }

    @Test
    void nobodyAvailableGivesNobody() {
        Ring ring = new Ring(List.of(rep("dana", 1, RepStatus.OFF), rep("nils", 2, RepStatus.AWAY)));

        assertThat(ring.firstHandler("dana", "nils")).isEmpty();
    }

    @Test
    void aRepOffShiftIsSkippedLikeARepWhoIsAway() {
        Ring ring = new Ring(List.of(DANA, NILS, FREYA), rep -> !rep.id().equals("dana") && !rep.id().equals("nils"));

        assertThat(ring.firstHandler("dana", "nils")).contains(FREYA);
        assertThat(ring.nextBackup("dana", "dana")).contains(FREYA);
    }

    @Test
    void withoutShiftsARepWorksWhenTheRegionIsOpenAndAbsencesAlwaysApply() {
        RegionCalendar office = new RegionCalendar(BERLIN, Map.of(DayOfWeek.WEDNESDAY, List.of(new OpeningInterval(8 * 60, 18 * 60))),
                null, null, List.of(LocalDate.of(2027, 3, 10)));
        BusinessCalendar none = RepSchedule.NONE.workingTime(office);
        assertThat(none.isOpen(berlin("2027-03-03T17:59"))).isTrue();
        assertThat(none.isOpen(berlin("2027-03-03T18:00"))).isFalse();
        assertThat(none.isOpen(berlin("2027-03-10T10:00"))).as("the region's closed date").isFalse();
        assertThat(RepSchedule.NONE.workingTime(RegionCalendar.AROUND_THE_CLOCK).isOpen(berlin("2027-03-07T03:00")))
            .as("a region without a calendar: around the clock, as before shifts").isTrue();

        Map<DayOfWeek, List<OpeningInterval>> saturday = new EnumMap<>(DayOfWeek.class);
        saturday.put(DayOfWeek.SATURDAY, List.of(new OpeningInterval(20 * 60, 24 * 60)));
        BusinessCalendar shifts = new RepSchedule(saturday,
                List.of(new Absence(berlin("2027-03-03T12:00"), berlin("2027-03-03T13:00"), Absence.Kind.OTHER, null)))
            .workingTime(office);
        assertThat(shifts.isOpen(berlin("2027-03-06T21:00"))).as("a shift outside the opening hours").isTrue();
        assertThat(shifts.isOpen(berlin("2027-03-03T10:00"))).as("shifts replace the opening hours").isFalse();
        BusinessCalendar away = new RepSchedule(Map.of(),
                List.of(new Absence(berlin("2027-03-03T12:00"), berlin("2027-03-03T13:00"), Absence.Kind.SICK, null)))
            .workingTime(office);
        assertThat(away.isOpen(berlin("2027-03-03T12:30"))).as("an absence within the region's hours").isFalse();
        assertThat(away.isOpen(berlin("2027-03-03T13:00"))).isTrue();
    }

    @Test
    void theRingsChooseOnlyRepsOnShift() {
        danaBefore = schedules.schedule("dana");
        // Dana works Wednesday mornings only, until 09:30
        schedules.save("dana", new RepSchedule(Map.of(DayOfWeek.WEDNESDAY, List.of(new OpeningInterval(7 * 60, 9 * 60 + 30))),
                List.of()));
        Instant nine = berlin("2027-03-03T09:00");
        Instant ten = berlin("2027-03-03T10:00");
        assertThat(rings.firstHandler("north", "dana", null, nine).map(Rep::id)).contains("dana");
        assertThat(rings.firstHandler("north", "dana", null, ten).map(Rep::id)).contains("nils");
        assertThat(rings.nextBackup("north", "dana", "dana", ten).map(Rep::id)).contains("nils");
        // at 15:00 only the late shift (Nils, Freya) works; at 19:00 nobody
        Instant three = berlin("2027-03-03T15:00");
        assertThat(rings.firstHandler("north", "nils", null, three).map(Rep::id)).contains("nils");
        assertThat(rings.nextBackup("north", "nils", "nils", three).map(Rep::id)).contains("freya");
        assertThat(rings.firstHandler("north", "nils", null, berlin("2027-03-03T19:00"))).isEmpty();
        // the three-argument rings mean now, on the engine clock
        ClockUtil.setCurrentTime(Date.from(ten));
        assertThat(rings.firstHandler("north", "dana", null).map(Rep::id)).contains("nils");
        ClockUtil.setCurrentTime(Date.from(nine));
        assertThat(rings.firstHandler("north", "dana", null).map(Rep::id)).contains("dana");
    }

    @Test
    void theFirstMomentSomeoneCanAnswerIsTheEarliestShiftOfAnAvailableRep() {
        // Wednesday night: Dana's early shift starts at 08:00 on Thursday
        assertThat(rings.firstMomentSomeoneCanAnswer("north", berlin("2027-03-03T22:00")))
            .contains(berlin("2027-03-04T08:00"));
        Instant now = berlin("2027-03-03T10:00");
        assertThat(rings.firstMomentSomeoneCanAnswer("north", now)).as("someone is on shift now").contains(now);
        // Good Friday (26 March 2027) and Easter Monday are Hamburg holidays: nobody works from Thursday 18:00 on
        driver.setStatus("freya", RepStatus.AWAY);
        assertThat(rings.firstMomentSomeoneCanAnswer("north", berlin("2027-03-25T18:00")))
            .contains(berlin("2027-03-30T08:00"));
        driver.setStatusOfRegion("north", RepStatus.OFF);
        assertThat(rings.firstMomentSomeoneCanAnswer("north", now)).as("nobody available").isEmpty();
    }

    @Test
    void theRegionsShiftsAreReadInOneGo() {
        Map<String, BusinessCalendar> times = schedules.workingTimes("north", berlin("2027-03-03T10:00"));
        assertThat(times.keySet()).containsAll(Set.of("dana", "nils", "freya"));
        assertThat(times.get("freya").isOpen(berlin("2027-03-06T10:00"))).as("Freya's Saturday morning").isTrue();
        assertThat(times.get("dana").isOpen(berlin("2027-03-06T10:00"))).isFalse();
        assertThat(calendars.current("north").timeZone()).isEqualTo(BERLIN);
    }

}
