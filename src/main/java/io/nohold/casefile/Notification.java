package io.nohold.casefile;

import java.time.Instant;

/** A message waiting in the outbox for a channel adapter to deliver it. */
public record Notification(long id, String caseNumber, RecipientKind recipientKind, String recipient, NotificationKind kind,
        String text, Instant createdAt, Instant deliveredAt) {

    public enum RecipientKind {

        /** {@code recipient} is a customer id. */
        CUSTOMER,
        /** {@code recipient} is a user id (a rep or supervisor). */
        USER,
        /** {@code recipient} is a group id: a region's team, its supervisors, head of service. */
        GROUP

    }

}
