package io.nohold.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import io.nohold.engine.EngineClock;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;

/**
 * The body of {@code PUT /api/me/status} and {@code PUT /api/reps/{id}/availability}: {@code status} AVAILABLE, AWAY or
 * OFF, and with AWAY an optional {@code until}, the moment the rep is back (an ISO offset date-time in the future,
 * at most {@link RepSchedules#HORIZON} ahead). An unknown status, a value of another JSON type and any other field
 * are refused while the body is read.
 */
record StatusChange(@NotNull(message = "is required; one of AVAILABLE, AWAY, OFF") RepStatus status, String until) {

    static final String UNTIL_ACCEPTED = "an ISO date-time with offset in the future, at most 92 days ahead, "
            + "e.g. 2027-03-03T14:00:00+01:00";

    /** The moment the rep is back, or {@code null}; 400 naming {@code until} when it is not acceptable. */
    Instant returnsAt() {
        if (until == null) {
            return null;
        }
        if (status != RepStatus.AWAY) {
            throw invalid("is only for AWAY; leave it out for " + status);
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(until.strip()).toInstant();
        }
        catch (DateTimeParseException e) {
            throw invalid("must be " + UNTIL_ACCEPTED);
        }
        Instant now = EngineClock.now();
        if (!at.isAfter(now) || at.isAfter(now.plus(RepSchedules.HORIZON))) {
            throw invalid("must be " + UNTIL_ACCEPTED);
        }
        return at;
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(List.of(new FieldProblem("until", message)));
    }

}
