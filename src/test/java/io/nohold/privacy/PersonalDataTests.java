package io.nohold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nohold.lifecycle.ContactLifecycleProcess.Elements;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator exports and erases one customer's personal data over /api: the export holds everything NoHold and
 * the engine keep about them; after erasure no table of NoHold or of the engine holds their name, address, phone or
 * what they wrote, while their cases still answer with state and dates. Nobody else may do either.
 */
@NoHoldTest
class PersonalDataTests {

    static final String ADMIN = "admin";

    static final String INTAKE = "intake";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

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

    /** A customer who wrote twice, whose case was handled, commented on, resolved and closed. */
    record Person(String customerId, String caseNumber, String name, String email, String phone, String secret,
            String reply, String handler, String handle) {

        List<String> texts() {
            // the handle without its @ is also the key it is found by
            return List.of(name, email, phone, phoneKey(), secret, reply, handle.substring(1));
        }

        String phoneKey() {
            return phone.replace(" ", "");
        }

    }

    @Test
    void theExportHoldsEverythingNoHoldAndTheEngineKeepAboutTheCustomer() {
        Person person = closedCase();
        moveWithin(person);

        Response export = api.get("/api/customers/" + person.customerId() + "/export", ADMIN);

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        JsonNode body = export.json();
        assertThat(body.path("customer").path("name").asText()).isEqualTo(person.name());
        assertThat(body.path("customer").path("email").asText()).isEqualTo(person.email());
        assertThat(body.path("customer").path("emailKey").asText()).isEqualTo(person.email().toLowerCase());
        assertThat(body.path("customer").path("phoneKey").asText()).isEqualTo(person.phoneKey());
        assertThat(body.path("customer").path("handles").findValuesAsText("handle")).containsExactly(person.handle());
        assertThat(body.path("contacts")).hasSize(2);
        assertThat(body.path("contacts").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(person.secret()))
            .anySatisfy(m -> assertThat(m).contains(person.reply()));
        assertThat(body.path("attachments")).hasSize(1);
        assertThat(body.path("attachments").get(0).path("name").asText()).startsWith("parcel ");
        assertThat(body.path("attachments").get(0).path("contentType").asText()).isEqualTo("text/plain");
        assertThat(body.path("attachments").get(0).path("size").asLong()).isEqualTo(person.secret().length());
        JsonNode theCase = body.path("cases").get(0);
        assertThat(theCase.path("record").path("caseNumber").asText()).isEqualTo(person.caseNumber());
        assertThat(theCase.path("record").path("state").asText()).isEqualTo("CLOSED");
        assertThat(theCase.path("history").findValuesAsText("type")).contains("CONTACT_RECEIVED", "CONTACT_JOINED", "RESOLVED",
                "CLOSED");
        assertThat(theCase.path("notifications").findValuesAsText("kind")).contains("PROMISE", "RESOLVED");
        JsonNode engine = theCase.path("engine");
        assertThat(engine.path("processInstances").findValuesAsText("processDefinitionKey")).contains("ContactLifecycle");
        assertThat(engine.path("historyVariables").toString()).contains("reachNotes").contains(person.secret());
        assertThat(engine.path("comments").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(person.email()));
        assertThat(engine.path("tasks").findValuesAsText("name")).anySatisfy(n -> assertThat(n).contains(person.name()));
        assertThat(body.path("history").findValuesAsText("detail")).singleElement()
            .satisfies(detail -> assertThat(detail).contains(person.secret()));
    }

    /** An administrator gives the customer another personal rep of North, with a reason that is personal text. */
    private void moveWithin(Person person) {
        String now = api.get("/api/customers/" + person.customerId(), ADMIN).json().path("personalRep").path("id").asText();
        Response moved = api.put("/api/customers/" + person.customerId() + "/placement", ADMIN, java.util.Map.of("region",
                "north", "personalRep", "freya".equals(now) ? "nils" : "freya", "reason", person.secret()));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    }

