package io.nohold.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One field of a Camunda Form that the Tasklist submits, with what the form accepts in it: the type that form-js
 * sends for its component, the declared options, and the form's own validation (required, lengths, bounds, pattern).
 *
 * @param key the variable the field writes
 * @param kind what form-js sends for the component
 * @param required whether the form requires a value while the field is shown
 * @param options the declared values of a select, radio, checklist or taglist
 * @param limits the form's {@code validate} settings besides {@code required}
 * @param subtype of a datetime component: {@code date}, {@code time} or {@code datetime}
 * @param hiddenWhen the field's and its groups' hide conditions; a hidden field is neither required nor submitted
 */
record FormField(String key, Kind kind, boolean required, List<String> options, Limits limits, String subtype,
        List<HideCondition> hiddenWhen) {

    /** What form-js submits for a keyed component. */
    enum Kind {

        /** textfield, textarea: a string. */
        TEXT,
        /** number: a number. */
        NUMBER,
        /** number set to "output as string" ({@code serializeToString}): a numeric string. */
        NUMBER_AS_TEXT,
        /** checkbox: true or false. */
        BOOLEAN,
        /** select, radio: one of the declared values. */
        CHOICE,
        /** checklist, taglist: a list of declared values. */
        CHOICES,
        /** datetime: an ISO date, time or date-time string. */
        DATETIME

    }

    /** The {@code validate} settings of a component that are checked besides {@code required}. */
    record Limits(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, Pattern pattern) {

        static final Limits NONE = new Limits(null, null, null, null, null);

    }

    FormField {
        options = List.copyOf(options);
        hiddenWhen = List.copyOf(hiddenWhen);
    }

    /**
     * Whether the form hides the field: whether one of its conditions hides it, as {@code hides} evaluates them on
     * the task's variables overlaid with the submitted values.
     */
    boolean hidden(Predicate<HideCondition> hides) {
        return hiddenWhen.stream().anyMatch(hides);
    }

    /** What form-js counts as no value for a required field, and blank text as well. */
    boolean blank(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty()) || (kind == Kind.BOOLEAN && Boolean.FALSE.equals(value));
    }

    /** What is wrong with this value, e.g. "must be one of A, B"; empty when the form accepts it. No value is fine here. */
    Optional<String> problem(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case TEXT -> value instanceof String text ? text(text) : Optional.of("must be text");
            case NUMBER -> value instanceof Number number ? number(number) : Optional.of("must be a number");
            case NUMBER_AS_TEXT -> numberAsText(value);
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case CHOICE -> value instanceof String text && options.contains(text) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", options));
            case CHOICES -> choices(value);
            case DATETIME -> value instanceof String text && dateTime(text) ? Optional.empty() : Optional.of("must be " + dateTimeExample());
        };
    }

    private Optional<String> text(String text) {
        String trimmed = text.trim();
        if (limits.maxLength() != null && trimmed.length() > limits.maxLength()) {
            return Optional.of("must be at most " + limits.maxLength() + " characters");
        }
        if (limits.minLength() != null && !trimmed.isEmpty() && trimmed.length() < limits.minLength()) {
            return Optional.of("must be at least " + limits.minLength() + " characters");
        }
        if (limits.pattern() != null && !text.isEmpty() && !limits.pattern().matcher(text).find()) {
            return Optional.of("must match " + limits.pattern().pattern());
        }
        return Optional.empty();
    }

    private Optional<String> number(Number number) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(number.toString());
        }
        catch (NumberFormatException e) {
            return Optional.of("must be a number");
        }
        if (limits.min() != null && decimal.compareTo(limits.min()) < 0) {
            return Optional.of("must be at least " + limits.min().toPlainString());
        }
        if (limits.max() != null && decimal.compareTo(limits.max()) > 0) {
            return Optional.of("must be at most " + limits.max().toPlainString());
        }
        return Optional.empty();
    }

    private Optional<String> numberAsText(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must be a number written as text");
        }
        try {
            return number(new BigDecimal(text.trim()));
        }
        catch (NumberFormatException e) {
            return Optional.of("must be a number written as text");
        }
    }

    private Optional<String> choices(Object value) {
        if (value instanceof Collection<?> list && list.stream().allMatch(item -> item instanceof String text && options.contains(text))) {
            return Optional.empty();
        }
        return Optional.of("must be a list of " + String.join(", ", options));
    }

    private boolean dateTime(String text) {
        return switch (subtype == null ? "datetime" : subtype) {
            case "date" -> parses(text, LocalDate::parse);
            case "time" -> parses(text, LocalTime::parse) || parses(text, OffsetTime::parse);
            default -> parses(text, LocalDateTime::parse) || parses(text, OffsetDateTime::parse);
        };
    }

    private String dateTimeExample() {
        return switch (subtype == null ? "datetime" : subtype) {
            case "date" -> "a date such as 2026-03-04";
            case "time" -> "a time such as 09:30";
            default -> "a date and time such as 2026-03-04T09:30";
        };
    }

    private static boolean parses(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

}
