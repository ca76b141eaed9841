package io.nohold.lifecycle;

import io.nohold.casefile.CaseFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, cases opened before the case file kept the first answer they wait for get it from their promise
 * while their "Reach customer" task is open, so the board lists them by it. Idempotent, also with several nodes;
 * finds nothing once done.
 */
@Component
class FirstAnswersAwaited {

    private static final Logger log = LoggerFactory.getLogger(FirstAnswersAwaited.class);

    private final CaseFile caseFile;

    FirstAnswersAwaited(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @EventListener(ApplicationReadyEvent.class)
    void remember() {
        int set = caseFile.rememberFirstAnswersAwaited(ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        if (set > 0) {
            log.info("{} open cases from before V16 wait for their first answer by their promise", set);
        }
    }

}