    @Test
    void erasureLeavesNoPersonalTextInAnyTableButTheCaseStillAnswers() throws Exception {
        Person person = closedCase();
        moveWithin(person);
        assertThat(DatabaseSearch.find(dataSource, person.texts())).as("before erasure")
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("ACT_HI_VARINST"))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("ACT_HI_COMMENT"))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("ACT_HI_TASKINST"))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("contact."))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("notification."))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("customer."))
            .anySatisfy(hit -> assertThat(hit).startsWithIgnoringCase("customer_event."));

        Response erased = api.delete("/api/customers/" + person.customerId() + "/personal-data", ADMIN);

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(erased.json().path("erasedCases").toString()).contains(person.caseNumber());
        assertThat(DatabaseSearch.find(dataSource, person.texts())).as("NoHold's and the engine's tables").isEmpty();

        Response caseView = api.get("/api/cases/" + person.caseNumber(), ADMIN);
        assertThat(caseView.status()).as("%s", caseView).isEqualTo(200);
        assertThat(caseView.json().path("state").asText()).isEqualTo("CLOSED");
        assertThat(caseView.json().path("receivedAt").asText()).isNotBlank();
        assertThat(caseView.json().path("closedAt").asText()).isNotBlank();
        assertThat(caseView.json().path("channel").asText()).isEqualTo("EMAIL");
        assertThat(caseView.json().path("region").path("id").asText()).isEqualTo("north");
        assertThat(caseView.json().path("history").path("contacts")).hasSize(2);
        assertThat(caseView.json().path("history").path("attachments")).as("the file went with the texts").isEmpty();
        assertThat(caseView.json().path("history").path("caseEvents").findValuesAsText("type")).contains("RESOLVED", "CLOSED",
                "ERASED");
        assertThat(caseView.json().path("history").path("caseEvents").toString()).as("who erased it, and why")
            .contains("\"actor\":\"admin\",\"outcome\":\"REQUESTED\"");
        assertNoText(caseView, person);

        Response customer = api.get("/api/customers/" + person.customerId(), ADMIN);
        assertThat(customer.status()).as("%s", customer).isEqualTo(200);
        assertThat(customer.json().path("name").isNull()).isTrue();
        assertThat(customer.json().path("region").path("id").asText()).isEqualTo("north");
        assertThat(customer.json().path("pastCases").findValuesAsText("caseNumber")).containsExactly(person.caseNumber());
        assertNoText(customer, person);

        Response export = api.get("/api/customers/" + person.customerId() + "/export", ADMIN);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().path("customer").path("erasedAt").asText()).isNotBlank();
        assertThat(export.json().path("cases").get(0).path("engine").path("processInstances")).hasSize(1);
        assertNoText(export, person);
    }

    @Test
    void erasingTwiceChangesNothingMoreAndTheAddressIsFreeForANewCustomer() throws Exception {
        Person person = closedCase();
        assertThat(api.delete("/api/customers/" + person.customerId() + "/personal-data", ADMIN).status()).isEqualTo(200);
        String first = ((ObjectNode) api.get("/api/customers/" + person.customerId() + "/export", ADMIN).json()).without("exportedAt").toString();

        Response again = api.delete("/api/customers/" + person.customerId() + "/personal-data", ADMIN);

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        String second = ((ObjectNode) api.get("/api/customers/" + person.customerId() + "/export", ADMIN).json()).without("exportedAt").toString();
        assertThat(second).isEqualTo(first);
        assertThat(first.split("\"ERASED\"", -1)).as("one ERASED entry").hasSize(2);

        Response later = api.post("/api/contacts", INTAKE, contact(customer(person.name(), person.email(), person.phone()), "hello again"));
        assertThat(later.status()).as("%s", later).isEqualTo(201);
        assertThat(later.json().path("customerId").asText()).as("the erased keys find nobody").isNotEqualTo(person.customerId());
    }

    @Test
    void anOpenCaseIsRefusedWith409UntilTheAdministratorChoosesToWithdrawIt() throws Exception {
        String tag = tag();
        String name = "Olga Open " + tag;
        String secret = "open secret " + tag;
        Response opened = api.post("/api/contacts", INTAKE, contact(customer(name, "olga-" + tag + "@example.com", phone()), secret));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String customerId = opened.json().path("customerId").asText();
        String caseNumber = opened.json().path("caseNumber").asText();

        Response refused = api.delete("/api/customers/" + customerId + "/personal-data", ADMIN);

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains(caseNumber).contains("withdrawOpenCases=true");
        assertThat(DatabaseSearch.find(dataSource, List.of(secret, name))).as("nothing erased").isNotEmpty();
        assertThat(driver.instance(caseNumber)).as("the case is still handled").isNotNull();

        Response erased = api.delete("/api/customers/" + customerId + "/personal-data?withdrawOpenCases=true", ADMIN);

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(erased.json().path("withdrawnCases").toString()).contains(caseNumber);
        assertThat(driver.instance(caseNumber)).isNull();
        JsonNode view = api.get("/api/cases/" + caseNumber, ADMIN).json();
        assertThat(view.path("state").asText()).isEqualTo("CLOSED");
        assertThat(view.path("openTasks")).isEmpty();
        assertThat(view.path("history").path("caseEvents").findValuesAsText("type")).contains("WITHDRAWN", "ERASED");
        assertThat(DatabaseSearch.find(dataSource, List.of(secret, name, "olga-" + tag))).isEmpty();
    }

    @Test
    void onlyAdministratorsExportOrEraseAndOthersChangeNothing() throws Exception {
        Person person = closedCase();
        String supervisor = identity.createUserQuery().memberOfGroup("supervisors-north").list().get(0).getId();

        for (String user : List.of(person.handler(), supervisor, "head-of-service", INTAKE)) {
            Response export = api.get("/api/customers/" + person.customerId() + "/export", user);
            Response erase = api.delete("/api/customers/" + person.customerId() + "/personal-data?withdrawOpenCases=true", user);
            assertThat(export.status()).as("export by %s: %s", user, export).isEqualTo(403);
            assertThat(erase.status()).as("erasure by %s: %s", user, erase).isEqualTo(403);
            assertThat(export.body()).doesNotContain(person.name()).doesNotContain(person.secret());
        }
        assertThat(api.get("/api/customers/CU-NOBODY/export", person.handler()).status()).as("no hint whether a customer exists")
            .isEqualTo(403);
        assertThat(DatabaseSearch.find(dataSource, List.of(person.secret()))).as("still kept").isNotEmpty();
        assertThat(api.send(api.request("/api/customers/" + person.customerId() + "/export")).status()).isEqualTo(401);

        assertThat(api.get("/api/customers/CU-NOBODY/export", ADMIN).status()).isEqualTo(404);
        assertThat(api.delete("/api/customers/CU-NOBODY/personal-data", ADMIN).status()).isEqualTo(404);
        assertThat(api.delete("/api/customers/" + person.customerId() + "/personal-data?withdrawOpenCases=perhaps", ADMIN)
            .status()).isEqualTo(400);
    }

    // a case as it happens: two contacts over /api/contacts, notes, a comment, resolved, closed after the quiet period

    private Person closedCase() {
        String tag = tag();
        String name = "Ingrid Privat " + tag;
        String email = "ingrid-" + tag + "@example.com";
        String phone = phone();
        String secret = "my neighbour " + tag + " took the parcel";
        String reply = "the code is " + tag + "-77";
        String handle = "@ingrid_" + tag;
        Map<String, Object> withHandle = customer(name, email, phone);
        withHandle.put("handle", Map.of("channel", "SOCIAL", "handle", handle));
        Response first = api.post("/api/contacts", INTAKE, contact(withHandle, secret));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String caseNumber = first.json().path("caseNumber").asText();
        String customerId = first.json().path("customerId").asText();
        String handler = first.json().path("handler").path("id").asText();
        Map<String, Object> withFile = contact(customer(null, email, null), reply);
        // a file is personal data too: its name and its content
        withFile.put("attachments", List.of(Map.of("name", "parcel " + tag + ".txt", "contentType", "text/plain", "content",
                java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        Response second = api.post("/api/contacts", INTAKE, withFile);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.json().path("caseNumber").asText()).isEqualTo(caseNumber);

        driver.complete(handler, driver.task(caseNumber, Elements.REACH_CUSTOMER),
                Map.of("reachNotes", "called " + name + ": " + secret));
        Task resolve = driver.task(caseNumber, Elements.RESOLVE_CONTACT);
        identity.setAuthentication(handler, List.of("reps-north"));
        try {
            tasks.createComment(resolve.getId(), resolve.getProcessInstanceId(), "answer by mail to " + email);
        }
        finally {
            identity.clearAuthentication();
        }
        driver.complete(handler, resolve, Map.of("outcome", "RESOLVED", "notes", "told " + name + " about " + reply));
        driver.passTime(Duration.ofDays(7).plusMinutes(1), caseNumber);
        assertThat(driver.instance(caseNumber)).as("closed after the quiet period").isNull();
        return new Person(customerId, caseNumber, name, email, phone, secret, reply, handler, handle);
    }

    static Map<String, Object> customer(String name, String email, String phone) {
        Map<String, Object> customer = new LinkedHashMap<>();
        if (name != null) {
            customer.put("name", name);
        }
        customer.put("email", email);
        if (phone != null) {
            customer.put("phone", phone);
        }
        customer.put("postalCode", "20095");
        customer.put("country", "DE");
        return customer;
    }

    static Map<String, Object> contact(Map<String, Object> customer, String message) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", "EMAIL");
        contact.put("externalId", "ext-" + UUID.randomUUID());
        contact.put("customer", customer);
        contact.put("subject", "About: " + message);
        contact.put("message", message);
        contact.put("public", false);
        contact.put("newTopic", false);
        return contact;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String phone() {
        return "+49 40 " + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private static void assertNoText(Response response, Person person) {
        for (String text : person.texts()) {
            assertThat(response.body()).as("%s in %s", text, response.body()).doesNotContainIgnoringCase(text);
        }
    }

}
