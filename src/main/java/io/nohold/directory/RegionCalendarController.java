package io.nohold.directory;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.calendar.OpeningInterval;
import io.nohold.calendar.PublicHolidays;
import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A region's calendar: read by the region's people, head of service and administrators; changed by administrators. A
 * change is stored as a new version and applies to contacts received after it.
 */
@RestController
@RequestMapping("/api/regions/{id}/calendar")
class RegionCalendarController {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final int MAX_CLOSED_DATES = 1000;

    private static final JsonFields.Week OPENING_HOURS = new JsonFields.Week("openingHours", "intervals", "an interval",
            "{\"from\": \"08:00\", \"to\": \"18:00\"}", "closed", "", 12);

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final RegionAccess access;

    RegionCalendarController(RegionDirectory directory, RegionCalendars calendars, RegionAccess access) {
        this.directory = directory;
        this.calendars = calendars;
        this.access = access;
    }

    /** The calendar as the API shows it; the same shape is accepted by PUT. */
    record CalendarBody(String timeZone, Map<String, List<Hours>> openingHours, Holidays holidays, List<String> closedDates) {
    }

    record Hours(String from, String to) {
    }

    record Holidays(String country, String subdivision) {
    }

    @GetMapping
    CalendarBody get(@PathVariable String id) {
        region(id);
        access.checkRegion(id);
        return body(calendars.current(id));
    }

    @PutMapping
    CalendarBody put(@PathVariable String id, @RequestBody JsonNode body) {
        region(id);
        access.checkAnyOf(List.of(Groups.ADMIN));
        RegionCalendar calendar = parse(body);
        calendars.save(id, calendar);
        return body(calendars.current(id));
    }

    private void region(String id) {
        if (directory.findRegion(id).isEmpty()) {
            throw ApiException.notFound("region", id);
        }
    }

    private static CalendarBody body(RegionCalendar calendar) {
        Map<String, List<Hours>> hours = new LinkedHashMap<>();
        calendar.openingHours().forEach((day, intervals) -> hours.put(day.name(), intervals.stream()
            .map(interval -> new Hours(OpeningInterval.text(interval.from()), OpeningInterval.text(interval.to())))
            .toList()));
        Holidays holidays = calendar.holidayCountry() == null ? null
                : new Holidays(calendar.holidayCountry(), calendar.holidaySubdivision());
        return new CalendarBody(calendar.timeZone().getId(), hours, holidays,
                calendar.closedDates().stream().map(LocalDate::toString).toList());
    }

    private static RegionCalendar parse(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiException.invalid(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        JsonFields.unknownFields(body, "", Set.of("timeZone", "openingHours", "holidays", "closedDates"),
                "a calendar; accepted: timeZone, openingHours, holidays, closedDates", problems);
        ZoneId zone = zone(body.get("timeZone"), problems);
        Map<DayOfWeek, List<OpeningInterval>> hours = openingHours(body.get("openingHours"), problems);
        String[] holidays = holidays(body.get("holidays"), problems);
        List<LocalDate> closed = closedDates(body.get("closedDates"), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new RegionCalendar(zone, hours, holidays[0], holidays[1], closed);
    }

    private static ZoneId zone(JsonNode value, List<FieldProblem> problems) {
        String accepted = "must be a time zone of the IANA database, such as Europe/Berlin";
        if (value == null || value.isNull()) {
            problems.add(new FieldProblem("timeZone", "is required; " + accepted.substring(5)));
            return null;
        }
        if (!value.isTextual() || !ZoneId.getAvailableZoneIds().contains(value.asText())) {
            problems.add(new FieldProblem("timeZone", accepted));
            return null;
        }
        try {
            return ZoneId.of(value.asText());
        }
        catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", accepted));
            return null;
        }
    }

    private static Map<DayOfWeek, List<OpeningInterval>> openingHours(JsonNode value, List<FieldProblem> problems) {
        if (value == null || value.isNull() || !value.isObject()) {
            problems.add(new FieldProblem("openingHours",
                    "is required: an object from weekday (" + JsonFields.WEEKDAYS + ") to a list of {\"from\": \"08:00\", \"to\": \"18:00\"}"));
            return new EnumMap<>(DayOfWeek.class);
        }
        int before = problems.size();
        Map<DayOfWeek, List<OpeningInterval>> hours = JsonFields.week(value, OPENING_HOURS, problems);
        if (problems.size() == before && hours.values().stream().allMatch(List::isEmpty)) {
            problems.add(new FieldProblem("openingHours", "must open on at least one weekday"));
        }
        return hours;
    }

    /** Country and subdivision, upper case; both null without public holidays. */
    private static String[] holidays(JsonNode value, List<FieldProblem> problems) {
        String[] none = new String[2];
        if (value == null || value.isNull()) {
            return none;
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem("holidays", "must be an object such as {\"country\": \"DE\", \"subdivision\": \"HH\"}"));
            return none;
        }
        JsonFields.unknownFields(value, "holidays.", Set.of("country", "subdivision"), "holidays; accepted: country, subdivision",
                problems);
        JsonNode countryNode = value.get("country");
        String country = countryNode != null && countryNode.isTextual() ? countryNode.asText().toUpperCase(java.util.Locale.ROOT)
                : null;
        if (country == null || country.length() != 2 || !PublicHolidays.isCountry(country)) {
            problems.add(new FieldProblem("holidays.country",
                    "must be the ISO code of a country whose public holidays are known, such as DE, IT, PL or FR"));
            return none;
        }
        JsonNode subdivisionNode = value.get("subdivision");
        if (subdivisionNode == null || subdivisionNode.isNull()) {
            return new String[] { country, null };
        }
        Set<String> known = PublicHolidays.subdivisions(country);
        String subdivision = subdivisionNode.isTextual() ? subdivisionNode.asText().toUpperCase(java.util.Locale.ROOT) : null;
        if (subdivision == null || !known.contains(subdivision)) {
            problems.add(new FieldProblem("holidays.subdivision", known.isEmpty()
                    ? "must be left out: no subdivisions are known for " + country
                    : "must be one of " + String.join(", ", known) + " for " + country + ", or left out"));
            return none;
        }
        return new String[] { country, subdivision };
    }

    private static List<LocalDate> closedDates(JsonNode value, List<FieldProblem> problems) {
        List<LocalDate> dates = new ArrayList<>();
        if (value == null || value.isNull()) {
            return dates;
        }
        if (!value.isArray() || value.size() > MAX_CLOSED_DATES) {
            problems.add(new FieldProblem("closedDates", "must be a list of at most " + MAX_CLOSED_DATES
                    + " dates such as \"2026-12-24\""));
            return dates;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode date = value.get(i);
            try {
                if (!date.isTextual() || !DATE.matcher(date.asText()).matches()) {
                    throw new DateTimeParseException("not a date", date.asText(), 0);
                }
                dates.add(LocalDate.parse(date.asText()));
            }
            catch (DateTimeParseException e) {
                problems.add(new FieldProblem("closedDates[" + i + "]", "must be a date YYYY-MM-DD, such as \"2026-12-24\""));
            }
        }
        return dates;
    }

}
