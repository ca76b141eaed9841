package io.nohold.directory;

import java.time.Instant;

import io.nohold.calendar.ClosedPeriod;

/** A rep away from one instant (inclusive) to another (exclusive), whatever their shifts say. */
public record Absence(Instant from, Instant to, Kind kind, String note) {

    public Absence {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an absence needs from < to");
        }
    }

    public enum Kind {

        VACATION, SICK, OTHER

    }

    ClosedPeriod period() {
        return new ClosedPeriod(from, to);
    }

}
