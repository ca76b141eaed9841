package io.nohold.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.nohold.casefile.Channel;

/**
 * A what-if scenario as read from its JSON file (docs/simulation.md, "The scenario file"). Everything but
 * {@code start} and the regions' {@code id}, {@code reps} and {@code arrivalsPerHour} has a default;
 * {@link ScenarioReader} fills them in ({@link #withDefaults()}).
 */
public record Scenario(
        @NotNull(message = "is required: the first moment of the simulated period with its offset, e.g. 2026-12-07T08:00:00+01:00")
        OffsetDateTime start,
        @DecimalMin(value = "0.01", message = "must be at least {value} hours")
        @DecimalMax(value = "744", message = "must be at most {value} hours (a month)") Double hours,
        Long seed,
        RoutingMode mode,
        @Size(max = 3, message = "lists at most the three modes rings, pooled, personal") List<@NotNull(message = "must be rings, pooled or personal") RoutingMode> modes,
        @Min(value = 1, message = "must be at least {value} second") @Max(value = 86400, message = "must be at most {value} seconds")
        Integer answerTargetSeconds,
        @Valid HandleTime handleTime,
        @DecimalMin(value = "0", message = "must be a share between 0 and 1")
        @DecimalMax(value = "1", message = "must be a share between 0 and 1") Double awayShare,
        @DecimalMin(value = "0", message = "must be 0 or more hours")
        @DecimalMax(value = "168", message = "must be at most {value} hours") Double drainHours,
        @NotEmpty(message = "is required: at least one region with id, reps and arrivalsPerHour")
        @Size(max = 50, message = "must be at most {max} regions") List<@NotNull(message = "must be a region object") @Valid RegionSpec> regions) {

    static final double DEFAULT_HOURS = 8;

    static final long DEFAULT_SEED = 1;

    static final int DEFAULT_ANSWER_TARGET = 20;

    static final double DEFAULT_DRAIN_HOURS = 24;

    /** How long a rep needs for a contact, from reaching the customer to completing "Resolve contact". */
    public record HandleTime(
            @NotNull(message = "is required: exponential or lognormal") Distribution distribution,
            @NotNull(message = "is required: the mean handle time in seconds")
            @DecimalMin(value = "1", message = "must be at least {value} second")
            @DecimalMax(value = "86400", message = "must be at most {value} seconds") Double meanSeconds,
            @DecimalMin(value = "0", message = "must be 0 or more seconds") Double spreadSeconds) {

        static final HandleTime DEFAULT = new HandleTime(Distribution.EXPONENTIAL, 180.0, null);

        public enum Distribution {
            @com.fasterxml.jackson.annotation.JsonProperty("exponential")
            EXPONENTIAL,
            @com.fasterxml.jackson.annotation.JsonProperty("lognormal")
            LOGNORMAL
        }

    }

    /** One region: its calendar, its reps with their shifts and absences, its customers and its arrivals. */
    public record RegionSpec(
            @NotBlank(message = "is required: a short id like north")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits, words joined by -, like north or north-2")
            @Size(max = 30, message = "must be at most {max} characters") String id,
            @Size(max = 100, message = "must be at most {max} characters") String name,
            String timeZone,
            Map<DayOfWeek, List<@NotNull(message = "must be an object with from and to") @Valid Interval>> openingHours,
            @Valid Holidays holidays,
            List<@NotNull(message = "must be a date like 2026-12-24") LocalDate> closedDates,
            @NotNull(message = "is required: how many reps the region has")
            @Min(value = 1, message = "must be at least {value}") @Max(value = 500, message = "must be at most {value}") Integer reps,
            List<@NotNull(message = "must be an object with reps and shifts") @Valid ShiftGroup> shifts,
            List<@NotNull(message = "must be an object with rep, from and to") @Valid AbsenceSpec> absences,
            @NotNull(message = "is required: the mean number of contacts per hour")
            @DecimalMin(value = "0", message = "must be 0 or more")
            @DecimalMax(value = "100000", message = "must be at most {value}") Double arrivalsPerHour,
            @Size(max = 744, message = "must have at most {max} hourly factors")
            List<@NotNull(message = "must be a number") @DecimalMin(value = "0", message = "must be 0 or more") Double> hourlyProfile,
            Map<Channel, @NotNull(message = "must be a number") @PositiveOrZero(message = "must be 0 or more") Double> channels,
            @Min(value = 1, message = "must be at least {value}") @Max(value = 1000000, message = "must be at most {value}") Integer customers,
            @DecimalMin(value = "0", message = "must be a share between 0 and 1")
            @DecimalMax(value = "1", message = "must be a share between 0 and 1") Double premiumShare) {
    }

    /** A wall-clock interval of a day, {@code HH:mm} to {@code HH:mm} ({@code to} up to 24:00). */
    public record Interval(
            @NotNull(message = "is required: HH:mm") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm, like 08:00") String from,
            @NotNull(message = "is required: HH:mm") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:mm up to 24:00") String to) {
    }

    /** Public holidays of a country (ISO 3166 code) and optionally one of its subdivisions. */
    public record Holidays(@NotBlank(message = "is required: an ISO country code like DE") String country, String subdivision) {
    }

    /** The weekly shifts of the next {@code reps} reps of the region, in the region's wall-clock time. */
    public record ShiftGroup(@NotNull(message = "is required: how many reps work these shifts")
            @Min(value = 1, message = "must be at least {value}") Integer reps,
            @NotNull(message = "is required: shifts by weekday, e.g. {\"MONDAY\": [{\"from\": \"08:00\", \"to\": \"14:00\"}]}")
            Map<DayOfWeek, List<@NotNull(message = "must be an object with from and to") @Valid Interval>> shifts) {
    }

    /** An absence of the region's rep number {@code rep} (1 is the first in the backup order). */
    public record AbsenceSpec(@NotNull(message = "is required: the rep's number in the region, 1 for the first")
            @Min(value = 1, message = "must be at least {value}") Integer rep,
            @NotNull(message = "is required: an ISO date-time with offset") OffsetDateTime from,
            @NotNull(message = "is required: an ISO date-time with offset") OffsetDateTime to) {
    }

    double hoursOrDefault() {
        return hours == null ? DEFAULT_HOURS : hours;
    }

    Duration length() {
        return Duration.ofMillis(Math.round(hoursOrDefault() * 3_600_000));
    }

    /** The scenario with every default filled in (the modes: {@code modes}, else {@code mode}, else rings). */
    Scenario withDefaults() {
        List<RoutingMode> runs = modes != null && !modes.isEmpty() ? List.copyOf(modes)
                : List.of(mode == null ? RoutingMode.RINGS : mode);
        return new Scenario(start, hoursOrDefault(), seed == null ? DEFAULT_SEED : seed, runs.get(0), runs,
                answerTargetSeconds == null ? DEFAULT_ANSWER_TARGET : answerTargetSeconds,
                handleTime == null ? HandleTime.DEFAULT : handleTime, awayShare == null ? 0 : awayShare,
                drainHours == null ? DEFAULT_DRAIN_HOURS : drainHours, regions);
    }

    /** The same scenario in one mode, or with another number of reps in one region (the staffing search). */
    Scenario withMode(RoutingMode only) {
        return new Scenario(start, hours, seed, only, List.of(only), answerTargetSeconds, handleTime, awayShare, drainHours,
                regions);
    }

    /** The same scenario with another seed: another day drawn from the same load (the Erlang C check's replications). */
    Scenario withSeed(long another) {
        return new Scenario(start, hours, another, mode, modes, answerTargetSeconds, handleTime, awayShare, drainHours,
                regions);
    }

    Scenario withReps(String regionId, int reps) {
        return new Scenario(start, hours, seed, mode, modes, answerTargetSeconds, handleTime, awayShare, drainHours,
                regions.stream()
                    .map(r -> r.id().equals(regionId) ? new RegionSpec(r.id(), r.name(), r.timeZone(), r.openingHours(),
                            r.holidays(), r.closedDates(), reps, r.shifts(), r.absences(), r.arrivalsPerHour(),
                            r.hourlyProfile(), r.channels(), r.customers(), r.premiumShare()) : r)
                    .toList());
    }

}
