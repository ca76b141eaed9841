package io.nohold.lifecycle;

import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.directory.RepWentAway;
import io.nohold.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A rep went AWAY: each contact they hold whose deadline (the promise while the customer waits to be reached, the
 * resolution after) falls within the absence goes to the next named backup on shift, or is offered to the region's
 * team; the case history says so. Contacts due after the rep is back stay with them (the customer keeps their
 * person). Away without a time to return, or off duty: every contact they hold moves. Runs in the transaction of the
 * status change.
 */
@Component
class HandOnWhenAway {

    private static final Logger log = LoggerFactory.getLogger(HandOnWhenAway.class);

    private final HeldContacts contacts;

    private final CaseFile caseFile;

    HandOnWhenAway(HeldContacts contacts, CaseFile caseFile) {
        this.contacts = contacts;
        this.caseFile = caseFile;
    }

    @EventListener
    void wentAway(RepWentAway away) {
        Instant now = EngineClock.now();
        int moved = 0;
        int kept = 0;
        for (HeldContacts.Held held : contacts.of(away.id())) {
            if (away.until() != null && held.due() != null && !held.due().isBefore(away.until())) {
                kept++;
                continue;
            }
            contacts.handOn(held, away.id(), now,
                    (caseNumber, from, to) -> caseFile.wentAway(caseNumber, from, away.until(), away.offDuty(), to));
            moved++;
        }
        if (moved + kept > 0) {
            log.info("{} went away: {} contacts handed on, {} kept for their return", away.id(), moved, kept);
        }
    }

}
