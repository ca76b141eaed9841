package io.nohold.customer;

import java.util.Locale;

/**
 * How e-mail addresses, phone numbers and channel handles are compared: e-mail case-insensitive, phone digits only with
 * a leading +, a social handle case-insensitive without its leading @, a chat user id exactly as given (trimmed).
 */
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

    /** "@Maria" and "maria" on SOCIAL are one account; a chat user id is compared as given. */
    public static String handle(String channel, String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        String trimmed = handle.trim();
        if ("SOCIAL".equals(channel)) {
            String name = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
            return name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
        }
        return trimmed;
    }

}
