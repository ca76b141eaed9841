package io.nohold.mailbox;

import java.time.Instant;

/** A mail that NoHold could not take in: it lies in the mailbox's Failed folder; {@code reason} says why. */
public record MailboxFailure(long id, String messageId, String sender, String subject, String reason, Instant failedAt) {
}
