package io.nohold.directory;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.calendar.OpeningInterval;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import io.nohold.web.TextRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rep's weekly shifts and absences: read by the rep, changed by the supervisors of the rep's region, and both by
 * administrators. A PUT replaces the whole schedule. Shift times are in the zone of the region's calendar; absences
 * are instants with an offset and are shown in that zone.
 */
@RestController
@RequestMapping("/api/reps/{id}/schedule")
class RepScheduleController {

    private static final String KINDS = String.join(", ", Arrays.stream(Absence.Kind.values()).map(Enum::name).toList());

    private static final JsonFields.Week SHIFTS = new JsonFields.Week("shifts", "shifts", "a shift",
            "{\"from\": \"08:00\", \"to\": \"12:00\"}", "off",
            "; a shift over midnight is two shifts, until 24:00 and from 00:00 of the next day", 12);

    private static final int MAX_ABSENCES = 500;

    private static final int MAX_NOTE = 500;

    private final RegionDirectory directory;

    private final RepSchedules schedules;

    private final RegionCalendars calendars;

    private final RegionAccess access;

    RepScheduleController(RegionDirectory directory, RepSchedules schedules, RegionCalendars calendars,
            RegionAccess access) {
        this.directory = directory;
        this.schedules = schedules;
        this.calendars = calendars;
        this.access = access;
    }

    /** The schedule as the API shows it; the same shape is accepted by PUT. */
    record ScheduleBody(Map<String, List<Shift>> shifts, List<AbsenceBody> absences) {
    }

    record Shift(String from, String to) {
    }

    record AbsenceBody(String from, String to, String kind, String note) {
    }

    @GetMapping
    ScheduleBody get(@PathVariable String id) {
        Rep rep = rep(id);
        access.checkSchedule(rep.id(), rep.regionId(), false);
        return body(schedules.schedule(id), zone(rep));
    }

    @PutMapping
    ScheduleBody put(@PathVariable String id, @RequestBody JsonNode body) {
        Rep rep = rep(id);
        access.checkSchedule(rep.id(), rep.regionId(), true);
        schedules.save(id, parse(body));
        return body(schedules.schedule(id), zone(rep));
    }

    private Rep rep(String id) {
        return directory.findRep(id)
            .filter(found -> directory.findEntry(id).map(DirectoryEntry::active).orElse(false))
            .orElseThrow(() -> ApiException.notFound("rep", id));
    }

    private ZoneId zone(Rep rep) {
        return calendars.current(rep.regionId()).timeZone();
    }

    private static ScheduleBody body(RepSchedule schedule, ZoneId zone) {
        Map<String, List<Shift>> shifts = new LinkedHashMap<>();
        schedule.shifts().forEach((day, intervals) -> shifts.put(day.name(), intervals.stream()
            .map(shift -> new Shift(OpeningInterval.text(shift.from()), OpeningInterval.text(shift.to())))
            .toList()));
        List<AbsenceBody> absences = schedule.absences().stream()
            .map(absence -> new AbsenceBody(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(absence.from().atZone(zone)),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(absence.to().atZone(zone)), absence.kind().name(),
                    absence.note()))
            .toList();
        return new ScheduleBody(shifts, absences);
    }

    private static RepSchedule parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        JsonFields.unknownFields(body, "", Set.of("shifts", "absences"), "a schedule; accepted: shifts, absences", problems);
        Map<DayOfWeek, List<OpeningInterval>> shifts = shifts(body.get("shifts"), problems);
        List<Absence> absences = absences(body.get("absences"), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new RepSchedule(shifts, absences);
    }

    /** Weekday to shifts; none at all (or no field) means: works whenever the region is open. */
    private static Map<DayOfWeek, List<OpeningInterval>> shifts(JsonNode value, List<FieldProblem> problems) {
        if (value == null || value.isNull()) {
            return new EnumMap<>(DayOfWeek.class);
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem("shifts", "must be an object from weekday (" + JsonFields.WEEKDAYS
                    + ") to a list of {\"from\": \"08:00\", \"to\": \"12:00\"}"));
            return new EnumMap<>(DayOfWeek.class);
        }
        return JsonFields.week(value, SHIFTS, problems);
    }

    private static List<Absence> absences(JsonNode value, List<FieldProblem> problems) {
        List<Absence> absences = new ArrayList<>();
        if (value == null || value.isNull()) {
            return absences;
        }
        if (!value.isArray() || value.size() > MAX_ABSENCES) {
            problems.add(new FieldProblem("absences", "must be a list of at most " + MAX_ABSENCES + " absences such as "
                    + "{\"from\": \"2027-03-08T00:00:00+01:00\", \"to\": \"2027-03-13T00:00:00+01:00\", \"kind\": \"VACATION\"}"));
            return absences;
        }
        for (int i = 0; i < value.size(); i++) {
            String name = "absences[" + i + "]";
            JsonNode absence = value.get(i);
            if (!absence.isObject()) {
                problems.add(new FieldProblem(name, "must be an object with from, to, kind and an optional note"));
                continue;
            }
            int before = problems.size();
            JsonFields.unknownFields(absence, name + ".", Set.of("from", "to", "kind", "note"),
                    "an absence; accepted: from, to, kind, note", problems);
            OffsetDateTime from = instant(absence.get("from"), name + ".from", problems);
            OffsetDateTime to = instant(absence.get("to"), name + ".to", problems);
            Absence.Kind kind = kind(absence.get("kind"), name + ".kind", problems);
            String note = note(absence.get("note"), name + ".note", problems);
            if (from != null && to != null && !to.isAfter(from)) {
                problems.add(new FieldProblem(name + ".to", "must be after from (" + from + ")"));
                continue;
            }
            if (problems.size() == before) {
                absences.add(new Absence(from.toInstant(), to.toInstant(), kind, note));
            }
        }
        return absences;
    }

    private static OffsetDateTime instant(JsonNode value, String field, List<FieldProblem> problems) {
        String accepted = "must be a date and time with its offset, such as \"2027-03-08T00:00:00+01:00\"";
        if (value == null || !value.isTextual()) {
            problems.add(new FieldProblem(field, (value == null || value.isNull() ? "is required; " : "") + accepted));
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.asText());
            if (parsed.getYear() < 2000 || parsed.getYear() > 2999) {
                problems.add(new FieldProblem(field, "must lie in the years 2000 to 2999"));
                return null;
            }
            return parsed;
        }
        catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, accepted));
            return null;
        }
    }

    private static Absence.Kind kind(JsonNode value, String field, List<FieldProblem> problems) {
        if (value != null && value.isTextual()) {
            for (Absence.Kind kind : Absence.Kind.values()) {
                if (kind.name().equals(value.asText())) {
                    return kind;
                }
            }
        }
        problems.add(new FieldProblem(field, (value == null || value.isNull() ? "is required; " : "must be ") + "one of " + KINDS));
        return null;
    }

    private static String note(JsonNode value, String field, List<FieldProblem> problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > MAX_NOTE || !TextRules.singleLine(value.asText())) {
            problems.add(new FieldProblem(field, "must be one line of text of at most " + MAX_NOTE + " characters, or left out"));
            return null;
        }
        String note = value.asText().strip();
        return note.isEmpty() ? null : note;
    }

}
