package io.nohold.casefile;

import java.time.Instant;

/**
 * A message waiting in the outbox for a channel adapter to deliver it. {@code deliverAfter}: not before this moment
 * (a region's supervisors are told within their business hours), null for at once. {@code subject}: the subject line of a
 * notification to a customer (a mail's subject), null for the others.
 */
public record Notification(long id, String caseNumber, RecipientKind recipientKind, String recipient, NotificationKind kind,
        String text, Instant createdAt, Instant deliverAfter, Instant deliveredAt, String subject) {

    /** Whether a channel adapter may be handed it at this moment. */
    public boolean due(Instant now) {
        return deliverAfter == null || !deliverAfter.isAfter(now);
    }

    public enum RecipientKind {

        /** {@code recipient} is a customer id. */
        CUSTOMER,
        /** {@code recipient} is a user id (a rep or supervisor). */
        USER,
        /** {@code recipient} is a group id: a region's team, its supervisors, head of service. */
        GROUP

    }

}
