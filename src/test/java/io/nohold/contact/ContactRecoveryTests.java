package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nohold.customer.CustomerDetails;
import io.nohold.customer.CustomerService;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that stored a contact and died before opening its case leaves the contact in RECEIVED. Any node opens it
 * within a minute, exactly once, without the channel sending it again.
 */
@NoHoldTest
class ContactRecoveryTests {

    @Autowired
    ContactRecovery recovery;

    @Autowired
    ContactRepository contacts;

    @Autowired
    CustomerService customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CaseDriver driver;

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aContactLeftInReceivedIsOpenedExactlyOnceEvenWhenTwoNodesRecoverAtOnce() throws Exception {
        Instant storedAt = Instant.parse("2026-03-02T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(storedAt));
        long id = storeAsADyingNodeWould();

        assertThat(recovery.recoverStuckContacts()).as("too fresh to be stuck: its node may still be at work").isZero();
        assertThat(contacts.find(id).orElseThrow().status()).isEqualTo(ContactStatus.RECEIVED);

        ClockUtil.setCurrentTime(Date.from(storedAt.plus(ContactRecovery.STUCK_AFTER).plusSeconds(1)));
        int recovered = recoverOnTwoNodesAtOnce();

        StoredContact opened = contacts.find(id).orElseThrow();
        assertThat(recovered).as("cases opened by both nodes together").isEqualTo(1);
        assertThat(opened.status()).isEqualTo(ContactStatus.OPENED_CASE);
        assertThat(opened.caseNumber()).isNotNull();
        assertThat(opened.promisedBy()).as("promised from when it was taken up, not in the past")
            .isAfter(storedAt.plus(ContactRecovery.STUCK_AFTER));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(opened.caseNumber()).count()).isEqualTo(1);
        assertThat(recovery.recoverStuckContacts()).as("nothing left to do").isZero();
    }

    private long storeAsADyingNodeWould() {
        CustomerDetails details = CaseDriver.newCustomer("20095");
        ContactRequest request = new ContactRequest("EMAIL", "ext-" + UUID.randomUUID(), details, "Stuck", "stored, then the node died",
                false, false);
        return transactions.execute(status -> contacts.insert(io.nohold.casefile.Channel.EMAIL, request,
                customers.identify(details).id(), ClockUtil.getCurrentTime().toInstant()));
    }

    private int recoverOnTwoNodesAtOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                results.add(nodes.submit(() -> {
                    start.await();
                    return recovery.recoverStuckContacts();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        }
        finally {
            nodes.shutdownNow();
        }
    }

}
