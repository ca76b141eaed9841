package io.nohold.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseFile.Erasure;
import io.nohold.contact.ContactRepository;
import io.nohold.engine.EngineClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NoHold's own tables follow the engine's history retention: a case closed longer ago than
 * {@code nohold.privacy.retention} loses its personal text (contacts' subjects and messages, the free text of its
 * history, its notifications' texts, the engine's text variables, comments and task names), in the engine's history
 * cleanup window. Case numbers, states, times, channels, regions, people and counts stay.
 * <p>
 * Every node checks every {@code nohold.privacy.check-interval}; outside the window it does nothing. Two nodes may run
 * at the same time: each case is erased in a transaction of its own by whichever node marks it erased first (the
 * other waits for that row and then skips it), so nothing is erased twice or left out.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private static final int BATCH = 100;

    private final Duration retention;

    private final CaseFile caseFile;

    private final ContactRepository contacts;

    private final EngineCaseData engineData;

    private final ProcessEngine engine;

    private final TransactionTemplate transaction;

    RetentionJob(@Value("${nohold.privacy.retention:P180D}") Duration retention, CaseFile caseFile,
            ContactRepository contacts, EngineCaseData engineData, ProcessEngine engine,
            PlatformTransactionManager transactionManager) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("nohold.privacy.retention must be positive, e.g. P180D; was " + retention);
        }
        this.retention = retention;
        this.caseFile = caseFile;
        this.contacts = contacts;
        this.engineData = engineData;
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${nohold.privacy.check-interval:PT10M}",
            initialDelayString = "${nohold.privacy.check-interval:PT10M}")
    public void scheduled() {
        int erased = run();
        if (erased > 0) {
            log.info("retention: erased the personal text of {} cases closed before {}", erased,
                    EngineClock.now().minus(retention));
        }
    }

    /** Within the window, erases what the retention has ended for; returns how many cases this call erased. */
    public int run() {
        if (!inWindow()) {
            return 0;
        }
        Instant cutoff = EngineClock.now().minus(retention);
        int erased = 0;
        while (inWindow()) {
            List<String> batch = caseFile.closedBeforeNotErased(cutoff, BATCH);
            int before = erased;
            for (String caseNumber : batch) {
                if (Boolean.TRUE.equals(transaction.execute(status -> erase(caseNumber)))) {
                    erased++;
                }
            }
            // a short batch was the last; a batch another node erased entirely is not read again and again
            if (batch.size() < BATCH || erased == before) {
                break;
            }
        }
        transaction.executeWithoutResult(status -> contacts.eraseWithoutCaseBefore(cutoff));
        return erased;
    }

    private boolean erase(String caseNumber) {
        if (!caseFile.erase(caseNumber, Erasure.RETENTION_ENDED, null)) {
            return false;
        }
        contacts.eraseOfCase(caseNumber);
        engineData.erase(caseNumber, caseFile.get(caseNumber).processInstanceId());
        return true;
    }

    /** The engine's own history cleanup window (its batch window configuration), on the engine's clock. */
    boolean inWindow() {
        return HistoryCleanupHelper.isWithinBatchWindow(ClockUtil.getCurrentTime(), configuration());
    }

    public Duration retention() {
        return retention;
    }

    /** The engine removes a case's history when its models' time to live ends; that should be the same period. */
    @EventListener(ApplicationReadyEvent.class)
    void checkTimeToLive() {
        long days = retention.toDays();
        engine.getRepositoryService()
            .createProcessDefinitionQuery()
            .latestVersion()
            .list()
            .stream()
            .filter(definition -> definition.getHistoryTimeToLive() != null
                    && !Objects.equals(definition.getHistoryTimeToLive().longValue(), days))
            .map(ProcessDefinition::getKey)
            .forEach(key -> log.warn("process {} keeps its history for a different time than nohold.privacy.retention"
                    + " ({} days): the engine and NoHold's tables will forget at different times", key, days));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

}
