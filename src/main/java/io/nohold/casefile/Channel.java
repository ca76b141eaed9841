package io.nohold.casefile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a contact came in, and so how its handler answers on it. What the customer is told about that (a call back,
 * an answer to their e-mail) is worded in the customer text templates ({@link CustomerTexts}), one section per
 * channel under its {@link #label()}.
 */
public enum Channel {

    PHONE, CHAT, EMAIL, WEB, SOCIAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }

    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }

}
