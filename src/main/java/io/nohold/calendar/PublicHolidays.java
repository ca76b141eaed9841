package io.nohold.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays from Jollyday by ISO country code and optional subdivision (e.g. DE and HH). Jollyday keeps the
 * rules (Easter-based days, regional days, moved days); NoHold stores only the codes. Years are computed once and kept.
 */
public final class PublicHolidays {

    private static final Map<String, Set<LocalDate>> YEARS = new ConcurrentHashMap<>();

    private PublicHolidays() {
    }

    public static boolean isCountry(String country) {
        return country != null && jollyday(() -> HolidayManager.getSupportedCalendarCodes()).contains(country);
    }

    /** The subdivision codes Jollyday knows for a country, upper case (empty for an unknown country). */
    public static Set<String> subdivisions(String country) {
        if (!isCountry(country)) {
            return Set.of();
        }
        return jollyday(() -> manager(country).getCalendarHierarchy()).getChildren().keySet().stream()
            .map(code -> code.toUpperCase(Locale.ROOT))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The public holidays of a year; {@code subdivision} may be null for the national ones only. */
    public static Set<LocalDate> of(String country, String subdivision, int year) {
        String key = country + "/" + subdivision + "/" + year;
        return YEARS.computeIfAbsent(key, ignored -> jollyday(() -> {
            HolidayManager manager = manager(country);
            Set<Holiday> holidays = subdivision == null ? manager.getHolidays(Year.of(year))
                    : manager.getHolidays(Year.of(year), subdivision.toLowerCase(Locale.ROOT));
            return holidays.stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
        }));
    }

    /** Whether a day is a public holiday; false for every day without a country. */
    public static boolean isHoliday(Optional<String> country, String subdivision, LocalDate day) {
        return country.isPresent() && of(country.get(), subdivision, day.getYear()).contains(day);
    }

    /**
     * Runs a Jollyday call with this class's class loader as the thread's context class loader: Jollyday finds its
     * configuration through the {@link java.util.ServiceLoader} of the context class loader, and a job executor thread
     * of the packaged application has one that does not see the nested jars. One call at a time: Jollyday loads its
     * configuration lazily and not thread-safely, and intakes on several threads right after a start failed in it
     * ("no implementations" of its data source); the years it computes are kept, so this lock is rarely taken.
     */
    private static synchronized <T> T jollyday(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PublicHolidays.class.getClassLoader());
        try {
            return call.get();
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static HolidayManager manager(String country) {
        return HolidayManager.getInstance(ManagerParameters.create(country));
    }

}
