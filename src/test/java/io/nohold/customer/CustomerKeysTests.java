package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One customer per e-mail key, per phone key and per channel handle: the database refuses a second one, and {@code identify} gives one
 * customer to contacts of one new customer that arrive at the same moment, also inside a caller's transaction as at
 * intake.
 */
@NoHoldTest
class CustomerKeysTests {

    static final int THREADS = 8;

    static final int ROUNDS = 5;

    @Autowired
    CustomerService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    // the database

    @Test
    void databaseRefusesASecondCustomerWithTheSameEmailKey() {
        String key = "twice-" + tag() + "@example.com";
        insertRow("CK-" + tag(), key, null);

        assertThatThrownBy(() -> insertRow("CK-" + tag(), key, null)).isInstanceOf(DuplicateKeyException.class);
        assertThat(count("email_key", key)).isEqualTo(1);
    }

    @Test
    void databaseRefusesASecondCustomerWithTheSamePhoneKey() {
        String key = "+4940" + digits();
        insertRow("CK-" + tag(), null, key);

        assertThatThrownBy(() -> insertRow("CK-" + tag(), null, key)).isInstanceOf(DuplicateKeyException.class);
        assertThat(count("phone_key", key)).isEqualTo(1);
    }

    @Test
    void databaseAllowsManyCustomersWithoutEmailOrPhone() {
        String name = "No keys " + tag();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO customer (id, name, tier, created_at) VALUES (?, ?, 'STANDARD', ?)")
                .param("CK-" + tag())
                .param(name)
                .param(OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE name = ? AND email_key IS NULL AND phone_key IS NULL")
            .param(name)
            .query(Long.class)
            .single()).isEqualTo(3);
    }

    // identify, one after the other

    @Test
    void newCustomersGetIdsFromTheSequence() {
        Customer first = service.identify(details(null, newEmail(), null));
        Customer second = service.identify(details(null, newEmail(), null));

        assertThat(first.id()).matches("CU-\\d{6,}");
        assertThat(second.id()).matches("CU-\\d{6,}");
        assertThat(number(second.id())).isGreaterThan(number(first.id()));
    }

    @Test
    void generatedIdThatAChannelGaveEarlierIsSkipped() {
        Customer before = service.identify(details(null, newEmail(), null));
        String taken = String.format("CU-%06d", number(before.id()) + 1);
        String takenEmail = newEmail();
        service.identify(details(taken, takenEmail, null));

        Customer next = service.identify(details(null, newEmail(), null));

        assertThat(next.id()).isNotEqualTo(taken).matches("CU-\\d{6,}");
        assertThat(service.customer(taken).email()).isEqualTo(takenEmail);
    }

    @Test
    void knownCustomerIsFoundByEmailWhateverItsCase() {
        String email = newEmail();
        Customer registered = service.identify(details(null, email, null));

        Customer found = service.identify(details(null, email.toUpperCase(), null));

        assertThat(found.id()).isEqualTo(registered.id());
    }

    @Test
    void missingPhoneIsFilledInWhenNoOtherCustomerHoldsIt() {
        Customer registered = service.identify(details(null, newEmail(), null));
        String phone = newPhone();

        Customer found = service.identify(details(null, registered.email(), phone));

        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(found.phone()).isEqualTo(phone);
        assertThat(service.identify(details(null, null, phone)).id()).isEqualTo(registered.id());
    }

    @Test
    void emailWinsOverPhoneAndThePhoneStaysWithItsCustomer() {
        Customer byEmail = service.identify(details(null, newEmail(), null));
        Customer byPhone = service.identify(details(null, null, newPhone()));

        Customer found = service.identify(details(null, byEmail.email(), byPhone.phone()));

        assertThat(found.id()).isEqualTo(byEmail.id());
        assertThat(found.phone()).isNull();
        assertThat(service.customer(byPhone.id()).phone()).isEqualTo(byPhone.phone());
        assertThat(service.identify(details(null, null, byPhone.phone())).id()).isEqualTo(byPhone.id());
    }

    @Test
    void knownCustomerIsFoundByTheirSocialHandleAloneWrittenWithOrWithoutAt() {
        String name = "Maria" + tag();
        Customer registered = service.identify(withHandle(null, newEmail(), "SOCIAL", "@" + name));

        Customer found = service.identify(withHandle(null, null, "SOCIAL", name.toLowerCase()));

        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(service.find(withHandle(null, null, "CHAT", "@" + name))).as("another channel's handle").isEmpty();
    }

    @Test
    void missingHandleIsFilledInAndThenFindsTheCustomer() {
        Customer registered = service.identify(details(null, newEmail(), null));
        String chatUser = "U" + tag();

        assertThat(service.identify(withHandle(null, registered.email(), "CHAT", chatUser)).id()).isEqualTo(registered.id());

        assertThat(service.identify(withHandle(null, null, "CHAT", chatUser)).id()).isEqualTo(registered.id());
        assertThat(service.find(withHandle(null, null, "CHAT", chatUser.toLowerCase()))).as("chat ids are exact").isEmpty();
    }

