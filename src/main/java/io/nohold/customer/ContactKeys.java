package io.nohold.customer;

import java.util.Locale;

/** How e-mail addresses and phone numbers are compared: case-insensitive, and digits only with a leading +. */
public final class ContactKeys {

    private ContactKeys() {
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** "+49 (40) 123-456" and "0049 40 123456" both become "+4940123456". */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String trimmed = phone.trim();
        StringBuilder digits = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        if (trimmed.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.indexOf("00") == 0) {
            return "+" + digits.substring(2);
        }
        return digits.toString();
    }

}
