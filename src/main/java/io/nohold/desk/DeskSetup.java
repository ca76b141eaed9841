package io.nohold.desk;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** On every start, after the directory is in step with the identity: the desk's filters and permissions. */
@Component
@Order(20)
class DeskSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeskSetup.class);

    private final TasklistFilters filters;

    private final TasklistAuthorizations authorizations;

    private final TransactionTemplate transactions;

    DeskSetup(TasklistFilters filters, TasklistAuthorizations authorizations, TransactionTemplate transactions) {
        this.filters = filters;
        this.authorizations = authorizations;
        this.transactions = transactions;
    }

    /** A region added while running: its reps and supervisors get their desk at once, not at the next start. */
    @org.springframework.context.event.EventListener
    void regionCreated(io.nohold.directory.RegionCreated created) {
        authorizations.ensure(filters.ensure());
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            Map<String, String> ids = filters.ensure();
            authorizations.ensure(ids);
            log.info("Tasklist filters ready: {}", ids.keySet());
        });
    }

}
