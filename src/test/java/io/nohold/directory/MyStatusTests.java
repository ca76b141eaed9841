package io.nohold.directory;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.desk.TasklistApi;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rep sets their own status from a page signed in to the Tasklist ({@code /api/me} with the webapps' session and
 * CSRF token). Going AWAY hands on the contacts whose promise falls in the absence, and the case history says so.
 */
@NoHoldTest
class MyStatusTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile caseFile;

    @Autowired
    RegionDirectory directory;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void workingMorning() {
        api = new ApiClient(port);
        driver.clearDesksOf("north");
        // Wednesday 3 March 2027, 10:00 in Hamburg: North is open, Dana, Nils and Freya work
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-03-03T10:00").atZone(BERLIN).toInstant()));
    }

    @AfterEach
    void restore() {
        driver.clearDesksOf("north");
        driver.reset();
    }

    @Test
    void aRepSignedInToTheTasklistReadsWhoTheyAreAndGoesAwayWithTheSessionAndItsToken() {
        TasklistApi dana = TasklistApi.logIn(port, "dana");

        Response me = dana.nohold("GET", "/api/me", null, false);
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo("dana");
        assertThat(me.json().path("name").asText()).isEqualTo("Dana Berg");
        assertThat(me.json().path("role").asText()).isEqualTo("REP");
        assertThat(me.json().path("region").asText()).isEqualTo("north");
        assertThat(me.json().path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(me.json().path("awayUntil").isNull()).isTrue();

        Instant back = driver.now().plus(Duration.ofHours(1));
        Response away = dana.nohold("PUT", "/api/me/status", Map.of("status", "AWAY", "until", back.toString()), true);
        assertThat(away.status()).as("%s", away).isEqualTo(200);
        assertThat(away.json().path("status").asText()).isEqualTo("AWAY");
        assertThat(Instant.parse(away.json().path("awayUntil").asText())).isEqualTo(back);
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AWAY);

        // back at the time she gave, without doing anything
        driver.passTime(Duration.ofHours(1));
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
        assertThat(dana.nohold("GET", "/api/me", null, false).json().path("status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void theTasklistSessionStaysSignedInAfterCallingTheApi() {
        TasklistApi dana = TasklistApi.logIn(port, "dana");
        assertThat(dana.get("/filter?resourceType=Task").status()).isEqualTo(200);
        Response me = dana.nohold("GET", "/api/me", null, true);
        assertThat(me.status()).isEqualTo(200);
        // the webapps' session keeps its id: the Tasklist's requests under way still carry it
        assertThat(me.header("Set-Cookie")).as("no new session id").isNull();
        assertThat(dana.nohold("PUT", "/api/me/status", Map.of("status", "AVAILABLE"), true).status()).isEqualTo(200);
        Response filters = dana.get("/filter?resourceType=Task");
        assertThat(filters.status()).as("%s", filters).isEqualTo(200);
    }

    @Test
    void withoutTheSessionsTokenAStatusChangeIsRefusedAndChangesNothing() {
        IntakeAnswer held = driver.submit("EMAIL", customer("C-1001"), "held by Dana", false, true);
        assertThat(held.handler().id()).isEqualTo("dana");
        TasklistApi dana = TasklistApi.logIn(port, "dana");

        Response missing = dana.nohold("PUT", "/api/me/status", Map.of("status", "AWAY"), false);
        assertThat(missing.status()).as("%s", missing).isEqualTo(403);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().path("detail").asText()).contains("X-XSRF-TOKEN");

        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
        assertThat(driver.task(held.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo("dana");
        assertThat(history(held.caseNumber(), CaseEventType.WENT_AWAY)).isEmpty();
        // the session is still good: with the token the same request works
        assertThat(dana.nohold("PUT", "/api/me/status", Map.of("status", "OFF"), true).status()).isEqualTo(200);
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.OFF);
    }

    @Test
    void aRepCannotSetAnothersStatusWithTheirSessionOrTheirPassword() {
        TasklistApi dana = TasklistApi.logIn(port, "dana");
        // the session opens only /api/me: another rep's availability needs HTTP Basic, and then it is refused
        Response bySession = dana.nohold("PUT", "/api/reps/nils/availability", Map.of("status", "OFF"), true);
        assertThat(bySession.status()).as("%s", bySession).isEqualTo(401);
        Response byPassword = api.put("/api/reps/nils/availability", "dana", Map.of("status", "OFF"));
        assertThat(byPassword.status()).as("%s", byPassword).isEqualTo(403);
        // and /api/me/status takes no id: an unknown field is refused, naming it
        Response forged = dana.nohold("PUT", "/api/me/status", Map.of("status", "OFF", "id", "nils"), true);
        assertThat(forged.status()).as("%s", forged).isEqualTo(400);
        assertThat(forged.body()).contains("\"id\"");
        assertThat(directory.findRep("nils").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
    }

    @Test
    void withoutASessionOrWithASessionElsewhereTheCallerIsNobody() {
        assertThat(api.send(api.request("/api/me")).status()).isEqualTo(401);
        TasklistApi dana = TasklistApi.logIn(port, "dana");
        assertThat(dana.nohold("GET", "/api/customers/C-1001", null, true).status())
            .as("the session opens only the endpoints meant for pages").isEqualTo(401);
        assertThat(api.get("/api/me", "dana").json().path("id").asText()).as("HTTP Basic works too").isEqualTo("dana");
        Response headOfService = api.get("/api/me", "head-of-service");
        assertThat(headOfService.json().path("role").asText()).isEqualTo("HEAD_OF_SERVICE");
        assertThat(headOfService.json().path("status").isNull()).isTrue();
        assertThat(api.put("/api/me/status", "head-of-service", Map.of("status", "AWAY")).status())
            .as("only people of the directory have a status").isEqualTo(403);
        assertThat(api.get("/api/me", "intake").status()).as("a channel is nobody here").isEqualTo(403);
    }

    @Test
    void goingAwayHandsOnOnlyTheContactsWhosePromiseFallsInTheAbsence() {
        IntakeAnswer early = driver.submit("EMAIL", customer("C-1001"), "promised early", false, true);
        driver.passTime(Duration.ofMinutes(45));
        IntakeAnswer later = driver.submit("EMAIL", customer("C-1004"), "promised later", false, true);
        assertThat(early.handler().id()).isEqualTo("dana");
        assertThat(later.handler().id()).isEqualTo("dana");
        Instant earlyPromise = caseFile.get(early.caseNumber()).promisedBy();
        Instant laterPromise = caseFile.get(later.caseNumber()).promisedBy();
        Instant back = earlyPromise.plus(Duration.between(earlyPromise, laterPromise).dividedBy(2));
        assertThat(back).isAfter(earlyPromise).isBefore(laterPromise);

        TasklistApi dana = TasklistApi.logIn(port, "dana");
        Response away = dana.nohold("PUT", "/api/me/status", Map.of("status", "AWAY", "until", back.toString()), true);
        assertThat(away.status()).as("%s", away).isEqualTo(200);

        assertThat(driver.task(early.caseNumber(), REACH_CUSTOMER).getAssignee()).as("promised while Dana is away")
            .isEqualTo("nils");
        assertThat(caseFile.get(early.caseNumber()).handlerId()).isEqualTo("nils");
        assertThat(caseFile.get(early.caseNumber()).personalRepId()).as("the relationship stays").isEqualTo("dana");
        assertThat(history(early.caseNumber(), CaseEventType.WENT_AWAY)).singleElement()
            .satisfies(detail -> assertThat(detail).startsWith("Dana Berg is away until ")
                .endsWith("; from Dana Berg to Nils Olsen"));
        assertThat(driver.task(later.caseNumber(), REACH_CUSTOMER).getAssignee()).as("promised after Dana is back")
            .isEqualTo("dana");
        assertThat(history(later.caseNumber(), CaseEventType.WENT_AWAY)).isEmpty();

        // the case history as the API shows it names the move too
        Response view = api.get("/api/cases/" + early.caseNumber(), "sam");
        assertThat(view.body()).contains("Dana Berg is away until");
    }

    @Test
    void awayWithoutAReturnTimeHandsOnEveryContactAndTheTeamGetsItWhenNobodyIsOnShift() {
        IntakeAnswer held = driver.submit("EMAIL", customer("C-1001"), "nobody left", false, true);
        assertThat(held.handler().id()).isEqualTo("dana");
        driver.setStatus("nils", RepStatus.AWAY);
        driver.setStatus("freya", RepStatus.OFF);

        Response away = api.put("/api/me/status", "dana", Map.of("status", "AWAY"));
        assertThat(away.status()).as("%s", away).isEqualTo(200);

        assertThat(driver.task(held.caseNumber(), REACH_CUSTOMER).getAssignee()).isNull();
        assertThat(driver.candidateGroups(driver.task(held.caseNumber(), REACH_CUSTOMER))).containsExactly("reps-north");
        assertThat(history(held.caseNumber(), CaseEventType.WENT_AWAY))
            .containsExactly("Dana Berg is away and no backup is on shift; offered to reps-north");
    }

    @Test
    void signingOffHandsOnEveryContactHeldWhateverItsDeadline() {
        IntakeAnswer early = driver.submit("EMAIL", customer("C-1001"), "promised early", false, true);
        driver.passTime(Duration.ofMinutes(45));
        IntakeAnswer later = driver.submit("EMAIL", customer("C-1004"), "promised later", false, true);
        assertThat(early.handler().id()).isEqualTo("dana");
        assertThat(later.handler().id()).isEqualTo("dana");

        TasklistApi dana = TasklistApi.logIn(port, "dana");
        Response off = dana.nohold("PUT", "/api/me/status", Map.of("status", "OFF"), true);
        assertThat(off.status()).as("%s", off).isEqualTo(200);

        for (IntakeAnswer contact : List.of(early, later)) {
            assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER).getAssignee()).as(contact.caseNumber())
                .isEqualTo("nils");
            assertThat(caseFile.get(contact.caseNumber()).personalRepId()).as("the relationship stays").isEqualTo("dana");
            assertThat(history(contact.caseNumber(), CaseEventType.WENT_AWAY))
                .containsExactly("Dana Berg is off duty; from Dana Berg to Nils Olsen");
        }
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.OFF);
    }

    @Test
    void aReturnTimeThatIsNotAcceptedIsNamed() {
        TasklistApi dana = TasklistApi.logIn(port, "dana");
        for (Object until : List.of("tomorrow", driver.now().minus(Duration.ofMinutes(1)).toString(),
                driver.now().plus(Duration.ofDays(200)).toString())) {
            Response refused = dana.nohold("PUT", "/api/me/status", Map.of("status", "AWAY", "until", until), true);
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.json().path("fields").get(0).path("field").asText()).isEqualTo("until");
        }
        Response notAway = dana.nohold("PUT", "/api/me/status",
                Map.of("status", "OFF", "until", driver.now().plus(Duration.ofHours(1)).toString()), true);
        assertThat(notAway.status()).isEqualTo(400);
        assertThat(notAway.json().path("fields").get(0).path("message").asText()).contains("only for AWAY");
        Response unknown = dana.nohold("PUT", "/api/me/status", Map.of("status", "ASLEEP"), true);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
    }

    private List<String> history(String caseNumber, CaseEventType type) {
        return jdbc.sql("SELECT detail FROM case_event WHERE case_number = ? AND type = ? ORDER BY id")
            .param(caseNumber)
            .param(type.name())
            .query(String.class)
            .list();
    }

    private static CustomerDetails customer(String id) {
        return new CustomerDetails(id, null, null, null, null, null);
    }

}
