package io.nohold.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nohold.calendar.OpeningInterval;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Reads a scenario file strictly: unknown fields, wrong types and values out of range are refused with every problem
 * named by its field ({@code regions[0].reps: must be at least 1}); what the file leaves out is defaulted.
 */
public final class ScenarioReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private ScenarioReader() {
    }

    /** A scenario that cannot be run, with what is wrong, one line per field. */
    public static final class InvalidScenario extends RuntimeException {

        private final List<String> problems;

        InvalidScenario(List<String> problems) {
            super("the scenario is not valid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }

    }

    public static Scenario read(Path file) {
        try {
            return read(Files.readString(file));
        }
        catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidScenario(List.of("--scenario: there is no file " + file));
        }
        catch (IOException e) {
            throw new InvalidScenario(List.of("--scenario: cannot read " + file + ": " + e));
        }
    }

    public static Scenario read(String json) {
        Scenario scenario;
        try {
            scenario = JSON.readValue(json, Scenario.class);
        }
        catch (UnrecognizedPropertyException e) {
            throw new InvalidScenario(List.of(path(e) + ": is not a field of the scenario here; accepted: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))));
        }
        catch (InvalidFormatException e) {
            throw new InvalidScenario(List.of(path(e) + ": " + describe(e)));
        }
        catch (JsonMappingException e) {
            throw new InvalidScenario(List.of(path(e) + ": " + e.getOriginalMessage()));
        }
        catch (JsonProcessingException e) {
            throw new InvalidScenario(List.of("the file is not one JSON object: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (scenario == null) {
            throw new InvalidScenario(List.of("the file is empty; it must hold one JSON object"));
        }
        List<String> problems = new ArrayList<>();
        Validator validator = VALIDATION.getValidator();
        validator.validate(scenario)
            .stream()
            .sorted(Comparator.comparing((ConstraintViolation<Scenario> v) -> v.getPropertyPath().toString()))
            .forEach(v -> problems.add(readable(v.getPropertyPath().toString()) + ": " + v.getMessage()));
        if (problems.isEmpty()) {
            checkMeaning(scenario, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenario(problems);
        }
        return scenario.withDefaults();
    }

    /** What a field-by-field check cannot see: zones, intervals in order, reps that exist, channels with a share. */
    private static void checkMeaning(Scenario scenario, List<String> problems) {
        if (scenario.mode() != null && scenario.modes() != null && !scenario.modes().isEmpty()) {
            problems.add("mode: give either mode or modes, not both");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < scenario.regions().size(); i++) {
            Scenario.RegionSpec region = scenario.regions().get(i);
            String at = "regions[" + i + "]";
            if (!ids.add(region.id())) {
                problems.add(at + ".id: " + region.id() + " is given twice; every region needs its own id");
            }
            if (region.timeZone() != null) {
                try {
                    ZoneId.of(region.timeZone());
                }
                catch (DateTimeException e) {
                    problems.add(at + ".timeZone: must be an IANA time zone like Europe/Berlin");
                }
            }
            checkWeek(region.openingHours(), at + ".openingHours", problems);
            int withShifts = 0;
            if (region.shifts() != null) {
                for (int g = 0; g < region.shifts().size(); g++) {
                    checkWeek(region.shifts().get(g).shifts(), at + ".shifts[" + g + "].shifts", problems);
                    withShifts += region.shifts().get(g).reps();
                }
                if (withShifts > region.reps()) {
                    problems.add(at + ".shifts: give shifts to at most the region's " + region.reps() + " reps, not "
                            + withShifts);
                }
            }
            if (region.absences() != null) {
                for (int a = 0; a < region.absences().size(); a++) {
                    Scenario.AbsenceSpec absence = region.absences().get(a);
                    if (absence.rep() > region.reps()) {
                        problems.add(at + ".absences[" + a + "].rep: the region has only " + region.reps() + " reps");
                    }
                    if (!absence.from().isBefore(absence.to())) {
                        problems.add(at + ".absences[" + a + "].to: must be after from");
                    }
                }
            }
            if (region.channels() != null && region.channels().values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problems.add(at + ".channels: at least one channel needs a share above 0, e.g. {\"PHONE\": 1.0}");
            }
            if (region.hourlyProfile() != null && !region.hourlyProfile().isEmpty()
                    && region.hourlyProfile().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problems.add(at + ".hourlyProfile: at least one hour needs a factor above 0");
            }
        }
        Scenario.HandleTime handle = scenario.handleTime();
        if (handle != null && handle.distribution() == Scenario.HandleTime.Distribution.LOGNORMAL
                && (handle.spreadSeconds() == null || handle.spreadSeconds() <= 0)) {
            problems.add("handleTime.spreadSeconds: is required for lognormal: the standard deviation in seconds, above 0");
        }
    }

    private static void checkWeek(Map<DayOfWeek, List<Scenario.Interval>> week, String at, List<String> problems) {
        if (week == null) {
            return;
        }
        week.forEach((day, intervals) -> {
            if (intervals == null) {
                problems.add(at + "." + day + ": must be a list of {from, to}, empty for closed");
                return;
            }
            List<OpeningInterval> seen = new ArrayList<>();
            for (int i = 0; i < intervals.size(); i++) {
                Scenario.Interval interval = intervals.get(i);
                int from = OpeningInterval.minutes(interval.from());
                int to = OpeningInterval.minutes(interval.to());
                if (from >= to) {
                    problems.add(at + "." + day + "[" + i + "]: from must be before to");
                    continue;
                }
                OpeningInterval opening = new OpeningInterval(from, to);
                if (seen.stream().anyMatch(opening::overlaps)) {
                    problems.add(at + "." + day + "[" + i + "]: overlaps another interval of the day");
                }
                seen.add(opening);
            }
        });
    }

    private static String describe(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String accepted = java.util.Arrays.stream(target.getEnumConstants())
                .map(c -> target.equals(RoutingMode.class) ? ((RoutingMode) c).id()
                        : target.equals(Scenario.HandleTime.Distribution.class) ? c.toString().toLowerCase(java.util.Locale.ROOT)
                        : c.toString())
                .collect(Collectors.joining(", "));
            return "'" + e.getValue() + "' is not accepted; accepted: " + accepted;
        }
        if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "'" + e.getValue() + "' is not an ISO date-time with offset like 2026-12-07T08:00:00+01:00 (dates: 2026-12-24)";
        }
        return "'" + e.getValue() + "' is not a " + (target == null ? "value" : target.getSimpleName()) + " here";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
            else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "(the whole file)" : path.toString();
    }

    /** Bean Validation writes list elements as {@code regions[0].<list element>}; the file's reader wants {@code regions[0]}. */
    private static String readable(String path) {
        return path.replace(".<list element>", "").replace(".<map value>", "").replace("<list element>", "")
            .replace("<map value>", "");
    }

}
