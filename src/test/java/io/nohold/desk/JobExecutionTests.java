package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.PERSONAL_WINDOW_ELAPSED;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.nohold.contact.IntakeAnswer;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Firing an SLA timer by hand is for administrators. A refused call changes nothing: the timer keeps its retries and
 * its due date, and the contact stays with its handler (the engine itself would count a refusal inside the job's
 * command as a failure, use up a retry and move the timer).
 */
@NoHoldTest
class JobExecutionTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    ManagementService management;

    IntakeAnswer contact;

    Job personalWindow;

    @BeforeEach
    void aNorthCallWithItsTimers() {
        contact = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "call me back");
        personalWindow = management.createJobQuery()
            .processInstanceId(driver.instance(contact.caseNumber()).getId())
            .activityId(PERSONAL_WINDOW_ELAPSED)
            .singleResult();
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void repsAndSupervisorsCannotFireATimerAndTheirAttemptChangesNothing() {
        ApiClient api = new ApiClient(port);
        String handler = contact.handler().id();

        assertThat(api.post("/engine-rest/job/" + personalWindow.getId() + "/execute", handler, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/job/" + personalWindow.getId() + "/execute", "marco", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/job/" + personalWindow.getId() + "/execute", "sam", Map.of()).status()).isEqualTo(403);
        ApiClient.Response viaTasklist = TasklistApi.logIn(port, handler).post("/job/" + personalWindow.getId() + "/execute", Map.of());
        assertThat(viaTasklist.status()).as("%s", viaTasklist).isEqualTo(403);
        assertThat(viaTasklist.body()).doesNotContain(personalWindow.getProcessInstanceId(), "Exception:");

        Job after = management.createJobQuery().jobId(personalWindow.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(personalWindow.getRetries());
        assertThat(after.getDuedate()).isEqualTo(personalWindow.getDuedate());
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(handler);
    }

    @Test
    void anAdministratorMayFireATimerByHand() {
        ApiClient.Response fired = new ApiClient(port).post("/engine-rest/job/" + personalWindow.getId() + "/execute", "admin",
                Map.of());

        assertThat(fired.status()).as("%s", fired).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(personalWindow.getId()).count()).isZero();
        assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER).getAssignee()).as("handed to the named backup")
            .isNotEqualTo(contact.handler().id());
    }

}
