package io.nohold.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Business-time arithmetic of a region calendar, checked by examples and against a minute-by-minute walk. */
class BusinessCalendarTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Map<DayOfWeek, List<OpeningInterval>> weekdays(OpeningInterval... intervals) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(intervals));
        }
        return hours;
    }

    static OpeningInterval hours(String from, String to) {
        return new OpeningInterval(OpeningInterval.minutes(from), OpeningInterval.minutes(to));
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static final BusinessCalendar OFFICE = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "18:00")), day -> false);

    static final BusinessCalendar HAMBURG = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "18:00")),
            day -> PublicHolidays.of("DE", "HH", day.getYear()).contains(day));

    @Test
    void fifteenMinutesFromFridayEveningFallDueOnMondayMorning() {
        // Friday 4 December 2026, 17:55
        assertThat(OFFICE.plusBusinessTime(berlin("2026-12-04T17:55"), Duration.ofMinutes(15)))
            .isEqualTo(berlin("2026-12-07T08:10"));
    }

    @Test
    void aPublicHolidayIsSkipped() {
        // Thursday 24 December 2026 is a working day; 25 and 26 December are holidays, then the weekend
        assertThat(HAMBURG.plusBusinessTime(berlin("2026-12-24T17:55"), Duration.ofMinutes(15)))
            .isEqualTo(berlin("2026-12-28T08:10"));
        // Good Friday 2026 is 3 April, Easter Monday 6 April
        assertThat(HAMBURG.isOpen(berlin("2026-04-03T10:00"))).isFalse();
        assertThat(HAMBURG.nextOpening(berlin("2026-04-02T18:00"))).isEqualTo(berlin("2026-04-07T08:00"));
        // Reformation Day is a holiday in Hamburg (a Saturday in 2026; 2025 was a Friday)
        assertThat(HAMBURG.isOpen(berlin("2025-10-31T10:00"))).isFalse();
    }

    @Test
    void aClosedDateIsSkipped() {
        LocalDate inventory = LocalDate.of(2026, 12, 7);
        BusinessCalendar calendar = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "18:00")), inventory::equals);
        assertThat(calendar.plusBusinessTime(berlin("2026-12-04T17:55"), Duration.ofMinutes(15)))
            .isEqualTo(berlin("2026-12-08T08:10"));
    }

    @Test
    void severalIntervalsADayAndALunchBreak() {
        BusinessCalendar calendar = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "12:00"), hours("13:00", "17:00")),
                day -> false);
        assertThat(calendar.isOpen(berlin("2026-12-02T12:30"))).isFalse();
        assertThat(calendar.nextOpening(berlin("2026-12-02T12:30"))).isEqualTo(berlin("2026-12-02T13:00"));
        assertThat(calendar.plusBusinessTime(berlin("2026-12-02T11:50"), Duration.ofMinutes(30)))
            .isEqualTo(berlin("2026-12-02T13:20"));
        // a whole day of open time is eight hours
        assertThat(calendar.plusBusinessTime(berlin("2026-12-02T08:00"), Duration.ofHours(8)))
            .isEqualTo(berlin("2026-12-02T17:00"));
    }

    @Test
    void theDaysTheClocksChangeCountRealTime() {
        Map<DayOfWeek, List<OpeningInterval>> night = new EnumMap<>(DayOfWeek.class);
        night.put(DayOfWeek.SUNDAY, List.of(hours("00:00", "24:00")));
        BusinessCalendar sundays = new BusinessCalendar(BERLIN, night, day -> false);
        // 29 March 2026: 02:00 becomes 03:00, a Sunday of 23 hours
        Instant spring = berlin("2026-03-29T00:00");
        assertThat(sundays.plusBusinessTime(spring, Duration.ofHours(23))).isEqualTo(berlin("2026-03-30T00:00"));
        assertThat(sundays.plusBusinessTime(spring, Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T04:00"));
        // 25 October 2026: 03:00 becomes 02:00, a Sunday of 25 hours
        Instant autumn = berlin("2026-10-25T00:00");
        assertThat(sundays.plusBusinessTime(autumn, Duration.ofHours(25))).isEqualTo(berlin("2026-10-26T00:00"));
        assertThat(sundays.plusBusinessTime(autumn, Duration.ofHours(24)))
            .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-10-25T23:00"), BERLIN).toInstant());
        // an office day after the change still opens at 08:00 local time
        assertThat(OFFICE.plusBusinessTime(berlin("2026-10-23T17:00"), Duration.ofHours(2)))
            .isEqualTo(berlin("2026-10-26T09:00"));
    }

    @Test
    void aCalendarThatNeverOpensSaysSo() {
        BusinessCalendar never = new BusinessCalendar(BERLIN, Map.of(), day -> false);
        assertThatThrownBy(() -> never.plusBusinessTime(berlin("2026-12-04T17:55"), Duration.ofMinutes(1)))
            .isInstanceOf(IllegalStateException.class);
        assertThat(never.plusBusinessTime(berlin("2026-12-04T17:55"), Duration.ZERO)).isEqualTo(berlin("2026-12-04T17:55"));
    }

    @Test
    void overlappingIntervalsAreRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, weekdays(hours("08:00", "12:00"), hours("11:00", "17:00")),
                day -> false)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random calendars in four European zones and New York, with night intervals, closed dates and starts around both
     * clock changes: {@code plusBusinessTime} and {@code nextOpening} agree with counting open minutes one by one.
     */
    @Test
    void agreesWithAMinuteByMinuteWalk() {
        Random random = new Random(20261202L);
        List<ZoneId> zones = List.of(BERLIN, ZoneId.of("Europe/Rome"), ZoneId.of("Europe/Warsaw"), ZoneId.of("Europe/Paris"),
                ZoneId.of("Europe/London"), ZoneId.of("America/New_York"));
        List<LocalDate> around = List.of(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 10, 23), LocalDate.of(2026, 3, 6),
                LocalDate.of(2026, 12, 22), LocalDate.of(2027, 3, 26), LocalDate.of(2026, 11, 1));
        for (int run = 0; run < 300; run++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            Map<DayOfWeek, List<OpeningInterval>> hours = randomHours(random);
            LocalDate base = around.get(random.nextInt(around.size()));
            Set<LocalDate> closedDates = new HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                closedDates.add(base.plusDays(random.nextInt(10)));
            }
            BusinessCalendar calendar = new BusinessCalendar(zone, hours, closedDates::contains);
            Instant start = base.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
            Duration duration = Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 120 : 3000));
            String what = "run " + run + ": " + zone + " " + hours + " closed " + closedDates + " from "
                    + start.atZone(zone) + " plus " + duration;
            Reference reference = new Reference(zone, hours, closedDates);
            assertThat(calendar.plusBusinessTime(start, duration)).as(what).isEqualTo(reference.plus(start, duration));
            assertThat(calendar.nextOpening(start)).as(what).isEqualTo(reference.plus(start, Duration.ZERO));
            assertThat(calendar.isOpen(start)).as(what).isEqualTo(reference.open(start));
        }
    }

    @Test
    void aShiftEndsWhereItsOpenTimeEndsAndTheNextOneStartsAfterTheBreak() {
        BusinessCalendar shifts = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "12:00"), hours("13:00", "17:00")),
                day -> false);
        // Wednesday 3 March 2027
        assertThat(shifts.openUntil(berlin("2027-03-03T10:00"), Duration.ofDays(92))).isEqualTo(berlin("2027-03-03T12:00"));
        assertThat(shifts.openUntil(berlin("2027-03-03T12:30"), Duration.ofDays(92))).as("closed: the moment itself")
            .isEqualTo(berlin("2027-03-03T12:30"));
        assertThat(shifts.nextOpening(berlin("2027-03-03T12:30"), Duration.ofDays(92))).contains(berlin("2027-03-03T13:00"));
        assertThat(shifts.nextOpening(berlin("2027-03-05T17:00"), Duration.ofDays(92))).as("after the weekend")
            .contains(berlin("2027-03-08T08:00"));
        assertThat(shifts.nextOpening(berlin("2027-03-05T17:00"), Duration.ofDays(2))).as("beyond the horizon").isEmpty();
        assertThat(shifts.lastClosing(berlin("2027-03-03T12:30"), Duration.ofDays(1))).contains(berlin("2027-03-03T12:00"));
        assertThat(shifts.lastClosing(berlin("2027-03-03T12:00"), Duration.ofDays(1))).as("at the very end")
            .contains(berlin("2027-03-03T12:00"));
        assertThat(shifts.lastClosing(berlin("2027-03-08T07:00"), Duration.ofDays(1))).as("longer ago than the lookback")
            .isEmpty();
    }

    @Test
    void aNightShiftOverMidnightIsOneShift() {
        Map<DayOfWeek, List<OpeningInterval>> nights = new EnumMap<>(DayOfWeek.class);
        nights.put(DayOfWeek.WEDNESDAY, List.of(hours("22:00", "24:00")));
        nights.put(DayOfWeek.THURSDAY, List.of(hours("00:00", "06:00")));
        BusinessCalendar night = new BusinessCalendar(BERLIN, nights, day -> false);
        assertThat(night.openUntil(berlin("2027-03-03T23:00"), Duration.ofDays(92))).isEqualTo(berlin("2027-03-04T06:00"));
        assertThat(night.lastClosing(berlin("2027-03-04T01:00"), Duration.ofDays(1))).as("midnight is no end").isEmpty();
        assertThat(night.lastClosing(berlin("2027-03-04T07:00"), Duration.ofDays(1))).contains(berlin("2027-03-04T06:00"));
    }

    @Test
    void anAbsenceClosesPartOfTheOpenTime() {
        // away from Wednesday 10:00 to Thursday 12:00
        BusinessCalendar away = OFFICE.withClosedPeriods(
                List.of(new ClosedPeriod(berlin("2027-03-03T10:00"), berlin("2027-03-04T12:00"))));
        assertThat(away.isOpen(berlin("2027-03-03T09:59"))).isTrue();
        assertThat(away.isOpen(berlin("2027-03-03T10:00"))).isFalse();
        assertThat(away.openUntil(berlin("2027-03-03T09:00"), Duration.ofDays(92))).isEqualTo(berlin("2027-03-03T10:00"));
        assertThat(away.nextOpening(berlin("2027-03-03T10:00"))).isEqualTo(berlin("2027-03-04T12:00"));
        assertThat(away.plusBusinessTime(berlin("2027-03-03T09:30"), Duration.ofHours(1))).isEqualTo(berlin("2027-03-04T12:30"));
        assertThat(away.lastClosing(berlin("2027-03-03T11:00"), Duration.ofDays(1))).contains(berlin("2027-03-03T10:00"));
        assertThat(OFFICE.isOpen(berlin("2027-03-03T10:00"))).as("the calendar itself is unchanged").isTrue();
    }

    /**
     * Next opening within a horizon, the end of the open time and the last closing, with random absences, agree with a
     * minute-by-minute walk, across weekends, closed dates, midnight and the clock changes.
     */
    @Test
    void shiftArithmeticAgreesWithAMinuteByMinuteWalk() {
        Random random = new Random(20270303L);
        List<ZoneId> zones = List.of(BERLIN, ZoneId.of("Europe/Rome"), ZoneId.of("Europe/London"), ZoneId.of("America/New_York"));
        List<LocalDate> around = List.of(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 10, 23), LocalDate.of(2027, 3, 26),
                LocalDate.of(2026, 12, 22));
        for (int run = 0; run < 150; run++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            Map<DayOfWeek, List<OpeningInterval>> hours = randomHours(random);
            LocalDate base = around.get(random.nextInt(around.size()));
            Set<LocalDate> closedDates = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                closedDates.add(base.plusDays(random.nextInt(10)));
            }
            List<ClosedPeriod> absences = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                Instant from = base.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
                absences.add(new ClosedPeriod(from, from.plus(Duration.ofMinutes(1 + random.nextInt(2 * 24 * 60)))));
            }
            BusinessCalendar calendar = new BusinessCalendar(zone, hours, closedDates::contains).withClosedPeriods(absences);
            Instant start = base.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
            Duration span = Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60));
            String what = "run " + run + ": " + zone + " " + hours + " closed " + closedDates + " absent " + absences
                    + " at " + start.atZone(zone) + " within " + span;
            Reference reference = new Reference(zone, hours, closedDates);
            java.util.function.Predicate<Instant> open = moment -> reference.open(moment)
                    && absences.stream().noneMatch(absence -> absence.contains(moment));
            Instant next = null;
            for (Instant minute = start; !minute.isAfter(start.plus(span)); minute = minute.plusSeconds(60)) {
                if (open.test(minute)) {
                    next = minute;
                    break;
                }
            }
            assertThat(calendar.nextOpening(start, span).orElse(null)).as(what).isEqualTo(next);
            Instant until = start;
            while (open.test(until) && until.isBefore(start.plus(span))) {
                until = until.plusSeconds(60);
            }
            assertThat(calendar.openUntil(start, span)).as(what).isEqualTo(until);
            Instant closing = null;
            for (Instant minute = start; !minute.isBefore(start.minus(span)); minute = minute.minusSeconds(60)) {
                if (open.test(minute.minusSeconds(60)) && !open.test(minute)) {
                    closing = minute;
                    break;
                }
            }
            assertThat(calendar.lastClosing(start, span).orElse(null)).as(what).isEqualTo(closing);
        }
    }

    /** Quarter-hour boundaries, often at night so that the skipped and the repeated hour are inside or at the edge. */
    static Map<DayOfWeek, List<OpeningInterval>> randomHours(Random random) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            List<OpeningInterval> intervals = new ArrayList<>();
            int at = random.nextInt(8) * 30;
            for (int i = 1 + random.nextInt(3); i > 0 && at < OpeningInterval.END_OF_DAY; i--) {
                int to = Math.min(OpeningInterval.END_OF_DAY, at + 15 * (1 + random.nextInt(40)));
                intervals.add(new OpeningInterval(at, to));
                at = to + 15 * random.nextInt(12);
            }
            if (!intervals.isEmpty()) {
                hours.put(day, intervals);
            }
        }
        if (hours.isEmpty()) {
            hours.put(DayOfWeek.WEDNESDAY, List.of(new OpeningInterval(120, 200)));
        }
        return hours;
    }

    /** Open means: the wall clock of the zone shows an open day and a time within an interval of it. */
    record Reference(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> hours, Set<LocalDate> closed) {

        boolean open(Instant moment) {
            LocalDateTime local = LocalDateTime.ofInstant(moment, zone);
            if (closed.contains(local.toLocalDate())) {
                return false;
            }
            int minute = local.getHour() * 60 + local.getMinute();
            return hours.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(interval -> interval.from() <= minute && minute < interval.to());
        }

        /** Walks minute by minute (starts are whole minutes); zero means the next open minute. */
        Instant plus(Instant start, Duration duration) {
            long remaining = duration.toMinutes();
            for (Instant minute = start;; minute = minute.plusSeconds(60)) {
                if (open(minute)) {
                    if (remaining == 0) {
                        return minute;
                    }
                    remaining--;
                    if (remaining == 0) {
                        return minute.plusSeconds(60);
                    }
                }
            }
        }

    }

}
