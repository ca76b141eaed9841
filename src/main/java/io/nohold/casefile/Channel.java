package io.nohold.casefile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a contact came in, and how its handler answers on it. */
public enum Channel {

    PHONE("will call you back"),
    CHAT("will answer you in the chat"),
    EMAIL("will answer your e-mail"),
    WEB("will get back to you"),
    SOCIAL("will answer you");

    private final String promiseVerb;

    Channel(String promiseVerb) {
        this.promiseVerb = promiseVerb;
    }

    public String promiseVerb() {
        return promiseVerb;
    }

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
