package io.nohold.casefile;

import java.time.Instant;

/**
 * One entry of a case's history. {@code task} names the completed task for {@link CaseEventType#TASK_COMPLETED},
 * {@code contactId} the contact for contact entries.
 */
public record CaseEvent(long id, String caseNumber, Instant at, CaseEventType type, String task, String actor,
        String outcome, String detail) {

    public CaseEventType.Category category() {
        return type.category();
    }

}
