package io.nohold.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nohold.casefile.CaseEventRecorded;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.NotificationOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * NoHold's business metrics, for {@code /actuator/prometheus}: what happened to contacts and promises, counted when the
 * transaction that recorded it commits (a rolled-back contact or timer counts nothing). Most facts come from the case
 * history as it is written ({@link CaseEventRecorded}); the lifecycle reports reaching the customer and intake times
 * its submissions through this class. Tags stay few: channel, region and ring.
 */
@Component
public class BusinessMetrics {

    static final String CONTACTS_RECEIVED = "nohold.contacts.received";

    static final String PROMISES_KEPT = "nohold.promises.kept";

    static final String PROMISES_BROKEN = "nohold.promises.broken";

    static final String HANDOVERS = "nohold.handovers";

    static final String HANDLED_BY_OWN_REP = "nohold.continuity.own.rep";

    static final String HANDLED_BY_OTHERS = "nohold.continuity.other.rep";

    static final String ESCALATIONS_OPENED = "nohold.escalations.opened";

    static final String INTAKE_LATENCY = "nohold.intake.latency";

    static final String OUTBOX_PENDING = "nohold.outbox.pending";

    /** How long the outbox backlog is kept between counts; scrapes in between read the last count. */
    private static final Duration BACKLOG_KEPT = Duration.ofSeconds(5);

    private static final String NO_REGION = "none";

    private final MeterRegistry registry;

    private final CaseFile caseFile;

    private final NotificationOutbox outbox;

    private final Timer intake;

    private volatile long backlog;

    private volatile long backlogCountedAt = Long.MIN_VALUE;

    BusinessMetrics(MeterRegistry registry, CaseFile caseFile, NotificationOutbox outbox) {
        this.registry = registry;
        this.caseFile = caseFile;
        this.outbox = outbox;
        this.intake = Timer.builder(INTAKE_LATENCY)
            .description("Time to take in a contact, from submission to the answer with its promise")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
        Gauge.builder(OUTBOX_PENDING, this, BusinessMetrics::backlog)
            .description("Customer notifications due and not delivered yet")
            .register(registry);
    }

    /** Takes in a contact, timed. */
    public <T> T timeIntake(Supplier<T> submission) {
        return intake.record(submission);
    }

    /**
     * A handler completed "Reach customer" ({@link CaseFile#customerReached}): a kept promise counts, and the contact
     * counts for continuity by whether the customer's own rep did it.
     */
    public void customerReached(CaseFile.FirstResponse response) {
        String region = response.regionId() == null ? NO_REGION : response.regionId();
        afterCommit(() -> {
            if (response.kept()) {
                counter(PROMISES_KEPT, "Promises of a first response kept", "region", region).increment();
            }
            counter(response.ownRep() ? HANDLED_BY_OWN_REP : HANDLED_BY_OTHERS, response.ownRep()
                    ? "Contacts reached by the customer's own rep"
                    : "Contacts reached by someone other than the customer's own rep", "region", region).increment();
        });
    }

    @EventListener
    void recorded(CaseEventRecorded event) {
        switch (event.type()) {
            // a new case is placed in its region later in the same transaction: its region is read just before commit
            case CONTACT_RECEIVED, CONTACT_JOINED -> beforeCommit(() -> {
                String region = region(caseFile.get(event.caseNumber()));
                return () -> counter(CONTACTS_RECEIVED, "Contacts taken in", "channel", channel(event.outcome()), "region",
                        region).increment();
            });
            case PROMISE_BROKEN -> count(event, PROMISES_BROKEN, "Promises of a first response broken");
            case HANDED_OVER_TO_BACKUP -> handover(event, "backup");
            case SHIFT_ENDED, WENT_AWAY -> handover(event, event.actor() == null ? "team" : "backup");
            case OFFERED_TO_TEAM -> handover(event, "team");
            case ESCALATION_OPENED -> {
                handover(event, "supervisor");
                count(event, ESCALATIONS_OPENED, "Escalations to the supervisors opened");
            }
            default -> {
            }
        }
    }

    private void handover(CaseEventRecorded event, String ring) {
        String region = region(caseFile.get(event.caseNumber()));
        afterCommit(() -> counter(HANDOVERS, "Contacts moved to another ring", "ring", ring, "region", region).increment());
    }

    private void count(CaseEventRecorded event, String name, String description) {
        String region = region(caseFile.get(event.caseNumber()));
        afterCommit(() -> counter(name, description, "region", region).increment());
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** The customer notifications not delivered yet, counted at most every few seconds. */
    double backlog() {
        long now = System.nanoTime();
        if (backlogCountedAt == Long.MIN_VALUE || now - backlogCountedAt > BACKLOG_KEPT.toNanos()) {
            backlog = outbox.pendingForCustomers();
            backlogCountedAt = now;
        }
        return backlog;
    }

    /** The next read of the backlog counts again. */
    void forgetBacklog() {
        backlogCountedAt = Long.MIN_VALUE;
    }

    private static String region(CaseRecord record) {
        return record.regionId() == null ? NO_REGION : record.regionId();
    }

    private static String channel(String name) {
        return Objects.requireNonNullElse(name, "unknown").toLowerCase(java.util.Locale.ROOT);
    }

    private static void afterCommit(Runnable count) {
        beforeCommit(() -> count);
    }

    /**
     * {@code resolve} runs inside the transaction just before it commits, the count it returns after the commit;
     * without a transaction both run at once.
     */
    private static void beforeCommit(Supplier<Runnable> resolve) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            resolve.get().run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            private Runnable count;

            @Override
            public void beforeCommit(boolean readOnly) {
                count = resolve.get();
            }

            @Override
            public void afterCommit() {
                if (count != null) {
                    count.run();
                }
            }

        });
    }

}
