package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nohold.customer.CustomerDetails;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Different contacts of one new customer (e-mail, chat, phone...) that arrive at the same moment: one customer, one
 * case; the first contact opens it and the others join it.
 */
@NoHoldTest
class SimultaneousContactsTests {

    static final String HAMBURG = "20095";

    static final int ROUNDS = 3;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseDriver driver;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} contacts at once")
    @ValueSource(ints = { 2, 3, 4 })
    void contactsOfOneNewCustomerAtOnceOpenOneCase(int contacts) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            oneNewCustomerAtOnce(contacts);
        }
    }

    private void oneNewCustomerAtOnce(int contacts) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "at-once-" + tag + "@example.com";
        String phone = "+49 40 555" + Math.abs(tag.hashCode() % 10_000_000);
        List<String> channels = List.of("EMAIL", "CHAT", "WEB", "PHONE");
        List<ContactRequest> requests = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            // the same address, written differently; the phone number only on some of them
            CustomerDetails customer = new CustomerDetails(null, "At Once " + tag, i % 2 == 0 ? email : email.toUpperCase(),
                    i == 1 ? phone : null, HAMBURG, "DE");
            requests.add(new ContactRequest(channels.get(i), "at-once-" + tag + "-" + i, customer, "Order " + tag,
                    "contact " + i, false, false));
        }

        List<IntakeAnswer> answers = submitAtOnce(requests);

        assertThat(answers).extracting(IntakeAnswer::customerId).containsOnly(answers.get(0).customerId());
        assertThat(answers).extracting(IntakeAnswer::caseNumber).containsOnly(answers.get(0).caseNumber());
        assertThat(answers).filteredOn(answer -> !answer.joinedOpenCase()).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE email_key = ?").param(email).query(Long.class).single())
            .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case WHERE customer_id = ?")
            .param(answers.get(0).customerId())
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(driver.instance(answers.get(0).caseNumber())).isNotNull();
    }

    private List<IntakeAnswer> submitAtOnce(List<ContactRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IntakeAnswer>> submitted = new ArrayList<>();
            for (ContactRequest request : requests) {
                submitted.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return intake.submit(request).answer();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            start.countDown();
            List<IntakeAnswer> answers = new ArrayList<>();
            for (Future<IntakeAnswer> answer : submitted) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

}
