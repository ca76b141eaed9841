package io.nohold.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours within one day in wall-clock time of the calendar's zone, in minutes since midnight: open from
 * {@code from} (inclusive) to {@code to} (exclusive). {@code to} may be 1440 ("24:00"), open until midnight.
 */
public record OpeningInterval(int from, int to) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

    public static final int END_OF_DAY = 24 * 60;

    public OpeningInterval {
        if (from < 0 || to > END_OF_DAY || from >= to) {
            throw new IllegalArgumentException("an opening interval needs 0 <= from < to <= 24:00");
        }
    }

    /** Minutes since midnight of "HH:mm" ("24:00" included), or -1 when the text is no such time. */
    public static int minutes(String text) {
        Matcher time = text == null ? null : TIME.matcher(text);
        if (time == null || !time.matches()) {
            return -1;
        }
        int minutes = Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2));
        return minutes > END_OF_DAY ? -1 : minutes;
    }

    public static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    public boolean contains(int minuteOfDay) {
        return from <= minuteOfDay && minuteOfDay < to;
    }

    public boolean overlaps(OpeningInterval other) {
        return from < other.to && other.from < to;
    }

}
