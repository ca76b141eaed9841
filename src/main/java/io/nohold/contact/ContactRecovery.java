package io.nohold.contact;

import java.time.Duration;
import java.util.List;

import io.nohold.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens the cases of contacts that a node stored but did not get to open, because it died or lost its database
 * connection in between: every {@code nohold.intake.recovery.interval}, any node takes up the contacts that have
 * been in RECEIVED for longer than {@link #STUCK_AFTER}. Each is opened exactly once, whichever node or resend gets
 * there first: {@link IntakeService#process} claims the contact under a row lock.
 */
@Component
@ConditionalOnProperty(name = "nohold.intake.recovery.enabled", havingValue = "true", matchIfMissing = true)
public class ContactRecovery {

    private static final Logger log = LoggerFactory.getLogger(ContactRecovery.class);

    /** Far longer than storing and opening take together; short enough to open a case within a minute. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);

    private static final int BATCH = 100;

    private final ContactRepository contacts;

    private final IntakeService intake;

    ContactRecovery(ContactRepository contacts, IntakeService intake) {
        this.contacts = contacts;
        this.intake = intake;
    }

    @Scheduled(fixedDelayString = "${nohold.intake.recovery.interval:PT20S}",
            initialDelayString = "${nohold.intake.recovery.interval:PT20S}")
    public void scheduled() {
        recoverStuckContacts();
    }

    /** Returns how many cases this call opened or joined. */
    public int recoverStuckContacts() {
        List<StoredContact> stuck = contacts.stuckSince(EngineClock.now().minus(STUCK_AFTER), BATCH);
        int recovered = 0;
        for (StoredContact contact : stuck) {
            try {
                if (intake.process(contact)) {
                    recovered++;
                    log.info("opened the case of contact {}, stored at {} and left unprocessed", contact.id(),
                            contact.receivedAt());
                }
            }
            catch (IntakeFailedException e) {
                // marked FAILED and logged by the intake; a resend or an operator takes it from there
            }
        }
        return recovered;
    }

}
