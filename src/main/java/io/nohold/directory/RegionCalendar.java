package io.nohold.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;
import io.nohold.calendar.PublicHolidays;

/**
 * When a region is open: its zone, opening hours per weekday (a weekday without intervals is closed), the public
 * holidays of a country and optional subdivision, and extra closed dates.
 */
public record RegionCalendar(ZoneId timeZone, Map<DayOfWeek, List<OpeningInterval>> openingHours, String holidayCountry,
        String holidaySubdivision, List<LocalDate> closedDates) {

    /** A region without a stored calendar is open around the clock in UTC, as SLA time was before calendars. */
    public static final RegionCalendar AROUND_THE_CLOCK = around();

    public RegionCalendar {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, intervals) -> {
            if (!intervals.isEmpty()) {
                hours.put(day, List.copyOf(intervals));
            }
        });
        openingHours = java.util.Collections.unmodifiableMap(hours);
        closedDates = closedDates.stream().distinct().sorted().toList();
    }

    public BusinessCalendar business() {
        Set<LocalDate> closed = Set.copyOf(closedDates);
        Optional<String> country = Optional.ofNullable(holidayCountry);
        return new BusinessCalendar(timeZone, openingHours,
                day -> closed.contains(day) || PublicHolidays.isHoliday(country, holidaySubdivision, day));
    }

    private static RegionCalendar around() {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new OpeningInterval(0, OpeningInterval.END_OF_DAY)));
        }
        return new RegionCalendar(ZoneOffset.UTC, hours, null, null, List.of());
    }

}
