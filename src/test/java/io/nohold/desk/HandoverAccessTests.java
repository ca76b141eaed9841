package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.contact.IntakeAnswer;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A handover takes access away: once a contact moved to the backup, to the team or (with the case) to the
 * supervisors, whoever held it before can neither read nor change it, through the Tasklist's API with a session, the
 * engine REST API and the task queries behind the filters. The new holder can.
 */
@NoHoldTest
class HandoverAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskService taskService;

    ApiClient api;

    @BeforeEach
    void aQuietNorth() {
        api = new ApiClient(port);
        driver.clearDesksOf("north");
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void theRepWhosePersonalWindowElapsedLosesTheTaskAndTheBackupGetsIt() {
        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "call me back");
        String own = call.handler().id();
        Task reach = driver.task(call.caseNumber(), REACH_CUSTOMER);
        TasklistApi ownDesk = TasklistApi.logIn(port, own);

        expect(ownDesk.get("/task/" + reach.getId()), 200);
        expect(ownDesk.post("/task/" + reach.getId() + "/comment/create", Map.of("message", "tried once, busy")), 200);
        expect(api.get("/engine-rest/task/" + reach.getId(), own), 200);
        assertThat(api.get("/engine-rest/task/" + reach.getId() + "/comment", own).json().toString()).contains("tried once");
        assertThat(filterIds(TasklistFilters.MY_CONTACTS, own)).containsExactly(reach.getId());
        assertThat(filterCount(TasklistFilters.DUE_WITHIN_THE_HOUR, own)).isEqualTo(1);

        driver.passTime(Duration.ofMinutes(5).plusSeconds(1), call.caseNumber());

        String backup = driver.task(call.caseNumber(), REACH_CUSTOMER).getAssignee();
        assertThat(backup).isNotNull().isNotEqualTo(own);
        assertLockedOut(own, ownDesk, reach.getId());

        TasklistApi backupDesk = TasklistApi.logIn(port, backup);
        expect(backupDesk.get("/task/" + reach.getId()), 200);
        assertThat(filterIds(TasklistFilters.MY_CONTACTS, backup)).containsExactly(reach.getId());
        ApiClient.Response done = backupDesk.post("/task/" + reach.getId() + "/submit-form",
                Map.of("variables", Map.of("reachNotes", Map.of("value", "reached her", "type", "String"))));
        assertThat(done.status()).as("%s", done).isIn(200, 204);
        assertThat(driver.task(call.caseNumber(), RESOLVE_CONTACT).getAssignee()).isEqualTo(backup);
        expect(api.get("/engine-rest/task/" + driver.task(call.caseNumber(), RESOLVE_CONTACT).getId(), own), "the next task of the case is the backup's", 403, 404);
    }

    @Test
    void aTaskOfferedToTheTeamIsSeenByTheWholeTeamUntilSomeoneTakesIt() {
        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "call me back");
        String own = call.handler().id();
        Task reach = driver.task(call.caseNumber(), REACH_CUSTOMER);
        driver.passTime(Duration.ofMinutes(5).plusSeconds(1), call.caseNumber());
        String backup = driver.task(call.caseNumber(), REACH_CUSTOMER).getAssignee();

        driver.passTime(Duration.ofMinutes(10), call.caseNumber());

        assertThat(driver.task(call.caseNumber(), REACH_CUSTOMER).getAssignee()).as("offered to the team").isNull();
        // the backup held it last; as one of the team they see it, like everyone of the team
        expect(api.get("/engine-rest/task/" + reach.getId(), backup), 200);
        assertThat(filterIds(TasklistFilters.MY_REGIONS_TEAM, own)).containsExactly(reach.getId());
        assertThat(filterIds(TasklistFilters.MY_CONTACTS, backup)).isEmpty();

        String taker = List.of("dana", "nils", "freya").stream().filter(id -> !id.equals(own) && !id.equals(backup))
            .findFirst().orElseThrow();
        TasklistApi takerDesk = TasklistApi.logIn(port, taker);
        expect(takerDesk.post("/task/" + reach.getId() + "/claim", Map.of("userId", taker)), 204);

        for (String colleague : List.of(own, backup)) {
            assertLockedOut(colleague, TasklistApi.logIn(port, colleague), reach.getId());
            assertThat(filterIds(TasklistFilters.MY_REGIONS_TEAM, colleague)).isEmpty();
        }
        expect(takerDesk.get("/task/" + reach.getId()), 200);
        assertThat(driver.task(call.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(taker);
    }

    @Test
    void whenTheCaseGoesToTheSupervisorsTheHandlerLosesTheTask() {
        IntakeAnswer mail = driver.submit("EMAIL", CaseDriver.newCustomer("20095"), "refund please");
        String handler = mail.handler().id();
        driver.complete(handler, driver.task(mail.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "called"));
        Task resolve = driver.task(mail.caseNumber(), RESOLVE_CONTACT);
        TasklistApi desk = TasklistApi.logIn(port, handler);
        expect(desk.get("/task/" + resolve.getId()), 200);

        driver.passTime(Duration.ofDays(3).plusMinutes(1), mail.caseNumber());

        Task escalation = driver.task(mail.caseNumber(), SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);
        assertThat(escalation).isNotNull();
        assertLockedOut(handler, desk, resolve.getId());
        expect(desk.get("/task/" + escalation.getId()), 403, 404);
        expect(api.get("/engine-rest/task/" + escalation.getId(), handler), 403, 404);
        expect(api.get("/engine-rest/task/" + escalation.getId(), "sam"), 200);
    }

    /** Nothing of the task is left to this user: no read, no claim, no completion, no comment, no variable, no history. */
    private void assertLockedOut(String user, TasklistApi desk, String taskId) {
        Task before = taskService.createTaskQuery().taskId(taskId).singleResult();
        int comments = before == null ? 0 : taskService.getTaskComments(taskId).size();

        // a task that is gone is refused with 400 by some calls ("Cannot find task"); so are comments on a task whose
        // history the caller may not read (the REST API looks the task up in the history first)
        Integer[] refused = before == null ? new Integer[] { 400, 403, 404 } : new Integer[] { 403, 404 };
        Integer[] commentRefused = { 400, 403, 404 };
        expect(desk.get("/task/" + taskId), user + " reads the task in the Tasklist", refused);
        expect(desk.get("/task/" + taskId + "/form-variables"), refused);
        expect(desk.post("/task/" + taskId + "/comment/create", Map.of("message", "still mine")), commentRefused);
        expect(api.get("/engine-rest/task/" + taskId, user), user + " reads the task by REST", refused);
        expect(api.post("/engine-rest/task/" + taskId + "/comment/create", user, Map.of("message", "mine")), commentRefused);
        expect(api.get("/engine-rest/task/" + taskId + "/comment", user), refused);
        if (before != null) {
            // (of a task that is gone, the engine answers claims, completions and variable writes with 500, whoever
            // asks: it is not found, not refused)
            expect(desk.post("/task/" + taskId + "/submit-form",
                    Map.of("variables", Map.of("reachNotes", Map.of("value", "done by me")))), refused);
            expect(api.post("/engine-rest/task/" + taskId + "/complete", user, Map.of()), refused);
            expect(desk.post("/task/" + taskId + "/claim", Map.of("userId", user)), refused);
            expect(desk.put("/task/" + taskId + "/variables/reachNotes", Map.of("value", "mine")), refused);
            expect(api.post("/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user)), refused);
            expect(api.post("/engine-rest/task/" + taskId + "/variables", user,
                    Map.of("modifications", Map.of("reachNotes", Map.of("value", "mine")))), refused);
        }
        assertThat(api.get("/engine-rest/task?taskId=" + taskId, user).json()).isEmpty();
        assertThat(api.get("/engine-rest/task/count?assignee=" + user, user).json().path("count").asInt()).isZero();
        // a rep may not query history at all (engine door); whoever may, finds nothing of a task they gave up
        ApiClient.Response history = api.get("/engine-rest/history/task?taskId=" + taskId, user);
        assertThat(history.status() == 403 || history.json().isEmpty()).as("history of the task: %s", history).isTrue();
        for (String filter : List.of(TasklistFilters.MY_CONTACTS, TasklistFilters.MY_REGIONS_TEAM, TasklistFilters.DUE_WITHIN_THE_HOUR)) {
            assertThat(filterIds(filter, user)).as("%s in %s", user, filter).doesNotContain(taskId);
        }
        assertThat(filterCount(TasklistFilters.MY_CONTACTS, user)).isZero();

        Task after = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (before != null) {
            assertThat(after).as("the task is still open").isNotNull();
            assertThat(after.getAssignee()).isEqualTo(before.getAssignee());
            assertThat(taskService.getTaskComments(taskId)).hasSize(comments);
            assertThat(taskService.getVariable(taskId, "reachNotes")).isNull();
        }
    }

    /** Asserts the status and shows the answer when it is another. */
    private static void expect(ApiClient.Response response, Integer... statuses) {
        expect(response, "answer", statuses);
    }

    private static void expect(ApiClient.Response response, String what, Integer... statuses) {
        assertThat(response.status()).as("%s: %s", what, response).isIn((Object[]) statuses);
    }

    private List<String> filterIds(String filterName, String user) {
        ApiClient.Response response = api.get("/engine-rest/filter/" + filterId(filterName) + "/list?maxResults=500", user);
        assertThat(response.status()).as("%s lists %s", user, filterName).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : response.json()) {
            ids.add(task.path("id").asText());
        }
        return ids;
    }

    private int filterCount(String filterName, String user) {
        ApiClient.Response response = api.get("/engine-rest/filter/" + filterId(filterName) + "/count", user);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("count").asInt();
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

}
