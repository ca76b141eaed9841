package io.nohold.calendar;

import static io.nohold.calendar.BusinessCalendarTests.BERLIN;
import static io.nohold.calendar.BusinessCalendarTests.hours;
import static io.nohold.calendar.BusinessCalendarTests.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Which night a morning list covers: the latest closed period of a calendar before a moment. */
class ClosedPeriodTests {

    static final BusinessCalendar OFFICE = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "18:00")), day -> false);

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void inTheMorningItIsTheNightBefore() {
        // Thursday 4 March 2027
        assertThat(OFFICE.lastClosedPeriod(berlin("2027-03-04T09:30")))
            .contains(new ClosedPeriod(berlin("2027-03-03T18:00"), berlin("2027-03-04T08:00")));
    }

    @Test
    void onMondayItIsTheWeekend() {
        assertThat(OFFICE.lastClosedPeriod(berlin("2027-03-08T08:00")))
            .contains(new ClosedPeriod(berlin("2027-03-05T18:00"), berlin("2027-03-08T08:00")));
    }

    @Test
    void atNightItIsTheNightGoingOn() {
        assertThat(OFFICE.lastClosedPeriod(berlin("2027-03-06T12:00")))
            .contains(new ClosedPeriod(berlin("2027-03-05T18:00"), berlin("2027-03-08T08:00")));
    }

    @Test
    void aHolidayBelongsToTheNight() {
        BusinessCalendar withHoliday = new BusinessCalendar(BERLIN, weekdays(hours("08:00", "18:00")),
                day -> day.equals(LocalDate.of(2027, 3, 8)));
        assertThat(withHoliday.lastClosedPeriod(berlin("2027-03-09T10:00")))
            .contains(new ClosedPeriod(berlin("2027-03-05T18:00"), berlin("2027-03-09T08:00")));
    }

    @Test
    void aLunchBreakIsAClosedPeriodOfItsOwn() {
        BusinessCalendar lunch = new BusinessCalendar(BERLIN, weekdays(hours("09:00", "13:00"), hours("14:00", "18:00")),
                day -> false);
        assertThat(lunch.lastClosedPeriod(berlin("2027-03-04T15:00")))
            .contains(new ClosedPeriod(berlin("2027-03-04T13:00"), berlin("2027-03-04T14:00")));
    }

    @Test
    void theNightOfTheClockChangeLastsAnHourLess() {
        BusinessCalendar everyDay = BusinessCalendar.alwaysOpen(BERLIN);
        assertThat(everyDay.lastClosedPeriod(berlin("2027-03-28T10:00"))).isEmpty();
        BusinessCalendar office = new BusinessCalendar(BERLIN, java.util.Map.of(java.time.DayOfWeek.SATURDAY,
                java.util.List.of(hours("08:00", "18:00")), java.time.DayOfWeek.SUNDAY, java.util.List.of(hours("08:00",
                        "18:00"))), day -> false);
        ClosedPeriod night = office.lastClosedPeriod(berlin("2027-03-28T09:00")).orElseThrow();
        assertThat(java.time.Duration.between(night.from(), night.to())).hasHours(13);
    }

    @Test
    void aCalendarOpenAroundTheClockHasNoNight() {
        assertThat(BusinessCalendar.alwaysOpen(BERLIN).lastClosedPeriod(berlin("2027-03-04T03:00"))).isEmpty();
    }

}
