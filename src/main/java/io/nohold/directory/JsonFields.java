package io.nohold.directory;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.calendar.OpeningInterval;
import io.nohold.web.FieldProblem;

/**
 * What the directory's calendar and schedule bodies share: a week of times of day (a region's opening hours, a rep's
 * shifts) as {@code {"MONDAY": [{"from": "08:00", "to": "18:00"}], ...}}, and fields that are not part of an object.
 * Every problem names its field (such as {@code shifts.MONDAY[1].to}) and what is accepted there.
 */
final class JsonFields {

    static final String WEEKDAYS = String.join(", ", Arrays.stream(DayOfWeek.values()).map(Enum::name).toList());

    /**
     * How a week's intervals are spoken of in problems: {@code items} "shifts", {@code item} "a shift", an example
     * interval, what a left-out weekday means ("off"), and a hint after "must be after from".
     */
    record Week(String field, String items, String item, String example, String dayLeftOut, String afterFromHint, int maxPerDay) {
    }

    private JsonFields() {
    }

    /** Weekday to its intervals, each from before to, none overlapping another of its day; {@code value} is an object. */
    static Map<DayOfWeek, List<OpeningInterval>> week(JsonNode value, Week week, List<FieldProblem> problems) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String field = week.field() + "." + entry.getKey();
            DayOfWeek day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(entry.getKey())).findFirst()
                .orElse(null);
            if (day == null) {
                problems.add(new FieldProblem(field, "is not a weekday; accepted: " + WEEKDAYS));
                continue;
            }
            if (!entry.getValue().isArray() || entry.getValue().size() > week.maxPerDay()) {
                problems.add(new FieldProblem(field, "must be a list of at most " + week.maxPerDay() + " " + week.items()
                        + " such as " + week.example() + "; leave the weekday out when " + week.dayLeftOut()));
                continue;
            }
            List<OpeningInterval> intervals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                String name = field + "[" + i + "]";
                JsonNode item = entry.getValue().get(i);
                if (!item.isObject()) {
                    problems.add(new FieldProblem(name, "must be an object such as " + week.example()));
                    continue;
                }
                unknownFields(item, name + ".", Set.of("from", "to"), week.item() + "; accepted: from, to", problems);
                int from = time(item.get("from"), name + ".from", problems);
                int to = time(item.get("to"), name + ".to", problems);
                if (from < 0 || to < 0) {
                    continue;
                }
                if (from >= to) {
                    problems.add(new FieldProblem(name + ".to", "must be after from (" + OpeningInterval.text(from) + ")"
                            + week.afterFromHint()));
                    continue;
                }
                OpeningInterval interval = new OpeningInterval(from, to);
                for (int j = 0; j < intervals.size(); j++) {
                    if (intervals.get(j).overlaps(interval)) {
                        problems.add(new FieldProblem(name, "overlaps " + names.get(j) + "; " + week.items()
                                + " of a day must not overlap"));
                    }
                }
                intervals.add(interval);
                names.add(name);
            }
            days.put(day, intervals);
        }
        return days;
    }

    /** Minutes since midnight of an "HH:mm" text, or -1 with a problem. */
    private static int time(JsonNode value, String field, List<FieldProblem> problems) {
        int minutes = value != null && value.isTextual() ? OpeningInterval.minutes(value.asText()) : -1;
        if (minutes < 0) {
            problems.add(new FieldProblem(field, "must be a time of day HH:mm from 00:00 to 24:00, such as \"08:00\""));
        }
        return minutes;
    }

    /** A problem for each field of the object that is not one of {@code accepted}. */
    static void unknownFields(JsonNode object, String prefix, Set<String> accepted, String what, List<FieldProblem> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!accepted.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "is not a field of " + what));
            }
        }
    }

}
