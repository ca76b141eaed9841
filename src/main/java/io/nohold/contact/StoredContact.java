package io.nohold.contact;

import java.time.Instant;

/**
 * A contact as stored: {@code requestedCaseNumber} is the case the channel said it belongs to, {@code caseNumber} the
 * case it opened or joined, {@code promisedBy} the promise made for it.
 */
public record StoredContact(long id, String channel, String externalId, String customerId, String caseNumber,
        String requestedCaseNumber, String subject, String message, boolean publicPost, boolean newTopic,
        Instant receivedAt, Instant promisedBy, ContactStatus status, String failure) {
}
