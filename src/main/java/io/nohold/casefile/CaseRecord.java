package io.nohold.casefile;

import java.time.Instant;

import io.nohold.sla.SlaPolicy;

/**
 * A case: opened by a contact, the process instance with business key = case number. {@code slaPolicy} is the row of
 * the SLA policy its latest promise was made under; null before the first promise, and for a case whose lifecycle
 * started before the case file kept it (its process instance keeps the row in variables). {@code granted} is the
 * accommodation granted since the customer was last told of one (type and amount, never the reason); null: none.
 */
public record CaseRecord(String caseNumber, String customerId, CaseState state, String channel, String subject,
        String regionId, boolean regionUnresolved, String personalRepId, String handlerId, Instant receivedAt,
        Instant promisedBy, Instant personalWindowEndsAt, Instant resolutionDueAt, Instant resolvedAt, String resolvedBy,
        Instant closedAt, String processInstanceId, SlaPolicy slaPolicy, Accommodation granted) {
}
