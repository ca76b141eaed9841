package io.nohold.engineapi;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.PERSONAL_WINDOW_ELAPSED;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.contact.IntakeAnswer;
import io.nohold.desk.TasklistApi;
import io.nohold.desk.TasklistFilters;
import io.nohold.directory.RepStatus;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's two doors, the REST API with HTTP Basic and the webapps' engine API with a session and CSRF token:
 * everyone but administrators gets only what the Tasklist, its forms and (for supervisors and head of service, read
 * only) Cockpit need. Everything else is refused with one answer that names nothing, and changes nothing.
 */
@NoHoldTest
class EngineDoorsTests {

    static final String GENERIC_DETAIL = Denial.DETAIL;

    /**
     * A rep of the North (the handler), a rep of the South, a user of no desk (the metrics scraper; channels are no
     * engine users at all, see ChannelKeysTests), the North's supervisor, head of service.
     */
    static final List<String> NOT_ADMINS = List.of("handler", "marco", "monitor", "sam", "head-of-service");

    /** A user whom none of the callers is: the target of attacks on another user. */
    static final String BYSTANDER = "lucia";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    ApiClient api;

    IntakeAnswer contact;

    Task reach;

    Job personalWindow;

    @BeforeEach
    void aNorthCallWithItsTimer() {
        api = new ApiClient(port);
        contact = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "call me back");
        reach = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        personalWindow = management.createJobQuery()
            .processInstanceId(reach.getProcessInstanceId())
            .activityId(PERSONAL_WINDOW_ELAPSED)
            .singleResult();
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    /** A call that nobody but an administrator may make; {@code {me}} is the caller's own user id. */
    record Attempt(String method, String path, Object body) {
    }

