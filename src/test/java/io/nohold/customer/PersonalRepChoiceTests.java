package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.RepService;
import io.nohold.directory.Role;
import io.nohold.engine.EngineClock;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new customer's personal rep is the rep of the region with the fewest customers, first in backup order on a tie,
 * and each rep's customer count stays equal to the number of customers who have that rep. Each test works in a region
 * of its own.
 */
@NoHoldTest
class PersonalRepChoiceTests {

    @Autowired
    CustomerService service;

    @Autowired
    CustomerRepository customers;

    @Autowired
    RegionDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepService reps;

    String region;

    String first;

    String second;

    String third;

    @BeforeEach
    void regionWithThreeReps() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        region = "rt-" + tag;
        directory.saveRegion(new Region(region, "Rep test " + tag));
        first = rep(tag, 1);
        second = rep(tag, 2);
        third = rep(tag, 3);
    }

    @Test
    void newCustomerGetsTheRepWithFewestCustomersFirstInBackupOrderOnATie() {
        existingCustomerOf(first);
        existingCustomerOf(first);
        existingCustomerOf(second);
        existingCustomerOf(third);

        // counts 2, 1, 1
        assertThat(assignNewCustomer()).isEqualTo(second);
        // 2, 2, 1
        assertThat(assignNewCustomer()).isEqualTo(third);
        // 2, 2, 2
        assertThat(assignNewCustomer()).isEqualTo(first);
        // 3, 2, 2
        assertThat(assignNewCustomer()).isEqualTo(second);
        // 3, 3, 2
        assertThat(assignNewCustomer()).isEqualTo(third);

        assertThat(List.of(countOf(first), countOf(second), countOf(third))).containsExactly(3, 3, 3);
        assertCountsMatchCustomers();
    }

    @Test
    void personalRepIsAssignedAndCountedOnce() {
        String customer = newCustomer();
        String rep = service.ensurePersonalRep(customer, region).orElseThrow();

        assertThat(service.ensurePersonalRep(customer, region)).contains(rep);
        customers.assignPersonalRep(customer, rep.equals(first) ? second : first);

        assertThat(service.customer(customer).personalRepId()).isEqualTo(rep);
        assertThat(countOf(first) + countOf(second) + countOf(third)).isEqualTo(1);
        assertCountsMatchCustomers();
    }

    @Test
    void manyCustomersAreSpreadAsIfAssignedOneByOneKeepingTheRepsTheyHave() {
        existingCustomerOf(first);
        String hasRep = newCustomer();
        customers.assignPersonalRep(hasRep, third);
        List<String> batch = new ArrayList<>(List.of(newCustomer(), newCustomer(), hasRep, newCustomer(), newCustomer()));
        reps.remove(second);

        Map<String, String> assigned = service.ensurePersonalReps(batch, region);

        // counts 1, -, 1 before; the rep who left gets nobody; the customer with a rep keeps it
        assertThat(batch.stream().map(assigned::get).toList()).containsExactly(first, third, third, first, third);
        assertThat(batch.stream().map(id -> service.customer(id).personalRepId()).toList())
            .containsExactlyElementsOf(batch.stream().map(assigned::get).toList());
        assertThat(List.of(countOf(first), countOf(second), countOf(third))).containsExactly(3, 0, 3);
        assertCountsMatchCustomers();
    }

    @Test
    void countsStayExactWhenNewCustomersAreAssignedAtOnce() throws Exception {
        int threads = 6;
        List<String> newCustomers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            newCustomers.add(newCustomer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (String customer : newCustomers) {
                done.add(pool.submit(() -> {
                    start.await();
                    // twice, as a retried job would
                    service.ensurePersonalRep(customer, region);
                    return service.ensurePersonalRep(customer, region);
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        // at the same moment several may get the same rep; every customer counts exactly once
        assertThat(countOf(first) + countOf(second) + countOf(third)).isEqualTo(threads);
        assertCountsMatchCustomers();
    }

    @Test
    void everyRepsCountMatchesTheirCustomersIncludingTheDemoCustomers() {
        assertThat(jdbc.sql("""
                SELECT r.id FROM rep r
                WHERE r.customer_count <> (SELECT COUNT(*) FROM customer c WHERE c.personal_rep_id = r.id)""")
            .query(String.class)
            .list()).isEmpty();
        assertThat(jdbc.sql("SELECT customer_count FROM rep WHERE id = 'dana'").query(Integer.class).single()).isPositive();
    }

    private String assignNewCustomer() {
        return service.ensurePersonalRep(newCustomer(), region).orElseThrow();
    }

    private String newCustomer() {
        Customer customer = service.identify(new CustomerDetails(null, "Rep test customer", null, null, null, null));
        customers.assignRegion(customer.id(), region);
        return customer.id();
    }

    private void existingCustomerOf(String rep) {
        customers.insert(new Customer("RT-" + UUID.randomUUID().toString().substring(0, 12), "Existing", null, null, null,
                null, Tier.STANDARD, region, rep, EngineClock.now()));
    }

    /** A rep as an administrator adds one: directory row, Camunda user and the region's reps group. */
    private String rep(String tag, int rank) {
        String id = "rt-" + tag + "-" + rank;
        reps.add(new RepService.NewPerson(id, "Rep", String.valueOf(rank), id + "@nohold.example", region, Role.REP, null, rank));
        return id;
    }

    private int countOf(String rep) {
        return jdbc.sql("SELECT customer_count FROM rep WHERE id = ?").param(rep).query(Integer.class).single();
    }

    private void assertCountsMatchCustomers() {
        for (String rep : List.of(first, second, third)) {
            assertThat(countOf(rep)).as(rep)
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM customer WHERE personal_rep_id = ?").param(rep).query(Integer.class).single());
        }
    }

}
