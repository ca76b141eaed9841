package io.nohold.webhook;

import java.time.Instant;
import java.util.List;

/** One notification delivered (or being delivered) to a webhook, with every attempt. */
record DeliveryLog(String id, long notificationId, String caseNumber, String kind, String state, Instant createdAt,
        Instant nextAttemptAt, List<Attempt> attempts) {

    /** One attempt: when, the HTTP status of the answer (null when none came) and what went wrong. */
    record Attempt(int attempt, Instant at, Integer httpStatus, String error) {
    }

}