    List<Attempt> adminOnly() {
        String job = personalWindow.getId();
        String instance = reach.getProcessInstanceId();
        Map<String, Object> correlation = Map.of("messageName", "CustomerReplied", "businessKey", contact.caseNumber(),
                "correlationKeys", Map.of("customerId", Map.of("value", contact.customerId())), "resultEnabled", true);
        return List.of(
                new Attempt("POST", "/job/" + job + "/execute", Map.of()),
                new Attempt("PUT", "/job/" + job + "/retries", Map.of("retries", 0)),
                new Attempt("PUT", "/job/" + job + "/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")),
                new Attempt("GET", "/job?processInstanceId=" + instance, null),
                new Attempt("POST", "/message", correlation),
                new Attempt("POST", "/signal", Map.of("name", "anything")),
                new Attempt("DELETE", "/process-instance/" + instance, null),
                new Attempt("POST", "/process-instance/" + instance + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", REACH_CUSTOMER)))),
                new Attempt("POST", "/process-instance/" + instance + "/variables",
                        Map.of("modifications", Map.of("customerReached", Map.of("value", true)))),
                new Attempt("POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(instance))),
                new Attempt("POST", "/process-definition/key/ContactLifecycle/start", Map.of("businessKey", "forged")),
                new Attempt("POST", "/process-definition/key/ContactLifecycle/submit-form", Map.of("businessKey", "forged")),
                new Attempt("POST", "/deployment/create", Map.of("deployment-name", "forged")),
                new Attempt("DELETE", "/deployment/any-id", null),
                new Attempt("POST", "/user/create", Map.of("profile", Map.of("id", "mallory"), "credentials",
                        Map.of("password", "mallory-password"))),
                new Attempt("DELETE", "/user/{me}", null),
                new Attempt("DELETE", "/user/" + BYSTANDER, null),
                new Attempt("PUT", "/user/{me}/profile", Map.of("id", "{me}", "firstName", "Renamed", "lastName", "Rep")),
                new Attempt("PUT", "/user/" + BYSTANDER + "/credentials",
                        Map.of("password", "taken-over", "authenticatedUserPassword", ApiClient.PASSWORD)),
                new Attempt("PUT", "/group/camunda-admin/members/{me}", null),
                new Attempt("PUT", "/group/reps-south/members/{me}", null),
                new Attempt("POST", "/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"), "userId", "{me}",
                        "resourceType", 0, "resourceId", "*")),
                new Attempt("GET", "/authorization", null),
                new Attempt("POST", "/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 10,
                        "topics", List.of(Map.of("topicName", "any", "lockDuration", 60000)))),
                new Attempt("POST", "/decision-definition/key/SlaPolicy/evaluate", Map.of("variables", Map.of())),
                new Attempt("GET", "/execution?processInstanceId=" + instance, null),
                new Attempt("GET", "/batch", null),
                new Attempt("POST", "/migration/execute", Map.of()),
                new Attempt("GET", "/metrics/activity-instance-start/sum", null),
                new Attempt("GET", "/telemetry/data", null),
                new Attempt("GET", "/schema/log", null),
                new Attempt("POST", "/history/cleanup", null),
                new Attempt("DELETE", "/history/process-instance/" + instance, null),
                new Attempt("POST", "/task/create", Map.of("id", "forged", "name", "forged")),
                new Attempt("PUT", "/task/" + reach.getId() + "/variables/customerReached", Map.of("value", true)));
    }

    @Test
    void theEngineRestApiRefusesEverythingButTheDeskToEveryoneButAdministrators() {
        List<String> attempts = new ArrayList<>();
        for (String user : users()) {
            for (Attempt attempt : adminOnly()) {
                String path = attempt.path().replace("{me}", user);
                ApiClient.Response answer = api.send(api.request("/engine-rest" + path, user)
                    .header("Content-Type", "application/json")
                    .method(attempt.method(), attempt.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : ApiClient.json(replaceMe(attempt.body(), user))));
                assertRefused(answer, user + " " + attempt.method() + " /engine-rest" + path);
                attempts.add(path);
            }
        }
        assertThat(attempts).hasSize(NOT_ADMINS.size() * adminOnly().size());
        assertNothingChanged();
    }

    @Test
    void theWebappsEngineApiRefusesTheSameWithASessionAndCsrfToken() {
        for (String user : users()) {
            TasklistApi session = logIn(user);
            for (Attempt attempt : adminOnly()) {
                String path = attempt.path().replace("{me}", user);
                ApiClient.Response answer = session.call(attempt.method(), "/api/engine/engine/default" + path,
                        attempt.body() == null ? null : replaceMe(attempt.body(), user));
                assertRefused(answer, user + " " + attempt.method() + " (Tasklist session) " + path);
            }
        }
        assertNothingChanged();
    }

    @Test
    void aRefusedTimerExecutionLeavesRetriesAndDueDateAsTheyWereThroughEveryPathSpelling() {
        String job = personalWindow.getId();
        for (String path : List.of("/engine-rest/job/" + job + "/execute", "/engine-rest/engine/default/job/" + job + "/execute",
                "/engine-rest/job;x=1/" + job + "/execute", "/engine-rest/job/" + job + "/execute/",
                "/engine-rest/task/../job/" + job + "/execute", "/engine-rest/job/" + job + "%2Fexecute")) {
            assertThat(api.post(path, handler(), Map.of()).status()).as(path).isIn(400, 403, 404);
        }
        assertNothingChanged();
    }

    @Test
    void customerRepliesReachACaseOnlyThroughNoHoldsApiAndTheRefusalSaysNothingAboutVariables() {
        Map<String, Object> unknownKey = Map.of("messageName", "CustomerReplied", "correlationKeys",
                Map.of("noSuchVariable", Map.of("value", "x")));
        Map<String, Object> knownKey = Map.of("messageName", "CustomerReplied", "businessKey", contact.caseNumber());

        ApiClient.Response unknown = api.post("/engine-rest/message", "marco", unknownKey);
        ApiClient.Response known = api.post("/engine-rest/message", "marco", knownKey);

        assertRefused(unknown, "unknown correlation key");
        assertRefused(known, "known business key");
        assertThat(unknown.body()).isEqualTo(known.body());
        assertNothingChanged();
    }

    @Test
    void theDeskStillWorksThroughBothDoors() {
        String handler = handler();
        TasklistApi session = TasklistApi.logIn(port, handler);
        String myContacts = filterId(TasklistFilters.MY_CONTACTS);

        // other test classes of the shared application leave the handler more than the Tasklist's first page of tasks
        ApiClient.Response listed = session.post("/filter/" + myContacts + "/list?firstResult=0&maxResults=1000",
                Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))));
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.body()).contains(reach.getId());
        assertThat(api.get("/engine-rest/filter/" + myContacts + "/list", handler).body()).contains(reach.getId());
        assertThat(session.get("/filter?resourceType=Task&itemCount=true").status()).isEqualTo(200);
        assertThat(session.get("/task/" + reach.getId()).status()).isEqualTo(200);
        assertThat(session.get("/task/" + reach.getId() + "/form").status()).isEqualTo(200);
        assertThat(session.get("/task/" + reach.getId() + "/deployed-form").status()).isEqualTo(200);
        ApiClient.Response form = session.get("/task/" + reach.getId() + "/form-variables?deserializeValues=false");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().has("customerName")).isTrue();
        assertThat(session.get("/user/" + handler + "/profile").status()).isEqualTo(200);
        assertThat(session.get("/task/" + reach.getId() + "/identity-links").status()).isEqualTo(200);

        ApiClient.Response submitted = session.post("/task/" + reach.getId() + "/submit-form",
                Map.of("variables", Map.of("reachNotes", Map.of("value", "called back"))));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);
        assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER)).isNull();
    }

    @Test
    void aTeamTaskIsClaimedUnclaimedAndCompletedThroughBothDoors() {
        driver.setStatusOfRegion("east", RepStatus.OFF);
        IntakeAnswer east = driver.submit("CHAT", CaseDriver.newCustomer("01067"), "nobody there");
        Task team = driver.task(east.caseNumber(), REACH_CUSTOMER);
        assertThat(team.getAssignee()).isNull();

        ApiClient.Response claimed = api.post("/engine-rest/task/" + team.getId() + "/claim", "anna", Map.of("userId", "anna"));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        // a rep cannot give a task back (TASK_WORK has no TASK_ASSIGN; the rings do that): the engine's refusal is masked
        assertRefused(api.post("/engine-rest/task/" + team.getId() + "/unclaim", "anna", Map.of()), "a rep unclaims");
        assertThat(tasks.createTaskQuery().taskId(team.getId()).singleResult().getAssignee()).isEqualTo("anna");
        ApiClient.Response unclaimed = TasklistApi.logIn(port, "head-of-service").post("/task/" + team.getId() + "/unclaim", Map.of());
        assertThat(unclaimed.status()).as("%s", unclaimed).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(team.getId()).singleResult().getAssignee()).isNull();

        TasklistApi session = TasklistApi.logIn(port, "jan");
        assertThat(session.post("/task/" + team.getId() + "/claim", Map.of("userId", "jan")).status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(team.getId()).singleResult().getAssignee()).isEqualTo("jan");
        ApiClient.Response completed = session.post("/task/" + team.getId() + "/submit-form",
                Map.of("variables", Map.of("reachNotes", Map.of("value", "chatted"))));
        assertThat(completed.status()).as("%s", completed).isEqualTo(204);
    }

    @Test
    void headOfServiceCommentsOnATaskThroughBothDoors() {
        TasklistApi session = TasklistApi.logIn(port, "head-of-service");

        ApiClient.Response viaSession = session.post("/task/" + reach.getId() + "/comment/create", Map.of("message", "called twice"));
        ApiClient.Response viaRest = api.post("/engine-rest/task/" + reach.getId() + "/comment/create", "head-of-service",
                Map.of("message", "please call back today"));

        assertThat(viaSession.status()).as("%s", viaSession).isEqualTo(200);
        assertThat(viaRest.status()).as("%s", viaRest).isEqualTo(200);
        assertThat(session.get("/task/" + reach.getId() + "/comment").body()).contains("called twice", "please call back today");
    }

    @Test
    void cockpitsOwnPluginDataIsForCockpitReadersOnly() {
        String statistics = "/api/cockpit/plugin/base/default/process-definition/statistics";
        for (String user : List.of(handler(), "marco", "monitor")) {
            assertRefused(logIn(user).call("GET", statistics, null), user + " (cockpit plugin)");
        }
        assertThat(TasklistApi.logIn(port, "sam", "cockpit").call("GET", statistics, null).status()).isEqualTo(200);
    }

    @Test
    void nobodyMakesThemselvesTheFirstAdministrator() {
        TasklistApi stranger = TasklistApi.anonymous(port);

        assertRefused(stranger.call("POST", "/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "mallory", "firstName", "M", "lastName", "M", "email", "m@example.com"),
                        "credentials", Map.of("password", "mallory-123"))), "setup");
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void incidentsAreReadInCockpitOnly() {
        for (String user : List.of(handler(), "marco", "monitor")) {
            assertRefused(api.get("/engine-rest/incident", user), user);
            assertRefused(logIn(user).get("/incident"), user + " (session)");
        }
        assertThat(api.get("/engine-rest/incident", "sam").status()).isEqualTo(200);
        assertThat(TasklistApi.logIn(port, "head-of-service", "cockpit").get("/incident/count").status()).isEqualTo(200);
    }

    @Test
    void anotherRegionsTaskIsAnsweredWithAGenericBodyThatNamesNothing() {
        TasklistApi south = TasklistApi.logIn(port, "marco");
        List<ApiClient.Response> answers = List.of(
                api.get("/engine-rest/task/" + reach.getId(), "marco"),
                api.get("/engine-rest/task/" + reach.getId() + "/form-variables", "marco"),
                api.post("/engine-rest/task/" + reach.getId() + "/claim", "marco", Map.of("userId", "marco")),
                south.get("/task/" + reach.getId()),
                south.get("/task/" + reach.getId() + "/form-variables"),
                south.post("/task/" + reach.getId() + "/claim", Map.of("userId", "marco")),
                south.post("/task/" + reach.getId() + "/submit-form", Map.of("variables", Map.of("reachNotes", Map.of("value", "x")))));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isIn(403, 404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("about:blank");
            assertThat(answer.body()).doesNotContain(reach.getId(), reach.getProcessInstanceId(), "Exception", "Task",
                    contact.caseNumber());
        });
        Task after = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        assertThat(after.getAssignee()).isEqualTo(handler());
    }

    @Test
    void supervisorsAndHeadOfServiceReadInCockpitButChangeNothing() {
        String instance = reach.getProcessInstanceId();
        for (String reader : List.of("sam", "head-of-service")) {
            assertThat(api.get("/engine-rest/process-definition?latestVersion=true", reader).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/engine-rest/process-definition/statistics", reader).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/engine-rest/process-instance", reader).status()).as(reader).isEqualTo(200);
            assertThat(api.post("/engine-rest/process-instance", reader, Map.of("processDefinitionKey", "ContactLifecycle")).status())
                .as(reader).isEqualTo(200);
            assertThat(api.post("/engine-rest/history/process-instance/count", reader, Map.of()).status()).as(reader).isEqualTo(200);
            assertThat(api.post("/engine-rest/variable-instance", reader, Map.of("processInstanceIdIn", List.of(instance)))
                .status()).as(reader).isEqualTo(200);
            for (String dashboard : List.of("/deployment/count", "/decision-definition/count", "/case-definition/count")) {
                assertThat(api.get("/engine-rest" + dashboard, reader).status()).as(reader + dashboard).isEqualTo(200);
            }
        }
        ApiClient.Response read = api.get("/engine-rest/process-instance/" + instance, "head-of-service");
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        TasklistApi cockpit = TasklistApi.logIn(port, "head-of-service", "cockpit");
        ApiClient.Response queried = cockpit.post("/process-instance?firstResult=0&maxResults=50",
                Map.of("processInstanceIds", List.of(instance)));
        assertThat(queried.status()).as("%s", queried).isEqualTo(200);
        assertThat(queried.body()).contains(instance);

        for (TasklistApi session : List.of(cockpit, TasklistApi.logIn(port, "sam", "cockpit"))) {
            assertRefused(session.call("DELETE", "/api/engine/engine/default/process-instance/" + instance, null), "delete");
            assertRefused(session.call("PUT", "/api/engine/engine/default/process-instance/" + instance + "/suspended",
                    Map.of("suspended", true)), "suspend");
            assertRefused(session.call("PUT", "/api/engine/engine/default/process-instance/" + instance + "/variables/x",
                    Map.of("value", 1)), "variable");
        }
        for (String rep : List.of(handler(), "marco", "monitor")) {
            assertRefused(api.get("/engine-rest/process-instance", rep), rep + " is no Cockpit reader");
            assertRefused(api.get("/engine-rest/history/process-instance", rep), rep + " is no Cockpit reader");
            assertRefused(api.get("/engine-rest/deployment/count", rep), rep + " is no Cockpit reader");
        }
        assertNothingChanged();
    }

    @Test
    void withoutASessionTheTasklistIsAskedToLogInAndEverythingElseIsRefused() {
        TasklistApi anonymous = TasklistApi.anonymous(port);

        assertThat(anonymous.get("/task?assignee=" + handler()).status()).as("the Tasklist shows its login again").isEqualTo(401);
        assertRefused(anonymous.post("/job/" + personalWindow.getId() + "/execute", Map.of()), "anonymous job execution");
        assertRefused(anonymous.post("/message", Map.of("messageName", "CustomerReplied")), "anonymous correlation");
        assertNothingChanged();
    }

    @Test
    void theAdminAppsDataIsForAdministrators() {
        String metrics = "/api/admin/plugin/adminPlugins/default/metrics/aggregated?subscriptionStartDate=2020-01-01T00:00:00.000%2B0000&groupBy=year";
        assertRefused(TasklistApi.logIn(port, "dana").call("GET", metrics, null), "metrics");
        assertThat(TasklistApi.logIn(port, "admin", "admin").call("GET", metrics, null).status()).isEqualTo(200);
    }

    @Test
    void administratorsStillDoEverything() {
        ApiClient.Response jobs = api.get("/engine-rest/job?processInstanceId=" + reach.getProcessInstanceId(), "admin");
        assertThat(jobs.status()).as("%s", jobs).isEqualTo(200);
        assertThat(jobs.body()).contains(personalWindow.getId());
        assertThat(api.get("/engine-rest/authorization?userIdIn=nobody", "admin").status()).isEqualTo(200);
        assertThat(TasklistApi.logIn(port, "admin").get("/incident").status()).isEqualTo(200);

        ApiClient.Response notFound = api.get("/engine-rest/task/no-such-task", "admin");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).as("administrators see the engine's own answers").contains("no-such-task");

        ApiClient.Response fired = api.post("/engine-rest/job/" + personalWindow.getId() + "/execute", "admin", Map.of());
        assertThat(fired.status()).as("%s", fired).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(personalWindow.getId()).count()).isZero();
    }

    private List<String> users() {
        return NOT_ADMINS.stream().map(user -> user.equals("handler") ? handler() : user).toList();
    }

    private String handler() {
        return contact.handler().id();
    }

    private TasklistApi logIn(String user) {
        // the metrics scraper has no Tasklist; the welcome page lets every user sign in to the webapps
        return TasklistApi.logIn(port, user, user.equals("monitor") ? "welcome" : "tasklist");
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    private void assertRefused(ApiClient.Response answer, String what) {
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(403);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).as(what).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).as(what).isEqualTo("Forbidden");
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(403);
        assertThat(problem.path("detail").asText()).as(what).isEqualTo(GENERIC_DETAIL);
        assertThat(answer.body()).as(what).doesNotContain(reach.getProcessInstanceId(), personalWindow.getId(), "Exception",
                contact.caseNumber());
    }

    /** Nothing that a refused call could have touched has changed. */
    private void assertNothingChanged() {
        Job after = management.createJobQuery().jobId(personalWindow.getId()).singleResult();
        assertThat(after).as("the timer is still there").isNotNull();
        assertThat(after.getRetries()).isEqualTo(personalWindow.getRetries());
        assertThat(after.getDuedate()).isEqualTo(personalWindow.getDuedate());
        assertThat(after.getExceptionMessage()).isNull();
        Task task = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        assertThat(task).as("the case still waits for its handler").isNotNull();
        assertThat(task.getAssignee()).isEqualTo(handler());
        assertThat(driver.instance(contact.caseNumber()).isSuspended()).isFalse();
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
        for (String user : users()) {
            assertThat(identity.createUserQuery().userId(user).count()).as(user + " still exists").isEqualTo(1);
            assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName()).isNotEqualTo("Renamed");
            assertThat(identity.createUserQuery().userId(user).memberOfGroup("camunda-admin").count()).isZero();
            assertThat(authorizations.createAuthorizationQuery().userIdIn(user).resourceType(Resources.APPLICATION).count())
                .as(user + " got no grant").isZero();
        }
        assertThat(identity.createUserQuery().userId(BYSTANDER).count()).isEqualTo(1);
        assertThat(identity.checkPassword(BYSTANDER, ApiClient.PASSWORD)).as("nobody changed another's password").isTrue();
        assertThat(identity.createUserQuery().userId("marco").memberOfGroup("reps-north").count()).isZero();
    }

    private static Object replaceMe(Object body, String user) {
        if (body instanceof String text) {
            return text.replace("{me}", user);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> replaced = new LinkedHashMap<>();
            map.forEach((key, value) -> replaced.put(String.valueOf(key), replaceMe(value, user)));
            return replaced;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(item -> replaceMe(item, user)).toList();
        }
        return body;
    }

}
