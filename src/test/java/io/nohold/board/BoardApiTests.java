package io.nohold.board;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.directory.RepStatus;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board's JSON against cases whose outcome the test knows: which ring each open contact is in, who holds it and
 * what falls due next, promises kept and broken, handovers, continuity, the time to the first answer and
 * accommodations, today and this week in North's calendar, and the team. Each test runs in a week of its own, on a
 * North desk cleared of earlier tests' cases, so every figure is exactly what the test did.
 */
@NoHoldTest
class BoardApiTests {

    static final String HAMBURG = "20095";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile caseFile;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Value("${nohold.board.at-risk-within}")
    Duration atRiskWithin;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        driver.clearDesksOf("north");
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void nowListsEachOpenContactByRingWithItsHolderNextDeadlineAndTask() {
        clockAt("2031-03-19T09:00:00Z"); // a Wednesday, 10:00 in Hamburg
        IntakeAnswer own = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "own rep");

        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer first = driver.submit("EMAIL", customer, "first");
        driver.setStatus(first.personalRep().id(), RepStatus.AWAY);
        IntakeAnswer backup = driver.submit("PHONE", customer, "while away", false, true);
        driver.setStatus(first.personalRep().id(), RepStatus.AVAILABLE);

        driver.setStatusOfRegion("north", RepStatus.AWAY);
        IntakeAnswer team = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "nobody there");
        driver.setStatusOfRegion("north", RepStatus.AVAILABLE);

        IntakeAnswer escalated = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "manager please");
        driver.complete(escalated.handler().id(), driver.task(escalated.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        driver.complete(escalated.handler().id(), driver.task(escalated.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "SUPERVISOR_REQUESTED", "notes", "wants to speak to a manager"));

        JsonNode north = board("sam", null).path("regions");
        assertThat(north).hasSize(1);
        JsonNode now = north.get(0).path("now");
        assertThat(north.get(0).path("region").asText()).isEqualTo("north");
        // "first" (EMAIL) is with its own rep as well
        assertThat(now.path("rings").path("ownRep").asLong()).isEqualTo(2);
        assertThat(now.path("rings").path("backup").asLong()).isEqualTo(1);
        assertThat(now.path("rings").path("team").asLong()).isEqualTo(1);
        assertThat(now.path("rings").path("supervisor").asLong()).isEqualTo(1);

        Instant horizon = driver.now().plus(atRiskWithin);
        CaseRecord ownCase = caseFile.get(own.caseNumber());
        JsonNode ownEntry = contact(now, own.caseNumber());
        assertThat(ownEntry.path("ring").asText()).isEqualTo("ownRep");
        assertThat(ownEntry.path("holder").path("id").asText()).isEqualTo(own.personalRep().id());
        assertThat(ownEntry.path("deadlineKind").asText()).as("the next fallback").isEqualTo("PERSONAL_WINDOW");
        assertThat(Instant.parse(ownEntry.path("deadline").asText())).isEqualTo(ownCase.personalWindowEndsAt());
        assertThat(ownEntry.path("atRisk").asBoolean()).isEqualTo(!ownCase.personalWindowEndsAt().isAfter(horizon));
        Task reach = driver.task(own.caseNumber(), REACH_CUSTOMER);
        assertThat(ownEntry.path("task").path("id").asText()).isEqualTo(reach.getId());
        assertThat(ownEntry.path("task").path("link").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + reach.getId());

        JsonNode backupEntry = contact(now, backup.caseNumber());
        assertThat(backupEntry.path("ring").asText()).isEqualTo("backup");
        assertThat(backupEntry.path("holder").path("id").asText()).isEqualTo(backup.handler().id());
        assertThat(backupEntry.path("personalRep").path("id").asText()).isEqualTo(first.personalRep().id());
        assertThat(backupEntry.path("deadlineKind").asText()).isEqualTo("PROMISE");
        assertThat(Instant.parse(backupEntry.path("deadline").asText())).isEqualTo(backup.promisedBy());

        JsonNode teamEntry = contact(now, team.caseNumber());
        assertThat(teamEntry.path("ring").asText()).isEqualTo("team");
        assertThat(teamEntry.path("holder").isNull()).isTrue();
        assertThat(Instant.parse(teamEntry.path("deadline").asText())).isEqualTo(team.promisedBy());

        JsonNode firstEntry = contact(now, first.caseNumber());
        assertThat(firstEntry.path("atRisk").asBoolean()).as("an e-mail is promised within hours").isFalse();
        List<String> order = new ArrayList<>();
        now.path("contacts").forEach(c -> order.add(c.path("caseNumber").asText()));
        assertThat(order).as("at risk first").endsWith(first.caseNumber());
        assertThat(order).doesNotContain(escalated.caseNumber());

        Task escalation = driver.task(escalated.caseNumber(), SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);
        assertThat(now.path("escalations")).singleElement().satisfies(e -> {
            assertThat(e.path("caseNumber").asText()).isEqualTo(escalated.caseNumber());
            assertThat(e.path("kind").asText()).isEqualTo("ESCALATION");
            assertThat(Instant.parse(e.path("deadline").asText())).isEqualTo(escalation.getDueDate().toInstant());
            assertThat(e.path("overdue").asBoolean()).isFalse();
            assertThat(e.path("task").path("id").asText()).isEqualTo(escalation.getId());
        });
        assertThat(now.path("atRisk").asLong()).isEqualTo(count(now.path("contacts"), "atRisk"));
        assertThat(now.path("brokenToday")).isEmpty();
    }

    @Test
    void todayAndThisWeekCountKeptBrokenHandedOverAndGrantedInTheRegionsCalendar() {
        // Monday: a phone promise kept by the own rep after two minutes
        clockAt("2031-03-24T09:00:00Z");
        IntakeAnswer monday = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "monday");
        driver.passTime(Duration.ofMinutes(2), monday.caseNumber());
        driver.complete(monday.handler().id(), driver.task(monday.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));

        // Wednesday: a phone promise passes its personal window and then its promise; a colleague answers late
        clockAt("2031-03-26T09:00:00Z");
        IntakeAnswer broken = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "broken");
        Instant promiseMade = driver.now();
        driver.passTimeTo(caseFile.get(broken.caseNumber()).personalWindowEndsAt().plusSeconds(1), broken.caseNumber());
        driver.passTimeTo(broken.promisedBy().plusSeconds(1), broken.caseNumber());
        String backupRep = caseFile.history(broken.caseNumber()).stream()
            .filter(e -> e.type() == CaseEventType.HANDED_OVER_TO_BACKUP)
            .findFirst()
            .orElseThrow()
            .actor();
        driver.passTime(Duration.ofMinutes(1), broken.caseNumber());
        driver.complete(backupRep, driver.task(broken.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "late"));
        long brokenWaited = Duration.between(promiseMade, driver.now()).toSeconds();

        // and a chat kept by the own rep at once, resolved with a refund within the rep's authority
        IntakeAnswer chat = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "chat");
        driver.complete(chat.handler().id(), driver.task(chat.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        driver.complete(chat.handler().id(), driver.task(chat.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "ACCOMMODATION", "notes", "refund", "accommodationType", "REFUND", "accommodationAmount", 20,
                        "accommodationReason", "late parcel"));

        JsonNode region = board("sam", "north").path("regions").get(0);
        assertThat(region.path("timeZone").asText()).isEqualTo("Europe/Berlin");

        JsonNode week = region.path("week");
        assertThat(Instant.parse(week.path("from").asText())).as("Monday 00:00 in Hamburg").isEqualTo(Instant.parse("2031-03-23T23:00:00Z"));
        assertThat(week.path("promises").path("kept").asLong()).isEqualTo(2);
        assertThat(week.path("promises").path("broken").asLong()).isEqualTo(1);
        assertThat(week.path("promises").path("keptShare").asDouble()).isEqualTo(0.667);
        assertThat(week.path("promises").path("byChannel").path("PHONE").path("kept").asLong()).isEqualTo(1);
        assertThat(week.path("promises").path("byChannel").path("PHONE").path("broken").asLong()).isEqualTo(1);
        assertThat(week.path("promises").path("byChannel").path("PHONE").path("keptShare").asDouble()).isEqualTo(0.5);
        assertThat(week.path("promises").path("byChannel").path("CHAT").path("kept").asLong()).isEqualTo(1);
        assertThat(week.path("continuity").path("reached").asLong()).isEqualTo(3);
        assertThat(week.path("continuity").path("byOwnRep").asLong()).isEqualTo(2);
        assertThat(week.path("continuity").path("share").asDouble()).isEqualTo(0.667);
        assertThat(week.path("handovers").path("backup").asLong()).isEqualTo(1);
        assertThat(week.path("handovers").path("team").asLong()).as("offered to the team when the promise broke").isEqualTo(1);
        assertThat(week.path("handovers").path("supervisor").asLong()).isZero();
        assertThat(week.path("handovers").path("total").asLong()).isEqualTo(2);
        assertThat(week.path("firstResponse").path("answered").asLong()).isEqualTo(3);
        // waits: 0 s (chat), 120 s (Monday), the broken one's
        assertThat(week.path("firstResponse").path("p50Seconds").asLong()).isEqualTo(120);
        assertThat(week.path("firstResponse").path("p90Seconds").asLong()).isEqualTo(brokenWaited);
        assertThat(week.path("accommodationsGranted").asLong()).isEqualTo(1);
        assertThat(week.path("keptAndBroken")).hasSize(7);
        assertThat(week.path("keptAndBroken").get(0).path("label").asText()).isEqualTo("Mon 24 Mar");
        assertThat(week.path("keptAndBroken").get(0).path("kept").asLong()).isEqualTo(1);
        assertThat(week.path("keptAndBroken").get(2).path("kept").asLong()).isEqualTo(1);
        assertThat(week.path("keptAndBroken").get(2).path("broken").asLong()).isEqualTo(1);

        JsonNode today = region.path("today");
        assertThat(Instant.parse(today.path("from").asText())).as("00:00 in Hamburg").isEqualTo(Instant.parse("2031-03-25T23:00:00Z"));
        assertThat(today.path("promises").path("kept").asLong()).isEqualTo(1);
        assertThat(today.path("promises").path("broken").asLong()).isEqualTo(1);
        assertThat(today.path("promises").path("keptShare").asDouble()).isEqualTo(0.5);
        assertThat(today.path("continuity").path("reached").asLong()).isEqualTo(2);
        assertThat(today.path("continuity").path("byOwnRep").asLong()).isEqualTo(1);
        assertThat(today.path("firstResponse").path("p50Seconds").asLong()).isZero();
        assertThat(today.path("handovers").path("total").asLong()).isEqualTo(2);
        assertThat(today.path("accommodationsGranted").asLong()).isEqualTo(1);
        JsonNode hours = today.path("keptAndBroken");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(10).path("label").asText()).isEqualTo("10:00");
        assertThat(hours.get(10).path("kept").asLong()).as("the chat, 10:xx in Hamburg").isEqualTo(1);
        assertThat(hours.get(10).path("broken").asLong()).isEqualTo(1);

        JsonNode now = region.path("now");
        assertThat(now.path("brokenToday")).singleElement()
            .satisfies(b -> assertThat(b.path("caseNumber").asText()).isEqualTo(broken.caseNumber()));
        JsonNode brokenEntry = contact(now, broken.caseNumber());
        assertThat(brokenEntry.path("ring").asText()).as("reached by a colleague, who now resolves it").isEqualTo("backup");
        assertThat(brokenEntry.path("deadlineKind").asText()).isEqualTo("RESOLUTION");

        JsonNode team = region.path("team");
        JsonNode colleague = member(team, backupRep);
        assertThat(colleague.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(colleague.path("onShift").asBoolean()).isTrue();
        assertThat(colleague.path("openContacts").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode mondayRep = member(team, monday.handler().id());
        assertThat(mondayRep.path("oldest").path("caseNumber").asText()).as("Monday's case is still being resolved")
            .isEqualTo(monday.caseNumber());
        assertThat(mondayRep.path("oldest").path("task").path("id").asText())
            .isEqualTo(driver.task(monday.caseNumber(), RESOLVE_CONTACT).getId());
    }

    @Test
    void everyoneSeesTheRegionsTheRulesOfTheApiAllowAndNothingElse() {
        clockAt("2031-04-02T08:00:00Z"); // a Wednesday, 10:00 in Hamburg (CEST)
        IntakeAnswer north = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "north");

        Response sofia = api.get("/api/board", "sofia");
        assertThat(sofia.status()).isEqualTo(200);
        assertThat(sofia.json().path("regions")).singleElement()
            .satisfies(r -> assertThat(r.path("region").asText()).isEqualTo("south"));
        assertThat(sofia.body()).doesNotContain(north.caseNumber());

        Response otherRegion = api.get("/api/board?region=north", "sofia");
        assertThat(otherRegion.status()).isEqualTo(403);
        assertThat(otherRegion.body()).doesNotContain(north.caseNumber());
        assertThat(api.get("/api/board?region=north", "marco").status()).as("a rep of South").isEqualTo(403);
        assertThat(api.get("/api/board?region=north", "dana").status()).as("a rep of North").isEqualTo(200);
        assertThat(api.get("/api/board", "intake").status()).as("a channel").isEqualTo(403);
        assertThat(api.send(api.request("/api/board").GET()).status()).as("nobody").isEqualTo(401);

        Response head = api.get("/api/board", "head-of-service");
        assertThat(head.json().path("regions")).extracting(r -> r.path("region").asText())
            .as("every region side by side (other tests of the shared application add regions of their own)")
            .contains("north", "south", "east", "west");
        assertThat(head.body()).contains(north.caseNumber());
        assertThat(head.json().path("choices")).as("the region filter").extracting(r -> r.path("id").asText())
            .contains("north", "south", "east", "west");
        assertThat(sofia.json().path("choices")).extracting(r -> r.path("id").asText()).containsExactly("south");
        assertThat(api.get("/api/board?region=south", "head-of-service").json().path("regions")).singleElement()
            .satisfies(r -> assertThat(r.path("region").asText()).isEqualTo("south"));

        Response unknown = api.get("/api/board?region=atlantis", "head-of-service");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("fields").get(0).path("field").asText()).isEqualTo("region");
        assertThat(unknown.json().path("fields").get(0).path("message").asText()).contains("north");
    }

    @Test
    void aRegionsSupervisorsMayOpenItsContactsFromTheBoardButNotWorkOnThem() {
        IntakeAnswer north = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "open me");
        Task reach = driver.task(north.caseNumber(), REACH_CUSTOMER);

        assertThat(api.get("/engine-rest/task/" + reach.getId(), "sam").status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/task/" + reach.getId(), "sofia").status()).as("another region's supervisor")
            .isIn(403, 404);
        String colleague = java.util.stream.Stream.of("dana", "nils", "freya")
            .filter(rep -> !rep.equals(north.handler().id()))
            .findFirst()
            .orElseThrow();
        assertThat(api.get("/engine-rest/task/" + reach.getId(), colleague).status()).as("a colleague, while another holds it")
            .isIn(403, 404);
        Response claim = api.post("/engine-rest/task/" + reach.getId() + "/claim", "sam", Map.of("userId", "sam"));
        assertThat(claim.status()).as("%s", claim).isIn(403, 404);
        Response complete = api.post("/engine-rest/task/" + reach.getId() + "/complete", "sam", Map.of("variables", Map.of()));
        assertThat(complete.status()).as("%s", complete).isIn(400, 403, 404);
        assertThat(driver.task(north.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(north.handler().id());
    }

    @Test
    void aCaseOpenedBeforeTheBoardIsListedByItsPromiseAfterTheNextStart() {
        clockAt("2031-04-09T08:00:00Z"); // a Wednesday, 10:00 in Hamburg (CEST)
        IntakeAnswer before = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "from before V16");
        jdbc.sql("UPDATE support_case SET response_due_at = NULL WHERE case_number = ?").param(before.caseNumber()).update();

        caseFile.rememberFirstAnswersAwaited(REACH_CUSTOMER);

        JsonNode entry = contact(board("sam", "north").path("regions").get(0).path("now"), before.caseNumber());
        assertThat(entry.path("deadlineKind").asText()).isIn("PERSONAL_WINDOW", "PROMISE");
        assertThat(caseFile.rememberFirstAnswersAwaited(REACH_CUSTOMER)).as("once").isZero();
    }

    private JsonNode board(String user, String region) {
        Response answer = api.get("/api/board" + (region == null ? "" : "?region=" + region), user);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode contact(JsonNode now, String caseNumber) {
        for (JsonNode contact : now.path("contacts")) {
            if (caseNumber.equals(contact.path("caseNumber").asText())) {
                return contact;
            }
        }
        throw new AssertionError(caseNumber + " is not on the board: " + now.path("contacts"));
    }

    private static JsonNode member(JsonNode team, String repId) {
        for (JsonNode member : team) {
            if (repId.equals(member.path("id").asText())) {
                return member;
            }
        }
        throw new AssertionError(repId + " is not in the team: " + team);
    }

    private static long count(JsonNode items, String flag) {
        long n = 0;
        for (JsonNode item : items) {
            n += item.path(flag).asBoolean() ? 1 : 0;
        }
        return n;
    }

    private static void clockAt(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

}
