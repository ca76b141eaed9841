package io.nohold.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a point in time reads for a customer and for the people of a region: in the region's time zone, with the
 * weekday, the date and the zone's abbreviation, e.g. "Monday 7 December, 08:15 CET"; the year only when it is not
 * the current year in that zone ("Friday 7 January 2028, 09:00 CET"). In German: "Montag, 7. Dezember, 08:15 MEZ".
 */
public final class PromiseTime {

    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm zzz", Locale.ENGLISH);

    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzz",
            Locale.ENGLISH);

    private static final DateTimeFormatter THIS_YEAR_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM, HH:mm zzz", Locale.GERMAN);

    private static final DateTimeFormatter OTHER_YEAR_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm zzz",
            Locale.GERMAN);

    private static final ZoneId UTC = ZoneId.of("UTC");

    private PromiseTime() {
    }

    /** {@code at} as read in {@code zone}, judged from {@code now} for whether the year is needed; "" for null. */
    public static String format(Instant at, ZoneId zone, Instant now) {
        return format(at, zone, now, Locale.ENGLISH);
    }

    /** As {@link #format(Instant, ZoneId, Instant)}, in the language of the locale (English or German). */
    public static String format(Instant at, ZoneId zone, Instant now, Locale locale) {
        if (at == null) {
            return "";
        }
        // a bare UTC offset would read "Z"
        ZoneId readable = zone == null || ZoneOffset.UTC.equals(zone.normalized()) ? UTC : zone;
        ZonedDateTime local = at.atZone(readable);
        boolean thisYear = local.getYear() == now.atZone(readable).getYear();
        boolean german = Locale.GERMAN.getLanguage().equals(locale.getLanguage());
        DateTimeFormatter formatter = german ? (thisYear ? THIS_YEAR_DE : OTHER_YEAR_DE) : thisYear ? THIS_YEAR : OTHER_YEAR;
        return formatter.format(local);
    }

}
