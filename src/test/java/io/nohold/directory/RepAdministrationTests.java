package io.nohold.directory;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationKind;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.desk.TasklistApi;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * NoHold owns its directory: an administrator adds and removes reps through {@code /api/reps}, the Camunda user goes
 * with them, a restart keeps what they did, and someone who left is never chosen again.
 */
@NoHoldTest
class RepAdministrationTests {

    static final String PASSWORD = "first-day-2026";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    DirectorySync directorySync;

    @Autowired
    RegionDirectory directory;

    @Autowired
    CaseFile caseFile;

    @Autowired
    RepService reps;

    ApiClient api;

    final List<String> added = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void removeWhoWasAdded() {
        added.stream()
            .filter(id -> directory.findEntry(id).map(DirectoryEntry::active).orElse(false))
            .forEach(reps::remove);
        driver.reset();
    }

    @Test
    void anAdminAddsARepWhoSignsInAndTakesTheNextNewCustomerOfTheRegion() {
        String id = newId();
        ApiClient.Response created = addRep(id, "Maja", "west", "REP");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/reps/" + id);
        assertThat(created.json().path("role").asText()).isEqualTo("REP");
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-west").count()).isEqualTo(1);
        TasklistApi desk = TasklistApi.logInWithPassword(port, id, PASSWORD);

        IntakeAnswer contact = driver.submit("PHONE", CaseDriver.newCustomer("50667"), "first customer of the new rep");

        assertThat(contact.personalRep().id()).as("the rep with the fewest customers").isEqualTo(id);
        assertThat(contact.handler().id()).isEqualTo(id);
        assertThat(customerNotice(contact)).startsWith("Maja from your West team");
        Task reach = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        assertThat(desk.get("/task/" + reach.getId()).status()).isEqualTo(200);

        directorySync.sync();
        directorySync.sync();

        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-west").count()).as("kept on restart").isEqualTo(1);
        assertThat(directory.repsOf("west")).extracting(Rep::id).contains(id);
        assertThat(TasklistApi.loginAnswer(port, id, PASSWORD).status()).isEqualTo(200);
        assertThat(ids(api.get("/api/reps?region=west", "admin").json())).contains(id);
        assertThat(api.get("/api/reps/" + id, "admin").json().path("name").asText()).isEqualTo("Maja Tester");
    }

