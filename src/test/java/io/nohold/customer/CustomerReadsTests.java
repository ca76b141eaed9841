package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer read by id is kept for the rest of the transaction, and never past a change: whatever the repository
 * writes, and whatever another transaction committed before this one locked the row, the next read shows it.
 */
@NoHoldTest
class CustomerReadsTests {

    @Autowired
    CustomerRepository customers;

    @Autowired
    RegionDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String id;

    String region;

    String otherRegion;

    @BeforeEach
    void customerWithoutRegion() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        region = "cr-" + tag;
        directory.saveRegion(new Region(region, "Reads " + tag));
        otherRegion = region + "-b";
        directory.saveRegion(new Region(otherRegion, "Reads elsewhere " + tag));
        id = "CR-" + tag;
        customers.insert(new Customer(id, "Ada Reader", null, null, null, "DE", Tier.STANDARD, null, null, Instant.now()));
    }

    @Test
    void readsInOneTransactionAreAnsweredOnceAndSeeTheRepositorysOwnWrites() {
        inTransaction(() -> {
            Customer first = customers.findById(id).orElseThrow();
            assertThat(customers.findById(id)).containsSame(first);

            customers.assignRegion(id, region);
            assertThat(customers.findById(id).orElseThrow().regionId()).isEqualTo(region);

            customers.completeDetails(id, new CustomerDetails(null, null, null, null, "80331", null));
            assertThat(customers.findById(id).orElseThrow().postalCode()).isEqualTo("80331");

            customers.place(id, otherRegion, null, null);
            assertThat(customers.findById(id).orElseThrow().regionId()).isEqualTo(otherRegion);

            customers.anonymise(id, Instant.now());
            assertThat(customers.findById(id).orElseThrow().name()).isNull();
        });
    }

    @Test
    void aChangeCommittedElsewhereIsSeenOnceTheRowIsLockedAndInTheNextTransaction() {
        inTransaction(() -> {
            assertThat(customers.findById(id).orElseThrow().regionId()).isNull();
            // another node places the customer and commits while this transaction is open
            TransactionTemplate other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            other.executeWithoutResult(status -> customers.assignRegion(id, region));

            assertThat(customers.lock(id)).isTrue();
            assertThat(customers.findById(id).orElseThrow().regionId()).isEqualTo(region);
        });

        jdbc.sql("UPDATE customer SET name = 'Ada Renamed' WHERE id = ?").param(id).update();
        inTransaction(() -> assertThat(customers.findById(id).orElseThrow().name()).isEqualTo("Ada Renamed"));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

}
