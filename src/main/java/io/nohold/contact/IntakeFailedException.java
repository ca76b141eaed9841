package io.nohold.contact;

/** The contact is stored, but its case could not be opened. Resending it with the same externalId retries. */
public class IntakeFailedException extends RuntimeException {

    private final long contactId;

    IntakeFailedException(long contactId) {
        super("the case of contact " + contactId + " could not be opened");
        this.contactId = contactId;
    }

    long contactId() {
        return contactId;
    }

}
