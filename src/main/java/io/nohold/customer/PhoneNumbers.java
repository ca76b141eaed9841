package io.nohold.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as NoHold keeps them: E.164 ({@code +49401234567}), read with libphonenumber. A national number
 * ({@code 040 1234567}) is read with the customer's country, so it becomes the same number as {@code +49 40 1234567}:
 * the same customer key, and the same phone-prefix routing.
 */
public final class PhoneNumbers {

    /** Longer than any number written with spaces and brackets; libphonenumber would read far more. */
    public static final int MAX_LENGTH = 40;

    /** Digits and the usual separators; no letters (vanity numbers, extensions), no control characters. */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9()./ -]+");

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The number in E.164, if it is a valid number: international ({@code +49 …} or {@code 0049 …}), or national with
     * {@code country} (ISO 3166-1 alpha-2, any case). Empty for anything else, including a national number without
     * a country.
     */
    public static Optional<String> e164(String phone, String country) {
        if (phone == null || phone.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = phone.strip();
        if (!WRITTEN.matcher(text).matches()) {
            return Optional.empty();
        }
        String region = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (region == null && text.startsWith("00")) {
            // without a country, 00 can only be the international prefix most of the world dials
            text = "+" + text.substring(2);
        }
        try {
            PhoneNumber number = NUMBERS.parse(text, region == null ? "ZZ" : region);
            return NUMBERS.isValidNumber(number) ? Optional.of(NUMBERS.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        }
        catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** For people: {@code +49 40 1234567} for a stored {@code +49401234567}; anything else as it is. */
    public static String display(String stored) {
        if (stored == null || !stored.startsWith("+")) {
            return stored;
        }
        try {
            return NUMBERS.format(NUMBERS.parse(stored, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException e) {
            return stored;
        }
    }

}
