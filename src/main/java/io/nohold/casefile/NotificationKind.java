package io.nohold.casefile;

/**
 * What a notification in the outbox is about. The texts of those to customers come from templates, one per kind and
 * language ({@link CustomerTexts#KINDS}).
 */
public enum NotificationKind {

    /** To the customer: who answers and by when. */
    PROMISE,
    /** To the handler: a new contact is theirs. */
    NEW_CONTACT,
    /** To the handler, or the team: the customer wrote again on an open case. */
    CONTACT_JOINED,
    /** To the team: a contact waits for anyone of them. */
    OFFERED_TO_TEAM,
    /** To the supervisors: nobody of the region could take a new contact. */
    NO_REP_AVAILABLE,
    /** To the previous handler and the named backup. */
    HANDED_OVER,
    /** To the handler: the personal window passed and no backup is available. */
    PERSONAL_WINDOW_ELAPSED,
    /** To the handler, or the team when nobody holds the case: the promise falls due soon. */
    PROMISE_DUE_SOON,
    /** To the supervisors: a first-response promise was not kept. */
    PROMISE_BROKEN,
    /** To the supervisors: no routing rule matched the customer. */
    REGION_UNRESOLVED,
    /** To the supervisors, at their opening: what happened in their region while it was closed. */
    MORNING_LIST,
    APPROVAL_REQUESTED,
    APPROVAL_DECIDED,
    APPROVAL_OVERDUE,
    /** To the supervisors, and to the customer who asked for one. */
    ESCALATION,
    ESCALATION_OVERDUE,
    RETURNED_TO_HANDLER,
    /** To the customer: when the handler will get back to them. */
    FOLLOW_UP,
    /** To the handler: a follow-up came due or the customer replied. */
    FOLLOW_UP_DUE,
    /** To the customer: the outcome. */
    RESOLVED,
    /** To the customer, after a broken promise: an apology, and who answers by when now. */
    NEW_PROMISE,
    /** To the customer: what the rep wrote to them when completing a task ("replyToCustomer"). */
    REPLY

}
