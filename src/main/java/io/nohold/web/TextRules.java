package io.nohold.web;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What NoHold accepts as text from outside, as plain predicates: the constraints ({@link SingleLine},
 * {@link PlainText}, {@link EmailAddress}, {@link CountryCode}) and anyone else can use them.
 */
public final class TextRules {

    /** RFC 5321: a path of at most 256 octets including the angle brackets leaves 254 for the address. */
    static final int EMAIL_MAX = 254;

    /** RFC 5322 dot-atom: atext characters, separated by single dots, no dot first or last. No quoted strings. */
    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    /** RFC 1035 label as RFC 1123 relaxed it: letters, digits and inner hyphens, 1 to 63 characters. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** A top-level label is never all digits: letters, or an internationalized (xn--) label. */
    private static final Pattern TOP_LABEL = Pattern.compile("[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59}");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private TextRules() {
    }

    /** Text on one line: no control character (NUL, tab, line breaks, DEL, C1), no line or paragraph separator. */
    public static boolean singleLine(String text) {
        return text == null || clean(text, false);
    }

    /** Text of several lines: as {@link #singleLine}, but line feeds, carriage returns and tabs are allowed. */
    public static boolean plainText(String text) {
        return text == null || clean(text, true);
    }

    private static boolean clean(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                // half a character: no database stores it as the client meant
                return false;
            }
            if (lines && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    /**
     * An address a mail server delivers to: a dot-atom local part of at most 64 characters, {@code @}, and a host
     * name of at least two labels whose last is a top-level label (letters). Internationalized domain names are
     * accepted (checked in their ASCII form); quoted local parts, comments, IP literals and any white space are not.
     */
    public static boolean emailAddress(String address) {
        if (address.length() > EMAIL_MAX) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at > 64) {
            return false;
        }
        String local = address.substring(0, at);
        if (!DOT_ATOM.matcher(local).matches()) {
            return false;
        }
        return hostName(address.substring(at + 1));
    }

    static boolean hostName(String host) {
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        }
        catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253 || ascii.endsWith(".")) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    /** An ISO 3166-1 alpha-2 code that is assigned ({@code DE}, {@code de}); not {@code ZZ}, not {@code DEU}. */
    public static boolean countryCode(String code) {
        return code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }

}
