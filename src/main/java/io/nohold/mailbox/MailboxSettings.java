package io.nohold.mailbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * Where the support mailbox is and how it is read ({@code nohold.mailbox.*}, see docs/operations.md): new mails are
 * read from {@code folder}; a mail taken in is moved to {@code processedFolder}, one NoHold cannot take in to
 * {@code failedFolder}. {@code protocol} is {@code imaps} (TLS) or {@code imap}.
 */
public record MailboxSettings(boolean enabled, String protocol, String host, int port, String username, String password,
        String folder, String processedFolder, String failedFolder, DataSize maxMailSize) {

    /** The settings a mailbox needs that are missing, by property name; empty when reading is off. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!enabled) {
            return missing;
        }
        if (blank(host)) {
            missing.add("nohold.mailbox.host");
        }
        if (blank(username)) {
            missing.add("nohold.mailbox.username");
        }
        if (blank(password)) {
            missing.add("nohold.mailbox.password");
        }
        if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
            missing.add("nohold.mailbox.protocol (imap or imaps)");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
