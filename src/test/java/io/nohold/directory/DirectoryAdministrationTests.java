package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Administrators manage regions, routing rules, the backup order, a rep's region and a customer's placement through
 * /api; the Camunda identity follows in the same step, every change is audited, and others are refused without a
 * change.
 */
@NoHoldTest
class DirectoryAdministrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    RegionDirectory directory;

    @Autowired
    IdentityService identity;

    ApiClient api;

    String tag;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void anAdministratorAddsAndRenamesARegionAndItsCamundaGroupsFollow() {
        String id = "central-" + tag;
        Response refused = api.post("/api/regions", "sam", Map.of("id", id, "name", "Central"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(directory.findRegion(id)).isEmpty();

        Response created = api.post("/api/regions", "admin", Map.of("id", id, "name", "Central"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/regions/" + id);
        assertThat(identity.createGroupQuery().groupId("reps-" + id).singleResult().getName()).isEqualTo("Central reps");
        assertThat(identity.createGroupQuery().groupId("supervisors-" + id).count()).isEqualTo(1);
        assertThat(api.post("/api/regions", "admin", Map.of("id", id, "name", "Again")).status()).isEqualTo(409);

        Response renamed = api.put("/api/regions/" + id, "admin", Map.of("name", "Middle"));
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(directory.region(id).name()).isEqualTo("Middle");
        assertThat(identity.createGroupQuery().groupId("reps-" + id).singleResult().getName()).isEqualTo("Middle reps");

        assertThat(audit()).anySatisfy(row -> assertRow(row, "REGION_CREATED", "region " + id, "name: Central"))
            .anySatisfy(row -> assertRow(row, "REGION_RENAMED", "region " + id, "Central -> Middle"));

        Response bad = api.post("/api/regions", "admin", Map.of("id", "Not An Id", "name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"id\"", "\"name\"");
    }

    @Test
    void routingRulesAreReplacedAndAPrefixOfAnotherRegionIsRefused() {
        String id = "isles-" + tag;
        assertThat(api.post("/api/regions", "admin", Map.of("id", id, "name", "Isles")).status()).isEqualTo(201);

        Response taken = api.put("/api/regions/" + id + "/rules", "admin",
                Map.of("postalCodes", List.of("1"), "phonePrefixes", List.of(), "countries", List.of("IS")));
        assertThat(taken.status()).as("%s", taken).isEqualTo(409);
        assertThat(taken.json().path("fields").get(0).path("field").asText()).isEqualTo("postalCodes[0]");
        assertThat(taken.json().path("fields").get(0).path("message").asText()).contains("north");

        Response wrong = api.put("/api/regions/" + id + "/rules", "admin",
                Map.of("postalCodes", List.of("1-2"), "phonePrefixes", List.of("0049"), "countries", List.of("UK")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("postalCodes[0]", "phonePrefixes[0]", "countries[0]");

        Response replaced = api.put("/api/regions/" + id + "/rules", "admin",
                Map.of("postalCodes", List.of(), "phonePrefixes", List.of("+354"), "countries", List.of("IS")));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().path("countries").get(0).asText()).isEqualTo("IS");
        assertThat(directory.matchRule(RuleKind.COUNTRY, "IS")).contains(id);
        assertThat(api.put("/api/regions/" + id + "/rules", "dana",
                Map.of("postalCodes", List.of(), "phonePrefixes", List.of(), "countries", List.of())).status()).isEqualTo(403);
        assertThat(directory.matchRule(RuleKind.COUNTRY, "IS")).as("a refusal changes nothing").contains(id);
        assertThat(audit()).anySatisfy(row -> assertRow(row, "ROUTING_RULES_CHANGED", "region " + id, "countries [IS]"));
    }

    @Test
    void theBackupOrderIsChangedWithEveryRepOfTheRegionExactlyOnce() {
        List<String> before = directory.repsOf("north").stream().map(Rep::id).toList();
        try {
            List<String> reversed = new java.util.ArrayList<>(before);
            java.util.Collections.reverse(reversed);
            Response incomplete = api.put("/api/regions/north/backup-order", "admin", Map.of("reps", reversed.subList(0, 1)));
            assertThat(incomplete.status()).isEqualTo(400);
            assertThat(api.put("/api/regions/north/backup-order", "sam", Map.of("reps", reversed)).status()).isEqualTo(403);
            assertThat(directory.repsOf("north").stream().map(Rep::id).toList()).isEqualTo(before);

            Response changed = api.put("/api/regions/north/backup-order", "admin", Map.of("reps", reversed));
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(directory.repsOf("north").stream().map(Rep::id).toList()).isEqualTo(reversed);
            assertThat(audit()).anySatisfy(row -> assertRow(row, "BACKUP_ORDER_CHANGED", "region north",
                    String.join(", ", before) + " -> " + String.join(", ", reversed)));
        }
        finally {
            api.put("/api/regions/north/backup-order", "admin", Map.of("reps", before));
        }
    }

    @Test
    void aRepMovesToAnotherRegionAndTheirCamundaGroupMovesWithThem() {
        String id = "mover-" + tag;
        Response added = api.post("/api/reps", "admin", Map.of("id", id, "firstName", "Mo", "lastName", "Ver", "email",
                id + "@nohold.example", "region", "north", "role", "REP", "password", "moving-on-1"));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(api.put("/api/reps/" + id + "/region", "head-of-service", Map.of("region", "south")).status())
            .isEqualTo(403);

        Response moved = api.put("/api/reps/" + id + "/region", "admin", Map.of("region", "south"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("regionId").asText()).isEqualTo("south");
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-south").count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("reps-north").count()).isZero();
        assertThat(directory.repsOf("south").stream().map(Rep::id).toList()).endsWith(id);
        assertThat(api.put("/api/reps/" + id + "/region", "admin", Map.of("region", "atlantis")).status()).isEqualTo(400);
        assertThat(audit()).anySatisfy(row -> assertRow(row, "PERSON_ADDED", "rep " + id, "REP of region north"))
            .anySatisfy(row -> assertRow(row, "REP_MOVED", "rep " + id, "north -> south"));
        api.delete("/api/reps/" + id, "admin");
    }

    @Test
    void anAdministratorMovesACustomerAndTheNextContactGoesToTheNewRep() {
        String email = "moving-" + tag + "@example.com";
        Response first = api.post("/api/contacts", "intake", contact(email));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String customerId = first.json().path("customerId").asText();
        assertThat(first.json().path("region").asText()).isEqualTo("north");
        // the first case is closed before the customer moves; a case still open stays with whoever holds it
        driver.clearDesksOf("north");

        Response byRep = api.put("/api/customers/" + customerId + "/placement", "dana",
                Map.of("region", "south", "personalRep", "lucia", "reason", "moved to Munich"));
        assertThat(byRep.status()).isEqualTo(403);
        Response wrongRep = api.put("/api/customers/" + customerId + "/placement", "admin",
                Map.of("region", "south", "personalRep", "dana", "reason", "moved to Munich"));
        assertThat(wrongRep.status()).isEqualTo(400);
        assertThat(wrongRep.json().path("fields").get(0).path("field").asText()).isEqualTo("personalRep");
        Response noReason = api.put("/api/customers/" + customerId + "/placement", "admin",
                Map.of("region", "south", "personalRep", "lucia"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.get("/api/customers/" + customerId, "admin").json().path("region").path("id").asText()).isEqualTo("north");

        Response moved = api.put("/api/customers/" + customerId + "/placement", "admin",
                Map.of("region", "south", "personalRep", "lucia", "reason", "moved to Munich"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("personalRep").asText()).isEqualTo("lucia");

        Response next = api.post("/api/contacts", "intake", contact(email));
        assertThat(next.status()).as("%s", next).isEqualTo(201);
        assertThat(next.json().path("region").asText()).isEqualTo("south");
        assertThat(next.json().path("personalRep").path("id").asText()).isEqualTo("lucia");
        assertThat(next.json().path("handler").path("id").asText()).isEqualTo("lucia");

        JsonNode history = api.get("/api/customers/" + customerId + "/history", "marco").json();
        assertThat(history.get(0).path("type").asText()).isEqualTo("MOVED");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(history.get(0).path("detail").asText()).contains("North", "South", "Lucia", "moved to Munich");
        assertThat(api.get("/api/customers/" + customerId + "/history", "dana").status())
            .as("now another region's customer").isEqualTo(403);
        assertThat(audit()).anySatisfy(row -> assertRow(row, "CUSTOMER_MOVED", "customer " + customerId, "to South"));
        driver.clearDesksOf("south");
    }

    @Test
    void fromTheWebappsSessionAChangeNeedsItsTokenAndARepIsStillRefused() {
        String id = "session-" + tag;
        io.nohold.desk.TasklistApi admin = io.nohold.desk.TasklistApi.logIn(port, "admin");
        Response withoutToken = admin.nohold("POST", "/api/regions", Map.of("id", id, "name", "Session"), false);
        assertThat(withoutToken.status()).as("%s", withoutToken).isEqualTo(403);
        assertThat(directory.findRegion(id)).isEmpty();
        Response withToken = admin.nohold("POST", "/api/regions", Map.of("id", id, "name", "Session"), true);
        assertThat(withToken.status()).as("%s", withToken).isEqualTo(201);

        io.nohold.desk.TasklistApi dana = io.nohold.desk.TasklistApi.logIn(port, "dana");
        Response byRep = dana.nohold("PUT", "/api/regions/" + id, Map.of("name", "Mine"), true);
        assertThat(byRep.status()).isEqualTo(403);
        assertThat(directory.region(id).name()).isEqualTo("Session");
        assertThat(audit()).anySatisfy(row -> assertRow(row, "REGION_CREATED", "region " + id, "name: Session"));
    }

    @Test
    void theAuditIsForAdministratorsOnly() {
        assertThat(api.get("/api/directory/audit", "head-of-service").status()).isEqualTo(403);
        assertThat(api.get("/api/directory/audit?limit=0", "admin").status()).isEqualTo(400);
        assertThat(api.get("/api/directory/audit?limit=5", "admin").status()).isEqualTo(200);
    }

    private JsonNode audit() {
        Response audit = api.get("/api/directory/audit?limit=200", "admin");
        assertThat(audit.status()).as("%s", audit).isEqualTo(200);
        return audit.json();
    }

    private static void assertRow(JsonNode row, String action, String subject, String detailPart) {
        assertThat(row.path("action").asText()).isEqualTo(action);
        assertThat(row.path("subject").asText()).isEqualTo(subject);
        assertThat(row.path("detail").asText()).contains(detailPart);
        assertThat(row.path("actor").asText()).isEqualTo("admin");
        assertThat(row.path("at").asText()).isNotBlank();
    }

    private static Map<String, Object> contact(String email) {
        return Map.of("channel", "EMAIL", "externalId", "move-" + UUID.randomUUID(), "customer",
                Map.of("name", "Mia Mover", "email", email, "postalCode", "20095", "country", "DE"), "subject",
                "Address", "message", "Where do I belong?");
    }

}
