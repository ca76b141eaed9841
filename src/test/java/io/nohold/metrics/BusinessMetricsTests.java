package io.nohold.metrics;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationOutbox;
import io.nohold.contact.IntakeAnswer;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** What operations read on /actuator/prometheus follows what happens to contacts and promises. */
@NoHoldTest
class BusinessMetricsTests {

    static final String HAMBURG = "20095";

    @Autowired
    CaseDriver driver;

    @Autowired
    MeterRegistry registry;

    @Autowired
    BusinessMetrics metrics;

    @Autowired
    CaseFile caseFile;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    RegionDirectory directory;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aContactCountsForItsChannelAndRegionAndItsIntakeIsTimed() {
        double phoneNorth = count(BusinessMetrics.CONTACTS_RECEIVED, "channel", "phone", "region", "north");
        double chatNorth = count(BusinessMetrics.CONTACTS_RECEIVED, "channel", "chat", "region", "north");
        long intakes = registry.timer(BusinessMetrics.INTAKE_LATENCY).count();

        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");

        assertThat(answer.region()).isEqualTo("north");
        assertThat(count(BusinessMetrics.CONTACTS_RECEIVED, "channel", "phone", "region", "north")).isEqualTo(phoneNorth + 1);
        assertThat(count(BusinessMetrics.CONTACTS_RECEIVED, "channel", "chat", "region", "north")).isEqualTo(chatNorth);
        assertThat(registry.timer(BusinessMetrics.INTAKE_LATENCY).count()).isEqualTo(intakes + 1);
    }

    @Test
    void reachingTheCustomerInTimeKeepsThePromiseAndCountsForContinuity() {
        double kept = count(BusinessMetrics.PROMISES_KEPT, "region", "north");
        double broken = count(BusinessMetrics.PROMISES_BROKEN, "region", "north");
        double own = count(BusinessMetrics.HANDLED_BY_OWN_REP, "region", "north");
        double others = count(BusinessMetrics.HANDLED_BY_OTHERS, "region", "north");
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");

        driver.complete(answer.personalRep().id(), driver.task(answer.caseNumber(), REACH_CUSTOMER),
                Map.of("reachNotes", "called back"));

        assertThat(count(BusinessMetrics.PROMISES_KEPT, "region", "north")).isEqualTo(kept + 1);
        assertThat(count(BusinessMetrics.PROMISES_BROKEN, "region", "north")).isEqualTo(broken);
        assertThat(count(BusinessMetrics.HANDLED_BY_OWN_REP, "region", "north")).isEqualTo(own + 1);
        assertThat(count(BusinessMetrics.HANDLED_BY_OTHERS, "region", "north")).isEqualTo(others);
    }

    @Test
    void aMissedPromiseCountsAsBrokenAndTheRingsItPassedAsHandovers() {
        double broken = count(BusinessMetrics.PROMISES_BROKEN, "region", "north");
        double kept = count(BusinessMetrics.PROMISES_KEPT, "region", "north");
        double backup = count(BusinessMetrics.HANDOVERS, "ring", "backup", "region", "north");
        double team = count(BusinessMetrics.HANDOVERS, "ring", "team", "region", "north");
        double others = count(BusinessMetrics.HANDLED_BY_OTHERS, "region", "north");
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");

        driver.passTimeTo(caseFile.get(answer.caseNumber()).personalWindowEndsAt().plusSeconds(1), answer.caseNumber());
        assertThat(count(BusinessMetrics.HANDOVERS, "ring", "backup", "region", "north")).isEqualTo(backup + 1);
        assertThat(count(BusinessMetrics.PROMISES_BROKEN, "region", "north")).as("not before the promise").isEqualTo(broken);

        driver.passTimeTo(answer.promisedBy().plusSeconds(1), answer.caseNumber());
        assertThat(count(BusinessMetrics.PROMISES_BROKEN, "region", "north")).isEqualTo(broken + 1);
        assertThat(count(BusinessMetrics.HANDOVERS, "ring", "team", "region", "north")).isEqualTo(team + 1);

        String backupRep = caseFile.history(answer.caseNumber()).stream()
            .filter(event -> event.type() == io.nohold.casefile.CaseEventType.HANDED_OVER_TO_BACKUP)
            .findFirst()
            .orElseThrow()
            .actor();
        driver.complete(backupRep, driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "late"));
        assertThat(count(BusinessMetrics.HANDLED_BY_OTHERS, "region", "north")).isEqualTo(others + 1);
        assertThat(count(BusinessMetrics.PROMISES_KEPT, "region", "north")).as("a broken promise is not kept as well").isEqualTo(kept);
    }

    @Test
    void aHandoverWhoseTransactionRollsBackCountsNothing() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");
        String own = answer.personalRep().id();
        Rep colleague = directory.repsOf("north").stream().filter(rep -> !rep.id().equals(own)).findFirst().orElseThrow();
        double backup = count(BusinessMetrics.HANDOVERS, "ring", "backup", "region", "north");

        transactions.executeWithoutResult(status -> {
            caseFile.handedOverToBackup(answer.caseNumber(), own, colleague);
            status.setRollbackOnly();
        });
        assertThat(count(BusinessMetrics.HANDOVERS, "ring", "backup", "region", "north")).as("rolled back").isEqualTo(backup);

        transactions.executeWithoutResult(status -> caseFile.handedOverToBackup(answer.caseNumber(), own, colleague));
        assertThat(count(BusinessMetrics.HANDOVERS, "ring", "backup", "region", "north")).as("committed").isEqualTo(backup + 1);
    }

    @Test
    void theBacklogFollowsTheCustomerNotificationsNotYetDelivered() {
        double before = backlog();
        IntakeAnswer answer = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "anyone there?");
        java.util.List<Notification> toCustomer = caseFile.notifications(answer.caseNumber()).stream()
            .filter(n -> n.recipientKind() == Notification.RecipientKind.CUSTOMER && n.deliveredAt() == null)
            .toList();
        assertThat(toCustomer).as("the promise is told to the customer").isNotEmpty();

        assertThat(backlog()).isEqualTo(before + toCustomer.size());

        outbox.markDelivered(toCustomer.get(0).id());
        assertThat(backlog()).isEqualTo(before + toCustomer.size() - 1);
    }

    @Test
    void theMetricsAreOnThePrometheusEndpointForMonitoring() {
        driver.submit("EMAIL", CaseDriver.newCustomer(HAMBURG), "write me");
        metrics.forgetBacklog();
        ApiClient api = new ApiClient(port);

        Response prometheus = api.send(api.request("/actuator/prometheus")
            .header("Authorization", ApiClient.basic("monitor", ApiClient.PASSWORD))
            .GET());

        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("nohold_contacts_received_total{channel=\"email\",region=\"north\"}")
            .contains("nohold_intake_latency_seconds_bucket{le=")
            .contains("nohold_intake_latency_seconds_count")
            .contains("nohold_outbox_pending ");
        assertThat(api.send(api.request("/actuator/prometheus").GET()).status()).as("anonymous").isEqualTo(401);
    }

    private double backlog() {
        metrics.forgetBacklog();
        return registry.get(BusinessMetrics.OUTBOX_PENDING).gauge().value();
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

}
