package io.nohold.calendar;

import java.time.Instant;

/**
 * A closed stretch of time, from (inclusive) to (exclusive): a rep's absence, or a calendar's time from a closing to its
 * next opening.
 */
public record ClosedPeriod(Instant from, Instant to) {

    public ClosedPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a closed period needs from < to");
        }
    }

    public boolean contains(Instant moment) {
        return !moment.isBefore(from) && moment.isBefore(to);
    }

}
