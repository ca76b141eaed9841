package io.nohold.calendar;

import java.time.Instant;

/** A closed stretch of time besides closed days, such as a rep's absence: from (inclusive) to (exclusive). */
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
