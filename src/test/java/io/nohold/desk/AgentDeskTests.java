package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.directory.DirectorySync;
import io.nohold.contact.IntakeAnswer;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent's desk: task names, filters and who sees what, through the engine REST API (what Tasklist calls) and
 * NoHold's API alike.
 */
@NoHoldTest
class AgentDeskTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    FilterService filterService;

    @Autowired
    TasklistFilters filters;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    DirectorySync directorySync;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void tasksSayWhomAndWhatWithTheDeadlineThatMattersAndUrgencyAsPriority() {
        IntakeAnswer phone = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "broken lamp");
        IntakeAnswer publicPost = driver.submit("SOCIAL", CaseDriver.newCustomer("20095"), "angry post", true, false);
        IntakeAnswer mail = driver.submit("EMAIL", CaseDriver.newCustomer("20095"), "invoice question");

        Task reach = driver.task(phone.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);
        assertThat(reach.getName()).matches("Reach Test Customer \\d+ \\(phone\\)");
        assertThat(reach.getDueDate().toInstant()).isEqualTo(phone.promisedBy());
        int socialPriority = driver.task(publicPost.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getPriority();
        int mailPriority = driver.task(mail.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER).getPriority();
        assertThat(socialPriority).isGreaterThan(reach.getPriority()).isGreaterThan(mailPriority);

        driver.complete(phone.handler().id(), reach, Map.of("reachNotes", "called"));
        assertThat(driver.task(phone.caseNumber(), ContactLifecycleProcess.Elements.RESOLVE_CONTACT).getName())
            .isEqualTo("Resolve: About broken lamp");
    }

    @Test
    void filtersAreCreatedOnceHoweverOftenTheAppStarts() {
        filters.ensure();
        filters.ensure();

        for (String name : List.of(TasklistFilters.MY_CONTACTS, TasklistFilters.MY_REGIONS_TEAM, TasklistFilters.ESCALATIONS,
                TasklistFilters.DUE_WITHIN_THE_HOUR)) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void myContactsShowsWhatIHoldEarliestDeadlineFirst() {
        io.nohold.customer.CustomerDetails customer = CaseDriver.newCustomer("50667");
        String handler = driver.submit("EMAIL", customer, "mail first").handler().id();
        IntakeAnswer chat = driver.submit("CHAT", customer, "chat later but more urgent", false, true);
        assertThat(chat.handler().id()).isEqualTo(handler);

        JsonNode tasks = filterList(TasklistFilters.MY_CONTACTS, handler);

        List<String> dues = new ArrayList<>();
        tasks.forEach(task -> dues.add(task.path("due").asText()));
        assertThat(dues).isSorted();
        assertThat(tasks).allSatisfy(task -> assertThat(task.path("assignee").asText()).isEqualTo(handler));
        assertThat(tasks.get(0).path("name").asText()).contains("(chat)");
    }

    /**
     * Contacts promised for the same moment (all that came in overnight, for the same opening hour) are listed in the
     * order they came in. The ids are chosen so that the later task sorts first by id, which is the database's order.
     */
    @Test
    void amongEqualDeadlinesTheContactThatCameInFirstIsListedFirst() {
        Instant due = driver.now().plus(Duration.ofMinutes(30));
        Instant first = driver.now();
        List<String> created = new ArrayList<>();
        try {
            for (String id : List.of("nh-zz-came-first", "nh-aa-came-second")) {
                Task task = tasks.newTask(id);
                task.setName("Same deadline " + id);
                task.setAssignee("admin");
                task.setDueDate(Date.from(due));
                tasks.saveTask(task);
                created.add(id);
                ClockUtil.setCurrentTime(Date.from(driver.now().plus(Duration.ofMinutes(1))));
            }

            List<String> listed = ids(filterList(TasklistFilters.MY_CONTACTS, "admin"));

            assertThat(listed).containsSubsequence("nh-zz-came-first", "nh-aa-came-second");
        }
        finally {
            ClockUtil.setCurrentTime(Date.from(first));
            created.forEach(id -> tasks.deleteTask(id, true));
        }
    }

    @Test
    void aRepOfAnotherRegionSeesNeitherTheTaskNorTheCase() {
        IntakeAnswer north = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "north only");
        Task reach = driver.task(north.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);

        for (String filter : List.of(TasklistFilters.MY_CONTACTS, TasklistFilters.MY_REGIONS_TEAM, TasklistFilters.DUE_WITHIN_THE_HOUR)) {
            assertThat(ids(filterList(filter, "marco"))).as(filter).doesNotContain(reach.getId());
        }
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + north.caseNumber(), "marco").json()).isEmpty();
        assertThat(api.get("/engine-rest/task/" + reach.getId(), "marco").status()).isIn(403, 404);
        assertThat(api.get("/engine-rest/task/" + reach.getId() + "/form-variables", "marco").status()).isIn(403, 404);
        assertThat(api.get("/api/cases/" + north.caseNumber(), "marco").status()).isEqualTo(403);
        assertThat(api.get("/api/customers/" + north.customerId(), "marco").status()).isEqualTo(403);

        assertThat(ids(filterList(TasklistFilters.MY_CONTACTS, north.handler().id()))).contains(reach.getId());
        assertThat(api.get("/api/cases/" + north.caseNumber(), north.handler().id()).status()).isEqualTo(200);
        assertThat(api.get("/api/cases/" + north.caseNumber(), "sam").status()).isEqualTo(200);
        assertThat(api.get("/api/cases/" + north.caseNumber(), "head-of-service").status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/task/" + reach.getId(), "head-of-service").status()).isEqualTo(200);
    }

    @Test
    void aContactOfferedToTheTeamIsVisibleToTheTeamButNotToOtherRegions() {
        driver.setStatusOfRegion("east", io.nohold.directory.RepStatus.OFF);
        IntakeAnswer east = driver.submit("CHAT", CaseDriver.newCustomer("01067"), "nobody there");
        Task reach = driver.task(east.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER);

        assertThat(ids(filterList(TasklistFilters.MY_REGIONS_TEAM, "anna"))).contains(reach.getId());
        assertThat(ids(filterList(TasklistFilters.MY_REGIONS_TEAM, "dana"))).doesNotContain(reach.getId());
    }

    @Test
    void escalationsReachOnlyTheSupervisorsOfTheRegion() {
        IntakeAnswer north = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "I want your manager");
        driver.complete(north.handler().id(), driver.task(north.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER),
                Map.of("reachNotes", "called"));
        driver.complete(north.handler().id(), driver.task(north.caseNumber(), ContactLifecycleProcess.Elements.RESOLVE_CONTACT),
                Map.of("outcome", "SUPERVISOR_REQUESTED", "notes", "asked for a manager"));
        Task escalation = driver.task(north.caseNumber(), "UserTask_HandleEscalation");

        assertThat(ids(filterList(TasklistFilters.ESCALATIONS, "sam"))).contains(escalation.getId());
        assertThat(ids(filterList(TasklistFilters.ESCALATIONS, "sofia"))).doesNotContain(escalation.getId());
        assertThat(ids(filterList(TasklistFilters.ESCALATIONS, "head-of-service"))).contains(escalation.getId());
        assertThat(api.get("/engine-rest/filter?resourceType=Task", "dana").json().toString()).doesNotContain(TasklistFilters.ESCALATIONS);
    }

    @Test
    void theIdentityFollowsTheDirectoryOfRepsOnEveryStart() {
        User ghost = identity.newUser("ghost");
        identity.saveUser(ghost);
        identity.createMembership("ghost", "reps-north");

        directorySync.sync();
        directorySync.sync();

        assertThat(identity.createUserQuery().memberOfGroup("reps-north").list()).extracting(User::getId)
            .containsExactlyInAnyOrder("dana", "nils", "freya");
        assertThat(identity.createGroupQuery().groupId("reps-north").count()).isEqualTo(1);
        identity.deleteUser("ghost");
    }

    private JsonNode filterList(String filterName, String user) {
        String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
        ApiClient.Response response = api.get("/engine-rest/filter/" + id + "/list?maxResults=500", user);
        assertThat(response.status()).as("%s lists %s", user, filterName).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

}
