package io.nohold.casefile;

import java.util.EnumSet;
import java.util.Set;

/** What can happen to a case; each kind of entry in its history, grouped as the case view shows them. */
public enum CaseEventType {

    CONTACT_RECEIVED(Category.CONTACT),
    CONTACT_JOINED(Category.CONTACT),

    TASK_COMPLETED(Category.TASK),
    /** A rep wrote to the customer when completing a task; the detail is what they wrote. */
    REPLIED_TO_CUSTOMER(Category.TASK),

    PROMISE_MADE(Category.SLA),
    OFFERED_TO_TEAM(Category.SLA),
    HANDED_OVER_TO_BACKUP(Category.SLA),
    PERSONAL_WINDOW_ELAPSED(Category.SLA),
    PROMISE_DUE_SOON(Category.SLA),
    /** The holder's shift ended before the promise: handed to the next named backup on shift, or offered to the team. */
    SHIFT_ENDED(Category.SLA),
    /**
     * The holder went AWAY and the deadline falls within the absence: handed to the next named backup on shift, or
     * offered to the team.
     */
    WENT_AWAY(Category.SLA),
    PROMISE_BROKEN(Category.SLA),
    RESOLUTION_DEADLINE_MISSED(Category.SLA),

    APPROVAL_REQUESTED(Category.ESCALATION),
    APPROVAL_DECIDED(Category.ESCALATION),
    APPROVAL_OVERDUE(Category.ESCALATION),
    ESCALATION_OPENED(Category.ESCALATION),
    ESCALATION_OVERDUE(Category.ESCALATION),
    RETURNED_TO_HANDLER(Category.ESCALATION),

    ACCOMMODATION_GRANTED(Category.ACCOMMODATION),

    REGION_UNRESOLVED(Category.CASE),
    FOLLOW_UP_PLANNED(Category.CASE),
    BACK_TO_HANDLER(Category.CASE),
    RESOLVED(Category.CASE),
    REOPENED(Category.CASE),
    CLOSED(Category.CASE),
    WITHDRAWN(Category.CASE),
    /** The case's personal text was erased: at the customer's request, or because its retention ended. */
    ERASED(Category.CASE),

    /** A customer notification went out by e-mail; the outcome is its kind. */
    MAIL_SENT(Category.CASE),
    /** The mail server could not take a customer's e-mail; it is tried again. */
    MAIL_RETRYING(Category.CASE),
    /** A customer's e-mail was given up after its attempts, or refused. */
    MAIL_FAILED(Category.CASE);

    /**
     * Entries whose detail is free text that can quote or describe the customer: what they wrote, what a rep wrote
     * to them, the notes and guidance of reps and supervisors, an accommodation's reason, an operator's reason for
     * withdrawing the case, why no region rule matched the customer's address. The other entries' details are written by NoHold from rep names,
     * times and codes.
     */
    private static final Set<CaseEventType> FREE_TEXT = EnumSet.of(CONTACT_RECEIVED, CONTACT_JOINED, REPLIED_TO_CUSTOMER,
            TASK_COMPLETED, APPROVAL_REQUESTED, APPROVAL_DECIDED, ACCOMMODATION_GRANTED, RETURNED_TO_HANDLER,
            REGION_UNRESOLVED, WITHDRAWN);

    private final Category category;

    CaseEventType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** Whether the detail of this entry can carry personal text; erasure clears exactly these details. */
    public boolean freeText() {
        return FREE_TEXT.contains(this);
    }

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
        /** Placed, resolved, reopened, follow-up, closed. */
        CASE

    }

}