    @Test
    void anAddedSupervisorSeesTheirRegionsEscalationsAndIsNotOnTheRings() {
        String id = newId();
        ApiClient.Response created = addRep(id, "Vera", "west", "SUPERVISOR");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("supervisors-west").count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-west").count()).isZero();
        assertThat(directory.repsOf("west")).extracting(Rep::id).doesNotContain(id);
        directorySync.sync();
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("supervisors-west").count()).isEqualTo(1);
        assertThat(TasklistApi.loginAnswer(port, id, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aRemovedRepCannotSignInTheirContactMovesOnAndTheyAreNeverChosenAgain() {
        String id = newId();
        assertThat(addRep(id, "Ola", "west", "REP").status()).isEqualTo(201);
        CustomerDetails customer = CaseDriver.newCustomer("50667");
        IntakeAnswer first = driver.submit("PHONE", customer, "before the rep left");
        assertThat(first.handler().id()).isEqualTo(id);
        Task reach = driver.task(first.caseNumber(), REACH_CUSTOMER);

        ApiClient.Response removed = api.delete("/api/reps/" + id, "admin");

        assertThat(removed.status()).as("%s", removed).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertThat(TasklistApi.loginAnswer(port, id, PASSWORD).status()).isNotEqualTo(200);
        assertThat(api.send(api.request("/engine-rest/task").header("Authorization", ApiClient.basic(id, PASSWORD))).status())
            .isEqualTo(401);
        assertThat(authorizations.createAuthorizationQuery().userIdIn(id).count()).as("no grant left for the id").isZero();

        String backup = driver.task(first.caseNumber(), REACH_CUSTOMER).getAssignee();
        assertThat(backup).as("the open contact went to the next backup").isNotNull().isNotEqualTo(id);
        assertThat(directory.repsOf("west")).extracting(Rep::id).contains(backup);
        assertThat(caseFile.get(first.caseNumber()).handlerId()).isEqualTo(backup);
        assertThat(caseFile.notifications(first.caseNumber())).anySatisfy(n -> {
            assertThat(n.recipient()).isEqualTo(backup);
            assertThat(n.text()).contains("left the team");
        });
        assertThat(reach.getId()).isEqualTo(driver.task(first.caseNumber(), REACH_CUSTOMER).getId());

        IntakeAnswer again = driver.submit("PHONE", customer, "after the rep left", false, true);
        assertThat(again.personalRep().id()).as("the customer keeps the rep on record").isEqualTo(id);
        assertThat(again.handler().id()).isNotEqualTo(id);
        String handlerFirstName = directory.findRep(again.handler().id()).orElseThrow().firstName();
        assertThat(customerNotice(again)).as("the customer is told who really calls").startsWith(handlerFirstName + " from your West team");

        IntakeAnswer newcomer = driver.submit("PHONE", CaseDriver.newCustomer("50667"), "a new customer");
        assertThat(newcomer.personalRep().id()).isNotEqualTo(id);
        assertThat(newcomer.handler().id()).isNotEqualTo(id);

        assertThat(ids(api.get("/api/reps?region=west", "admin").json())).doesNotContain(id);
        JsonNode all = api.get("/api/reps?region=west&withRemoved=true", "admin").json();
        assertThat(ids(all)).contains(id);
        assertThat(addRep(id, "Ola", "west", "REP").status()).as("ids are not reused").isEqualTo(409);
        assertThat(api.delete("/api/reps/" + id, "admin").status()).isEqualTo(404);

        directorySync.sync();
        assertThat(identity.createUserQuery().userId(id).count()).as("a restart does not bring them back").isZero();
    }

    @Test
    void aRepWhoseCamundaUserLeftTheRegionsGroupIsNotChosen() {
        String id = newId();
        assertThat(addRep(id, "Kai", "west", "REP").status()).isEqualTo(201);
        identity.deleteMembership(id, "reps-west");

        IntakeAnswer contact = driver.submit("PHONE", CaseDriver.newCustomer("50667"), "who takes it?");

        assertThat(contact.personalRep().id()).isNotEqualTo(id);
        assertThat(contact.handler().id()).isNotEqualTo(id);

        directorySync.sync();
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-west").count()).as("the directory wins").isEqualTo(1);
    }

    @Test
    void nobodyButAnAdminAddsOrRemovesPeople() {
        for (String caller : List.of("dana", "sam", "head-of-service", "intake")) {
            String id = newId();
            assertThat(api.post("/api/reps", caller, person(id, "Eve", "north", "REP")).status()).as(caller).isEqualTo(403);
            assertThat(identity.createUserQuery().userId(id).count()).isZero();
            assertThat(directory.findEntry(id)).isEmpty();
            assertThat(api.delete("/api/reps/nils", caller).status()).as(caller).isEqualTo(403);
        }
        assertThat(identity.createUserQuery().userId("nils").memberOfGroup("reps-north").count()).isEqualTo(1);
        assertThat(directory.repsOf("north")).extracting(Rep::id).contains("nils");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", "Not An Id!");
        bad.put("firstName", 42);
        bad.put("email", "a@example..com");
        bad.put("region", "atlantis");
        bad.put("role", "BOSS");
        bad.put("password", "short");
        bad.put("isAdmin", true);

        ApiClient.Response refused = api.post("/api/reps", "admin", bad);

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().path("fields").forEach(field -> fields.add(field.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("id", "firstName", "lastName", "email", "region", "role", "password", "isAdmin");
        assertThat(refused.body()).contains("north").doesNotContain("Exception");
        assertThat(api.post("/api/reps", "admin", "[1, 2]").status()).isEqualTo(400);
        assertThat(api.post("/api/reps", "admin", person("dana", "Dana", "north", "REP")).status()).isEqualTo(409);
        assertThat(api.post("/api/reps", "admin", person("admin", "Ada", "north", "REP")).status()).isEqualTo(409);
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup("reps-north").count()).isZero();
        assertThat(api.delete("/api/reps/nobody-here", "admin").status()).isEqualTo(404);
    }

    @Test
    void aPersonOfNoHoldHasNoGrantToDeleteThemselves() {
        String id = newId();
        assertThat(addRep(id, "Pia", "west", "REP").status()).isEqualTo(201);

        for (String user : List.of(id, "dana", "sam")) {
            Authorization own = authorizations.createAuthorizationQuery()
                .userIdIn(user)
                .resourceType(Resources.USER)
                .resourceId(user)
                .singleResult();
            assertThat(own).as(user).isNotNull();
            assertThat(own.isPermissionGranted(Permissions.DELETE)).as(user).isFalse();
            assertThat(own.isPermissionGranted(Permissions.UPDATE)).as("%s may change their password", user).isTrue();
        }
    }

    private ApiClient.Response addRep(String id, String firstName, String region, String role) {
        added.add(id);
        return api.post("/api/reps", "admin", person(id, firstName, region, role));
    }

    private static Map<String, Object> person(String id, String firstName, String region, String role) {
        return Map.of("id", id, "firstName", firstName, "lastName", "Tester", "email", id + "@nohold.example", "region", region,
                "role", role, "password", PASSWORD);
    }

    private static String newId() {
        return "rep-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String customerNotice(IntakeAnswer answer) {
        return caseFile.notifications(answer.caseNumber())
            .stream()
            .filter(n -> n.kind() == NotificationKind.PROMISE)
            .map(Notification::text)
            .reduce((first, last) -> last)
            .orElseThrow();
    }

    private static List<String> ids(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(person -> ids.add(person.path("id").asText()));
        return ids;
    }

}
