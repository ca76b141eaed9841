package io.nohold.calendar;

import java.time.Instant;

/** A stretch of closed time of a calendar: from its closing to its next opening. */
public record ClosedPeriod(Instant from, Instant to) {

    public boolean contains(Instant moment) {
        return !moment.isBefore(from) && moment.isBefore(to);
    }

}