    @Test
    void aHandleHeldByAnotherCustomerStaysWithThem() {
        String handle = "@held" + tag();
        Customer holder = service.identify(withHandle(null, newEmail(), "SOCIAL", handle));
        Customer other = service.identify(details(null, newEmail(), null));

        assertThat(service.identify(withHandle(null, other.email(), "SOCIAL", handle)).id()).isEqualTo(other.id());

        assertThat(service.identify(withHandle(null, null, "SOCIAL", handle)).id()).isEqualTo(holder.id());
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO customer_handle (customer_id, channel, handle, handle_key, created_at) VALUES (?, 'SOCIAL', ?, ?, ?)""")
            .param(other.id())
            .param(handle)
            .param(ContactKeys.handle("SOCIAL", handle))
            .param(OffsetDateTime.now(ZoneOffset.UTC))
            .update()).as("the database refuses a second holder").isInstanceOf(DuplicateKeyException.class);
    }

    // identify, at the same moment

    @ParameterizedTest(name = "inside a caller transaction: {0}")
    @ValueSource(booleans = { true, false })
    void contactsWithOneNewEmailAtOnceGiveOneCustomer(boolean insideTransaction) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String email = newEmail();
            // the same address, written differently, with a different phone each time
            List<String> ids = identifyAtOnce(insideTransaction,
                    i -> details(null, i % 2 == 0 ? email : email.toUpperCase(), newPhone()));

            assertThat(ids).as("round %d", round).hasSize(THREADS).containsOnly(ids.get(0));
            assertThat(count("email_key", ContactKeys.email(email))).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "inside a caller transaction: {0}")
    @ValueSource(booleans = { true, false })
    void contactsWithOneNewPhoneAtOnceGiveOneCustomer(boolean insideTransaction) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String digits = digits();
            List<String> ids = identifyAtOnce(insideTransaction,
                    i -> details(null, null, i % 2 == 0 ? "+49 40 " + digits : "0049 (40) " + digits));

            assertThat(ids).as("round %d", round).hasSize(THREADS).containsOnly(ids.get(0));
            assertThat(count("phone_key", "+4940" + digits)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "inside a caller transaction: {0}")
    @ValueSource(booleans = { true, false })
    void contactsWithOneNewHandleAtOnceGiveOneCustomer(boolean insideTransaction) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String name = "Post" + tag();
            List<String> ids = identifyAtOnce(insideTransaction,
                    i -> withHandle(null, null, "SOCIAL", i % 2 == 0 ? "@" + name : name.toUpperCase()));

            assertThat(ids).as("round %d", round).hasSize(THREADS).containsOnly(ids.get(0));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_handle WHERE channel = 'SOCIAL' AND handle_key = ?")
                .param(ContactKeys.handle("SOCIAL", name))
                .query(Long.class)
                .single()).isEqualTo(1);
        }
    }

    /**
     * Every thread identifies its details at the same moment; inside a transaction, as intake does, the transaction
     * then goes on with a statement and commits, which on PostgreSQL fails if a lost race aborted it.
     */
    private List<String> identifyAtOnce(boolean insideTransaction, IntFunction<CustomerDetails> details) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                CustomerDetails mine = details.apply(i);
                Callable<String> identify = () -> {
                    ready.countDown();
                    start.await();
                    if (!insideTransaction) {
                        return service.identify(mine).id();
                    }
                    return transactions.execute(status -> {
                        String id = service.identify(mine).id();
                        jdbc.sql("SELECT id FROM customer WHERE id = ?").param(id).query(String.class).single();
                        return id;
                    });
                };
                results.add(pool.submit(identify));
            }
            ready.await(10, TimeUnit.SECONDS);
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS));
            }
            return ids;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void insertRow(String id, String emailKey, String phoneKey) {
        jdbc.sql("""
                INSERT INTO customer (id, email, email_key, phone, phone_key, tier, created_at)
                VALUES (?, ?, ?, ?, ?, 'STANDARD', ?)""")
            .param(id)
            .param(emailKey)
            .param(emailKey)
            .param(phoneKey)
            .param(phoneKey)
            .param(OffsetDateTime.now(ZoneOffset.UTC))
            .update();
    }

    private long count(String keyColumn, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE " + keyColumn + " = ?").param(key).query(Long.class).single();
    }

    private static CustomerDetails details(String id, String email, String phone) {
        return new CustomerDetails(id, "Key Test", email, phone, "20095", "DE");
    }

    private static CustomerDetails withHandle(String id, String email, String channel, String handle) {
        return new CustomerDetails(id, "Key Test", email, null, "20095", "DE", new ChannelHandle(channel, handle));
    }

    private static long number(String id) {
        return Long.parseLong(id.substring("CU-".length()));
    }

    private static String newEmail() {
        return "key-" + tag() + "@example.com";
    }

    private static String newPhone() {
        return "+49 40 " + digits();
    }

    private static String digits() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

}
