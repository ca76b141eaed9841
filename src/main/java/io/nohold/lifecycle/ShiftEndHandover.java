package io.nohold.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.casefile.CaseFile;
import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.directory.RepSchedules;
import io.nohold.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a rep's shift ends (or an absence begins), the contacts they hold move on: a contact whose deadline (the promise
 * while the customer waits to be reached, the resolution after) falls at or after the rep's next shift start stays with
 * them (the customer keeps their person); any other goes to the next named backup of the region who is available and
 * on shift, else it is offered to the region's team.
 * <p>
 * Every node checks every {@code nohold.shifts.handover-interval}. A shift end is handled once: the node that inserts
 * the claim of (rep, shift end) hands the contacts on in the same transaction; another node meets the duplicate key
 * and leaves it. Shift ends further back than {@link #LOOKBACK} are not taken up (after a long outage).
 */
@Component
public class ShiftEndHandover {

    private static final Logger log = LoggerFactory.getLogger(ShiftEndHandover.class);

    static final Duration LOOKBACK = Duration.ofDays(3);

    private final RegionDirectory directory;

    private final RepSchedules schedules;

    private final HeldContacts contacts;

    private final CaseFile caseFile;

    private final TransactionTemplate transaction;

    ShiftEndHandover(RegionDirectory directory, RepSchedules schedules, HeldContacts contacts, CaseFile caseFile,
            PlatformTransactionManager transactionManager) {
        this.directory = directory;
        this.schedules = schedules;
        this.contacts = contacts;
        this.caseFile = caseFile;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${nohold.shifts.handover-interval:PT1M}",
            initialDelayString = "${nohold.shifts.handover-interval:PT1M}")
    public void scheduled() {
        run();
    }

    /** Hands on the contacts of every shift end not handled yet; returns how many shift ends this call handled. */
    public int run() {
        Instant now = EngineClock.now();
        int handled = 0;
        for (Region region : directory.regions()) {
            Map<String, BusinessCalendar> times = schedules.workingTimes(region.id(), now);
            for (Rep rep : directory.repsOf(region.id())) {
                BusinessCalendar time = times.get(rep.id());
                if (time == null || time.isOpen(now)) {
                    continue;
                }
                Optional<Instant> end = time.lastClosing(now, LOOKBACK);
                if (end.isPresent() && handle(rep, end.get(), time, now)) {
                    handled++;
                }
            }
        }
        schedules.forgetShiftEndsBefore(now.minus(LOOKBACK.multipliedBy(2)));
        return handled;
    }

    /** Claims the shift end and hands on in one transaction; false when it was handled before or failed. */
    private boolean handle(Rep rep, Instant end, BusinessCalendar time, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!schedules.claimShiftEnd(rep.id(), end)) {
                    // handled before, here or by another node; a refused insert spoils the transaction on PostgreSQL
                    status.setRollbackOnly();
                    return false;
                }
                handOn(rep, time.nextOpening(now, RepSchedules.HORIZON), now);
                return true;
            }));
        }
        catch (RuntimeException e) {
            // nothing of it is kept, the claim neither: the next run tries again
            log.warn("could not hand on the contacts of {} at the end of their shift at {}; trying again", rep.id(), end, e);
            return false;
        }
    }

    private void handOn(Rep rep, Optional<Instant> nextShift, Instant now) {
        int moved = 0;
        int kept = 0;
        for (HeldContacts.Held held : contacts.of(rep.id())) {
            if (held.due() != null && nextShift.isPresent() && !held.due().isBefore(nextShift.get())) {
                kept++;
                continue;
            }
            contacts.handOn(held, rep.id(), now, caseFile::shiftEnded);
            moved++;
        }
        if (moved + kept > 0) {
            log.info("shift of {} ended: {} contacts handed on, {} kept for the next shift", rep.id(), moved, kept);
        }
    }

}
