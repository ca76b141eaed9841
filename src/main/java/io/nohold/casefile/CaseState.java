package io.nohold.casefile;

public enum CaseState {

    /** With a handler or offered to the region's team. */
    OPEN,
    /** An accommodation above the rep's authority waits for a supervisor. */
    AWAITING_APPROVAL,
    /** With the region's supervisors. */
    ESCALATED,
    /** The handler follows up on a date, or when the customer replies. */
    FOLLOW_UP,
    /** Resolved and confirmed to the customer; a reply within the quiet period reopens it. */
    RESOLVED,
    CLOSED;

    public boolean open() {
        return this != CLOSED;
    }

}
