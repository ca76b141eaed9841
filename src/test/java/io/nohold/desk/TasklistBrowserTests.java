package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.contact.IntakeAnswer;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.Browser;
import io.nohold.testsupport.BrowserTest;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent's desk in a real browser: reps and supervisors log in to the Camunda Tasklist, find their work under the
 * desk's filters, read the case in the Camunda Forms and complete it there. Screenshots of every step are written
 * to {@code target/screenshots}.
 */
@NoHoldTest
@BrowserTest
class TasklistBrowserTests {

    static final String NORTH_POSTAL_CODE = "20095";

    /** How Tasklist shows an exact date, in the tooltip of "Due in 15 minutes". */
    static final DateTimeFormatter TASKLIST_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.ENGLISH)
        .withZone(ZoneId.systemDefault());

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    TaskService taskService;

    ApiClient api;

    Browser browser;

    Tasklist tasklist;

    /** Other tests leave work on the North desks of the shared application: each test here starts at clear desks. */
    @BeforeEach
    void openBrowser(TestInfo test) {
        driver.clearDesksOf("north");
        api = new ApiClient(port);
        browser = Browser.open(test.getTestMethod().orElseThrow().getName());
        tasklist = new Tasklist(browser, port);
    }

    @AfterEach
    void closeBrowser() {
        try {
            browser.screenshot("last");
            browser.close();
        }
        finally {
            driver.reset();
        }
    }

    @Test
    void aRepFindsTheirNewContactOnTopOfMyContactsAndResolvesItInTheForms() {
        String name = "Greta Lindqvist";
        String subject = "Broken lamp";
        String message = "My new lamp arrived broken, the shade is cracked.";
        JsonNode answer = contact(name, subject, message);
        String caseNumber = answer.path("caseNumber").asText();
        String handler = answer.path("handler").path("id").asText();
        Instant promisedBy = Instant.parse(answer.path("promisedBy").asText());
        String reach = "Reach " + name + " (phone)";

        tasklist.logIn(handler).openFilter(TasklistFilters.MY_CONTACTS);

        assertThat(tasklist.tasks()).first().isEqualTo(reach);
        String[] due = tasklist.dueOnCard(reach);
        assertThat(due[0]).startsWith("Due in");
        assertThat(due[1]).isEqualTo(TASKLIST_DATE.format(promisedBy));
        browser.screenshot("my-contacts");

        tasklist.openTask(reach);
        assertThat(tasklist.fieldOnceFilled("Customer")).isEqualTo(name);
        assertThat(tasklist.field("Message")).isEqualTo(message);
        assertThat(tasklist.field("Promised")).isEqualTo(answer.path("promisedByText").asText()).endsWith(" CET");
        browser.screenshot("reach-customer-open");
        String reachNotes = "Called Greta back at once; she sends a photo of the shade.";
        tasklist.fill("How did you reach the customer?", reachNotes);
        browser.screenshot("reach-customer");
        tasklist.complete();

        String resolve = "Resolve: " + subject;
        tasklist.openTask(resolve);
        assertThat(tasklist.fieldOnceFilled("Customer")).isEqualTo(name);
        assertThat(tasklist.field("Case history so far")).contains(reachNotes);
        String resolveNotes = "Replacement shade sent by courier, arrives tomorrow.";
        tasklist.choose("Outcome", "Resolved").fill("Notes for the case history", resolveNotes);
        browser.screenshot("resolve-contact");
        tasklist.complete();
        browser.screenshot("done");

        JsonNode view = caseView(caseNumber);
        assertThat(view.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(view.path("resolvedBy").asText()).isEqualTo(handler);
        assertThat(view.path("history").path("completedTasks").findValuesAsText("detail")).contains(reachNotes, resolveNotes);
        assertThat(view.path("history").path("completedTasks").findValuesAsText("actor")).containsOnly(handler);
    }

    @Test
    void theRegionsSupervisorClaimsAnEscalationUnderEscalationsAndResolvesIt() {
        String caseNumber = escalatedByTheCustomer("Otto Brandt", "Late delivery",
                "My sofa was promised for Monday and nobody came. I want to speak to a manager.");
        Task escalation = driver.task(caseNumber, SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);
        assertThat(escalation.getName()).isEqualTo("Escalation: Late delivery (Otto Brandt)");

        tasklist.logIn("sam").openFilter(TasklistFilters.ESCALATIONS);
        assertThat(tasklist.tasks()).contains(escalation.getName());
        tasklist.openTask(escalation.getName()).claim();
        assertThat(tasklist.fieldOnceFilled("Customer")).isEqualTo("Otto Brandt");
        assertThat(tasklist.field("Why it was escalated")).isEqualTo("The customer asked for a supervisor");
        tasklist.choose("Result", "I resolved it with the customer")
            .fill("Resolution notes or guidance for the handler", "Called the customer, credited the delivery fee.");
        browser.screenshot("escalation-form");
        tasklist.complete();

        JsonNode view = caseView(caseNumber);
        assertThat(view.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(view.path("resolvedBy").asText()).isEqualTo("sam");
    }

    @Test
    void aRepOfAnotherRegionSeesNoneOfTheseTasksInAnyFilterNorThroughTheApi() {
        IntakeAnswer contact = driver.submit("PHONE", CaseDriver.newCustomer(NORTH_POSTAL_CODE), "northern call");
        Task reach = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        String escalated = escalatedByTheCustomer("Henrik Dahl", "Wrong invoice", "Billed twice. Your manager, please.");
        Task escalation = driver.task(escalated, SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);

        tasklist.logIn("marco");
        List<String> filters = tasklist.filters();
        assertThat(filters).contains(TasklistFilters.MY_CONTACTS, TasklistFilters.MY_REGIONS_TEAM,
                TasklistFilters.DUE_WITHIN_THE_HOUR).doesNotContain(TasklistFilters.ESCALATIONS);
        for (String filter : filters) {
            tasklist.openFilter(filter);
            assertThat(tasklist.tasks()).as(filter).doesNotContain(reach.getName(), escalation.getName());
            browser.screenshot("filter-" + filter.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        }

        assertThat(api.get("/engine-rest/task/" + reach.getId(), "marco").status()).isIn(403, 404);
        assertThat(api.get("/engine-rest/task/" + escalation.getId(), "marco").status()).isIn(403, 404);
        assertThat(api.get("/engine-rest/task/" + reach.getId(), contact.handler().id()).status()).isEqualTo(200);
    }

    @Test
    void anAccommodationAboveTheRepsAuthorityIsApprovedInTasklistAndTheHandlerSeesTheDecision() {
        JsonNode answer = contact("Ingrid Holm", "Second broken lamp", "The replacement lamp arrived broken as well.");
        String caseNumber = answer.path("caseNumber").asText();
        String handler = answer.path("handler").path("id").asText();
        driver.complete(handler, driver.task(caseNumber, REACH_CUSTOMER), Map.of("reachNotes", "called back"));
        driver.complete(handler, driver.task(caseNumber, RESOLVE_CONTACT),
                Map.of("outcome", "ACCOMMODATION", "notes", "refund asked for", "accommodationType", "REFUND",
                        "accommodationAmount", 180, "accommodationReason", "second broken lamp in a month"));
        Task approval = driver.task(caseNumber, APPROVE_ACCOMMODATION);
        assertThat(approval.getName()).startsWith("Approve: refund of 180.00");

        tasklist.logIn("sam").openFilter(TasklistFilters.ESCALATIONS);
        tasklist.openTask(approval.getName()).claim();
        assertThat(tasklist.fieldOnceFilled("Requested accommodation")).startsWith("refund of 180.00 (second broken lamp in a month)");
        String guidance = "Approved as a loyal customer; tell her it takes five days.";
        tasklist.pick("Approve").fill("Guidance for the handler", guidance);
        browser.screenshot("approve-accommodation");
        tasklist.complete();

        tasklist.logOut();
        tasklist.logIn(handler).openFilter(TasklistFilters.MY_CONTACTS);
        String resolve = "Resolve: Second broken lamp";
        tasklist.openTask(resolve);
        assertThat(tasklist.fieldOnceFilled("Supervisor's decision on the accommodation"))
            .startsWith("Approved by Sam Norden: refund of 180.00")
            .contains(guidance);
        assertThat(tasklist.field("Supervisor's guidance")).isEqualTo(guidance);
        tasklist.reveal("Supervisor's decision on the accommodation");
        browser.screenshot("resolve-with-decision");
    }

    @Test
    void theDeskCarriesNoHoldsNameMarksOverdueWorkTakesCommentsAndOffersNoHandMadeWork() {
        JsonNode late = contact("Ingrid Sandberg", "Wrong invoice", "The invoice charges me twice.");
        String handler = late.path("handler").path("id").asText();
        ApiClient.Response second = api.post("/api/contacts", "intake", Map.of("channel", "CHAT", "externalId",
                "chat-" + UUID.randomUUID(), "customer", Map.of("id", late.path("customerId").asText()), "subject",
                "Parcel missing", "message", "The parcel never came.", "newTopic", true));
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.json().path("handler").path("id").asText()).isEqualTo(handler);
        Task lateTask = driver.task(late.path("caseNumber").asText(), REACH_CUSTOMER);
        // the browser judges "overdue" by its own clock, which is the real one
        taskService.setDueDate(lateTask.getId(), java.util.Date.from(Instant.now().minusSeconds(600)));
        String lateName = "Reach Ingrid Sandberg (phone)";
        String onTimeName = "Reach Ingrid Sandberg (chat)";

        tasklist.logIn(handler).openFilter(TasklistFilters.MY_CONTACTS);
        assertThat(browser.visible(By.cssSelector("a.navbar-brand .brand-name")).getText()).isEqualTo("NoHold desk");
        assertThat(browser.driver().getTitle()).contains("NoHold");

        WebElement lateCard = tasklist.card(lateName);
        WebElement lateDue = lateCard.findElement(By.cssSelector(".due-date"));
        assertThat(lateDue.getAttribute("class")).contains("overdue");
        assertThat(lateDue.getCssValue("color")).as("overdue reads red").isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(lateCard.getCssValue("border-left-color")).isEqualTo("rgba(179, 38, 30, 1)");
        WebElement onTimeDue = tasklist.card(onTimeName).findElement(By.cssSelector(".due-date"));
        assertThat(onTimeDue.getAttribute("class")).doesNotContain("overdue");
        assertThat(onTimeDue.getCssValue("color")).isNotEqualTo("rgba(179, 38, 30, 1)");
        assertThat(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Start process' or normalize-space(.)='Create task']"))
            .stream().filter(WebElement::isDisplayed).toList()).as("no hand-made work is offered").isEmpty();
        browser.screenshot("overdue");

        tasklist.openTask(lateName);
        browser.click(browser.visible(By.cssSelector("a.createCommentLink")));
        browser.type(browser.visible(By.id("comment-form-message")), "Line busy at 10:05, trying again at 10:30.");
        browser.click(browser.visible(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Save']")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("comment-form-message")));
        browser.screenshot("commented");

        assertThat(taskService.getTaskComments(lateTask.getId())).singleElement().satisfies(comment -> {
            assertThat(comment.getFullMessage()).isEqualTo("Line busy at 10:05, trying again at 10:30.");
            assertThat(comment.getUserId()).isEqualTo(handler);
        });
    }

    /** A phone call of a customer new to NoHold, in the North, submitted by the intake channel. */
    @Test
    void aRepSignsOutAndTheNextPersonSignsInInTheSameBrowser() {
        tasklist.open();
        assertThat(cookie("JSESSIONID")).as("a page seen without login opens no session").isNull();
        assertThat((String) browser.script("return document.cookie;")).as("the page's script reads the token").contains("XSRF-TOKEN=");

        tasklist.logIn("dana");
        Cookie session = cookie("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) browser.script("return document.cookie;")).doesNotContain("JSESSIONID");
        assertThat(tasklist.filters()).contains(TasklistFilters.MY_CONTACTS);

        tasklist.signOut();
        browser.screenshot("signed-out");
        tasklist.logIn("nils").openFilter(TasklistFilters.MY_CONTACTS);
        assertThat(browser.visible(By.cssSelector("li.account a.dropdown-toggle")).getText()).contains("Nils");
        assertThat(cookie("JSESSIONID").getValue()).as("a new session for the next person").isNotEqualTo(session.getValue());
    }

    private Cookie cookie(String name) {
        return browser.driver().manage().getCookieNamed(name);
    }

    private JsonNode contact(String name, String subject, String message) {
        String tag = UUID.randomUUID().toString();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        customer.put("email", "customer-" + tag + "@example.com");
        customer.put("postalCode", NORTH_POSTAL_CODE);
        customer.put("country", "DE");
        ApiClient.Response answer = api.post("/api/contacts", "intake",
                Map.of("channel", "PHONE", "externalId", "call-" + tag, "customer", customer, "subject", subject, "message", message));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    /** A case whose handler reached the customer and then asked for a supervisor, as the customer wished. */
    private String escalatedByTheCustomer(String name, String subject, String message) {
        JsonNode answer = contact(name, subject, message);
        String caseNumber = answer.path("caseNumber").asText();
        String handler = answer.path("handler").path("id").asText();
        driver.complete(handler, driver.task(caseNumber, REACH_CUSTOMER), Map.of("reachNotes", "called back"));
        driver.complete(handler, driver.task(caseNumber, RESOLVE_CONTACT),
                Map.of("outcome", "SUPERVISOR_REQUESTED", "notes", "the customer asks for a supervisor"));
        return caseNumber;
    }

    private JsonNode caseView(String caseNumber) {
        ApiClient.Response response = api.get("/api/cases/" + caseNumber, "intake");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

}
