package io.nohold.casefile;

import java.time.Instant;

/** One entry of a case's history. */
public record CaseEvent(long id, String caseNumber, Instant at, Category category, String type, String actor,
        String outcome, String detail) {

    public enum Category {

        /** A contact received from the customer. */
        CONTACT,
        /** A task completed by a rep or supervisor. */
        TASK,
        /** A promise made, a ring moved, a deadline missed. */
        SLA,
        /** Escalations and approvals. */
        ESCALATION,
        /** Accommodations granted. */
        ACCOMMODATION,
        /** Resolved, reopened, follow-up, closed. */
        CASE

    }

}
