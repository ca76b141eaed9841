package io.nohold.contact;

import java.time.Instant;

public record StoredContact(long id, String channel, String externalId, String customerId, String caseNumber,
        String subject, String message, boolean publicPost, boolean newTopic, Instant receivedAt, ContactStatus status,
        String failure) {
}
