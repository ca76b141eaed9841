package io.nohold.contact;

public enum ContactStatus {

    /** Stored; its case is being opened or joined. */
    RECEIVED,
    /** Opened a new case. */
    OPENED_CASE,
    /** Joined the customer's open case. */
    JOINED_CASE,
    /** Stored, but its case could not be opened; resending it retries. */
    FAILED

}
