package io.nohold.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages NoHold writes to customers in, by ISO 639-1 code. A customer without a language reads
 * {@link #DEFAULT}. Each has its own folder of templates ({@code templates/customer/<code>/}).
 */
public enum Language {

    EN(Locale.ENGLISH), DE(Locale.GERMAN);

    public static final Language DEFAULT = EN;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The ISO 639-1 code, in lower case: "en". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    /** The language of this code, in either case; empty for anything else. */
    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String given = code.strip();
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(given)).findFirst();
    }

    /** The customer's stored language, or the default for none (or one no longer supported). */
    public static Language of(String code) {
        return parse(code).orElse(DEFAULT);
    }

    /** "en, de": what the API accepts. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(Language::code).toList());
    }

}
