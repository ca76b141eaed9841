package io.nohold.contact;

/** The contact is stored, but its case could not be opened. Resending it with the same externalId retries. */
class IntakeFailedException extends RuntimeException {

    private final long contactId;

    IntakeFailedException(long contactId, String reason) {
        super(reason);
        this.contactId = contactId;
    }

    long contactId() {
        return contactId;
    }

}
