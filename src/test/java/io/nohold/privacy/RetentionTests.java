package io.nohold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.nohold.lifecycle.ContactLifecycleProcess.Elements;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention: in the history cleanup window (20:00-06:00), a case closed longer ago than the retention (180 days)
 * loses its personal text in NoHold's tables, and the engine's history cleanup job removes its process history; a
 * case closed 179 days ago keeps everything; outside the window nothing happens; running again changes nothing more.
 */
@NoHoldTest
class RetentionTests {

    static final String INTAKE = "intake";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    RetentionJob retention;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void theEngineSchedulesItsHistoryCleanupAtStart() {
        assertThat(history.findHistoryCleanupJobs()).as("history cleanup jobs").isNotEmpty();
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void aCaseClosedLongerAgoThanTheRetentionLosesItsTextsInTheWindowAndOneClosedLaterKeepsThem() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        // an evening a year ago, so that every date of the test lies in the past
        Instant evening = LocalDate.now(zone).minusYears(1).atTime(20, 59).atZone(zone).toInstant();
        ClockUtil.setCurrentTime(Date.from(evening));
        Handled old = resolvedCase("old");
        Handled recent = resolvedCase("recent");
        // the quiet period ends in the region's first open hour after its days
        driver.passTimeTo(driver.timerDue(old.caseNumber(), ContactLifecycleProcess.Elements.QUIET_PERIOD_OVER).plusSeconds(60),
                old.caseNumber());
        Instant oldClosed = driver.now();
        driver.passTime(Duration.ofDays(2), recent.caseNumber());
        assertThat(state(old.caseNumber())).isEqualTo("CLOSED");
        assertThat(state(recent.caseNumber())).isEqualTo("CLOSED");

        // in the evening 181 days after the old case closed (in the window); at noon that day: outside the window
        Instant later = oldClosed.plus(Duration.ofDays(181)).atZone(zone).toLocalDate().atTime(21, 0).atZone(zone).toInstant();
        ClockUtil.setCurrentTime(Date.from(later.atZone(zone).toLocalDate().atTime(LocalTime.NOON).atZone(zone).toInstant()));
        assertThat(retention.run()).as("outside the window").isZero();
        assertThat(DatabaseSearch.find(dataSource, List.of(old.secret()))).as("kept outside the window").isNotEmpty();

        // the same day in the window
        ClockUtil.setCurrentTime(Date.from(later));
        int erased = retention.run();

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(DatabaseSearch.find(dataSource, List.of(old.secret(), old.reply())))
            .as("the old case's texts in NoHold's and the engine's tables").isEmpty();
        assertThat(DatabaseSearch.find(dataSource, List.of(recent.secret())))
            .as("the case closed 179 days ago keeps its texts")
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("contact."))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("ACT_HI_VARINST"));
        Response view = api.get("/api/cases/" + old.caseNumber(), "admin");
        assertThat(view.json().path("state").asText()).isEqualTo("CLOSED");
        assertThat(view.json().path("closedAt").asText()).isNotBlank();
        assertThat(view.json().path("channel").asText()).isEqualTo("EMAIL");
        assertThat(view.json().path("history").path("contacts")).hasSize(2);
        assertThat(view.json().path("history").path("caseEvents").findValuesAsText("outcome")).contains("RETENTION_ENDED");
        Response customer = api.get("/api/customers/" + old.customerId(), "admin");
        assertThat(customer.json().path("name").asText()).as("the customer record is kept").isEqualTo(old.name());

        String oldRows = rows(old.caseNumber());
        String recentRows = rows(recent.caseNumber());
        assertThat(retention.run()).as("nothing left to erase").isZero();
        assertThat(rows(old.caseNumber())).isEqualTo(oldRows);
        assertThat(rows(recent.caseNumber())).isEqualTo(recentRows);

        // the engine's history cleanup, run as its job executor would in the window
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old.caseNumber()).count()).isEqualTo(1);
        for (int round = 0; round < 50
                && history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old.caseNumber()).count() > 0; round++) {
            for (Job job : history.findHistoryCleanupJobs()) {
                management.executeJob(job.getId());
            }
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old.caseNumber()).count())
            .as("the old case's process history").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recent.caseNumber()).count())
            .as("the recent case's process history").isEqualTo(1);

        // two days later the recent case's retention has ended too; two nodes run the job at the same moment
        ClockUtil.setCurrentTime(Date.from(later.plus(Duration.ofDays(2))));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = List.of(nodes.submit(() -> {
                start.await();
                return retention.run();
            }), nodes.submit(() -> {
                start.await();
                return retention.run();
            }));
            start.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).as("each case erased by one node").isEqualTo(erasedEvents());
        }
        finally {
            nodes.shutdownNow();
        }
        assertThat(DatabaseSearch.find(dataSource, List.of(recent.secret(), recent.reply()))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_number = ? AND type = 'ERASED'")
            .param(recent.caseNumber())
            .query(Integer.class)
            .single()).as("one ERASED entry").isEqualTo(1);
    }

    /** ERASED entries recorded for the retention after the first run: one per case erased by the two nodes. */
    private int erasedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM case_event WHERE type = 'ERASED' AND outcome = 'RETENTION_ENDED' AND occurred_at > ?")
            .param(java.time.OffsetDateTime.ofInstant(driver.now().minusSeconds(1), java.time.ZoneOffset.UTC))
            .query(Integer.class)
            .single();
    }

    record Handled(String caseNumber, String customerId, String name, String secret, String reply) {
    }

    private Handled resolvedCase(String label) {
        String tag = PersonalDataTests.tag();
        String name = "Rita " + label + " " + tag;
        String email = "rita-" + tag + "@example.com";
        String secret = "retention secret " + tag;
        String reply = "retention reply " + tag;
        Response first = api.post("/api/contacts", INTAKE, PersonalDataTests.contact(PersonalDataTests.customer(name, email, null), secret));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String caseNumber = first.json().path("caseNumber").asText();
        String handler = first.json().path("handler").path("id").asText();
        api.post("/api/contacts", INTAKE, PersonalDataTests.contact(PersonalDataTests.customer(null, email, null), reply));
        driver.complete(handler, driver.task(caseNumber, Elements.REACH_CUSTOMER), Map.of("reachNotes", "noted " + secret));
        driver.complete(handler, driver.task(caseNumber, Elements.RESOLVE_CONTACT),
                Map.of("outcome", "RESOLVED", "notes", "answered " + reply));
        return new Handled(caseNumber, first.json().path("customerId").asText(), name, secret, reply);
    }

    private String state(String caseNumber) {
        return jdbc.sql("SELECT state FROM support_case WHERE case_number = ?").param(caseNumber).query(String.class).single();
    }

    /** Every row NoHold keeps of the case, as text. */
    private String rows(String caseNumber) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("support_case", "contact", "case_event", "notification")) {
            jdbc.sql("SELECT * FROM " + table + " WHERE case_number = ? ORDER BY 1")
                .param(caseNumber)
                .query(rs -> {
                    int columns = rs.getMetaData().getColumnCount();
                    for (int column = 1; column <= columns; column++) {
                        all.append(rs.getMetaData().getColumnName(column)).append('=').append(rs.getString(column)).append(';');
                    }
                    all.append('\n');
                });
        }
        return all.toString();
    }

}
