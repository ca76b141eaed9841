package io.nohold.directory;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;

/**
 * When a rep works: weekly shifts in wall-clock time of the zone of the rep's region calendar (several a day; a
 * weekday without shifts is off), and absences. A rep without any shifts works whenever the region is open.
 */
public record RepSchedule(Map<DayOfWeek, List<OpeningInterval>> shifts, List<Absence> absences) {

    public static final RepSchedule NONE = new RepSchedule(Map.of(), List.of());

    public RepSchedule {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        shifts.forEach((day, intervals) -> {
            if (!intervals.isEmpty()) {
                days.put(day, intervals.stream().sorted(Comparator.comparingInt(OpeningInterval::from)).toList());
            }
        });
        shifts = Collections.unmodifiableMap(days);
        absences = absences.stream().sorted(Comparator.comparing(Absence::from)).toList();
    }

    /**
     * The rep's working time under a region calendar: the shifts (the region's opening hours without shifts), closed
     * on the region's holidays and closed dates and during the absences.
     */
    public BusinessCalendar workingTime(RegionCalendar region) {
        RegionCalendar hours = shifts.isEmpty() ? region
                : new RegionCalendar(region.timeZone(), shifts, region.holidayCountry(), region.holidaySubdivision(),
                        region.closedDates());
        return hours.business().withClosedPeriods(absences.stream().map(Absence::period).toList());
    }

}
