package io.nohold.casefile;

import java.time.Instant;

/** A case: opened by a contact, the process instance with business key = case number. */
public record CaseRecord(String caseNumber, String customerId, CaseState state, String channel, String subject,
        String regionId, boolean regionUnresolved, String personalRepId, String handlerId, Instant receivedAt,
        Instant promisedBy, Instant personalWindowEndsAt, Instant resolutionDueAt, Instant resolvedAt, String resolvedBy,
        Instant closedAt, String processInstanceId) {
}
