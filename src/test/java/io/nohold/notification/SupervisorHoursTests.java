package io.nohold.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.MorningLists;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationKind;
import io.nohold.contact.IntakeAnswer;
import io.nohold.directory.RegionCalendars;
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

/**
 * Supervisors are told of broken promises within their own business hours: what breaks while their region is closed
 * is handed to the channels at the next opening and is on their morning list, which one notification summarises. The
 * region is North (Europe/Berlin, weekdays 08:00-18:00); the day is Wednesday 9 June 2027, a summer working day.
 */
@NoHoldTest
class SupervisorHoursTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final String HAMBURG = "20095";

    static final String SUPERVISORS = "supervisors-north";

    static final Instant WEDNESDAY_MORNING = berlin("2027-06-09T10:00");

    static final Instant WEDNESDAY_CLOSING = berlin("2027-06-09T18:00");

    static final Instant THURSDAY_OPENING = berlin("2027-06-10T08:00");

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile caseFile;

    @Autowired
    MorningLists morningLists;

    @Autowired
    RegionCalendars calendars;

    ApiClient api;

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static void clockAt(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aPromiseBrokenAtNightReachesTheSupervisorsAtTheOpeningAndIsOnTheirMorningList() {
        // how long North promises a call back, read from a case of the morning, so that the next one falls due at closing
        clockAt(WEDNESDAY_MORNING);
        CaseRecord probe = caseFile.get(driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "probe").caseNumber());
        Duration firstResponse = Duration.between(probe.receivedAt(), probe.promisedBy());
        clockAt(WEDNESDAY_CLOSING.minus(firstResponse));
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me tonight");
        String caseNumber = answer.caseNumber();
        Instant promisedBy = caseFile.get(caseNumber).promisedBy();
        assertThat(calendars.businessCalendar("north", promisedBy).isOpen(promisedBy))
            .as("the promise falls due when North has closed (%s)", promisedBy)
            .isFalse();

        driver.passTime(Duration.between(driver.now(), promisedBy.minusSeconds(1)), caseNumber);
        String holder = caseFile.get(caseNumber).handlerId();
        driver.passTime(Duration.ofSeconds(2), caseNumber);

        Notification broken = supervisorNotification(caseNumber, NotificationKind.PROMISE_BROKEN);
        assertThat(broken.deliverAfter()).as("held until North opens on Thursday").isEqualTo(THURSDAY_OPENING);
        assertThat(outboxIds("/api/notifications?recipient=" + SUPERVISORS + "&pending=true&limit=1000"))
            .doesNotContain(broken.id());
        assertThat(outboxIds("/api/notifications?caseNumber=" + caseNumber)).doesNotContain(broken.id());
        Response early = api.post("/api/notifications/" + broken.id() + "/delivered", "intake", null);
        assertThat(early.status()).as("a held notification cannot have been delivered: %s", early).isEqualTo(409);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(supervisorNotification(caseNumber, NotificationKind.PROMISE_BROKEN).deliveredAt()).isNull();

        // at night, a supervisor who looks anyway sees the night so far
        clockAt(berlin("2027-06-09T23:00"));
        JsonNode tonight = morningList("sam", "");
        assertThat(tonight.path("from").asText()).isEqualTo(WEDNESDAY_CLOSING.toString());
        assertThat(entriesOf(tonight, caseNumber)).extracting(e -> e.path("what").asText()).containsExactly("PROMISE_BROKEN");

        clockAt(THURSDAY_OPENING.plus(Duration.ofMinutes(5)));
        assertThat(outboxIds("/api/notifications?recipient=" + SUPERVISORS + "&pending=true&limit=1000"))
            .contains(broken.id());
        assertThat(morningLists.composeDue()).as("another node looking again composes nothing").isZero();
        assertThat(outboxIds("/api/notifications?caseNumber=" + caseNumber)).contains(broken.id());
        Response delivered = api.post("/api/notifications/" + broken.id() + "/delivered", "intake", null);
        assertThat(delivered.status()).as("after the opening: %s", delivered).isBetween(200, 204);
        assertThat(supervisorNotification(caseNumber, NotificationKind.PROMISE_BROKEN).deliveredAt()).isNotNull();

        List<JsonNode> morning = morningListNotificationsSince(THURSDAY_OPENING);
        assertThat(morning).as("one morning list for North's opening").hasSize(1);
        assertThat(morning.get(0).path("text").asText()).startsWith("Morning list for North: while closed from Wednesday 9 June, 18:00 CEST to Thursday 10 June, 08:00 CEST")
            .contains(caseNumber + " promise broken at ");

        JsonNode list = morningList("sam", "");
        assertThat(list.path("from").asText()).isEqualTo(WEDNESDAY_CLOSING.toString());
        assertThat(list.path("to").asText()).isEqualTo(THURSDAY_OPENING.toString());
        assertThat(list.path("toText").asText()).isEqualTo("Thursday 10 June, 08:00 CEST");
        List<JsonNode> entries = entriesOf(list, caseNumber);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("what").asText()).isEqualTo("PROMISE_BROKEN");
        assertThat(Instant.parse(entries.get(0).path("at").asText())).isAfter(promisedBy);
        assertThat(entries.get(0).path("handler").path("id").asText()).isEqualTo(holder);
        assertThat(entries.get(0).path("handler").path("name").asText()).isNotBlank();
        assertThat(entriesOf(list, probe.caseNumber())).as("what happened in open hours is not on it").isEmpty();
    }

    @Test
    void aPromiseBrokenInOpenHoursIsHandedOutAtOnce() {
        clockAt(WEDNESDAY_MORNING);
        String caseNumber = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "hello?").caseNumber();
        Instant promisedBy = caseFile.get(caseNumber).promisedBy();
        assertThat(calendars.businessCalendar("north", promisedBy).isOpen(promisedBy)).isTrue();

        driver.passTime(Duration.between(driver.now(), promisedBy.plusSeconds(1)), caseNumber);

        Notification broken = supervisorNotification(caseNumber, NotificationKind.PROMISE_BROKEN);
        assertThat(broken.deliverAfter()).isNull();
        assertThat(outboxIds("/api/notifications?caseNumber=" + caseNumber)).contains(broken.id());
        assertThat(outboxIds("/api/notifications?recipient=" + SUPERVISORS + "&pending=true&limit=1000"))
            .contains(broken.id());
    }

    @Test
    void theMorningListIsForTheRegionsOwnSupervisors() {
        assertThat(api.get("/api/regions/north/morning-list", "sam").status()).isEqualTo(200);
        assertThat(api.get("/api/regions/north/morning-list", "head-of-service").status()).isEqualTo(200);
        assertThat(api.get("/api/regions/north/morning-list", "piotr").status()).as("East's supervisor").isEqualTo(403);
        assertThat(api.get("/api/regions/north/morning-list", "dana").status()).as("a rep").isEqualTo(403);
        assertThat(api.get("/api/regions/atlantis/morning-list", "admin").status()).isEqualTo(404);
    }

    @Test
    void sinceNamesItsFieldWhenItIsNotAnInstant() {
        Response answer = api.get("/api/regions/north/morning-list?since=yesterday", "sam");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("fields").get(0).path("field").asText()).isEqualTo("since");
        assertThat(answer.json().path("fields").get(0).path("message").asText()).contains("2027-03-03T17:00:00Z");
    }

    @Test
    void sinceListsWhatHappenedFromThen() {
        clockAt(WEDNESDAY_MORNING);
        String caseNumber = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "anyone?").caseNumber();
        Instant promisedBy = caseFile.get(caseNumber).promisedBy();
        driver.passTime(Duration.between(driver.now(), promisedBy.plusSeconds(1)), caseNumber);
        clockAt(driver.now().plus(Duration.ofMinutes(30)));

        JsonNode list = morningList("sam", "?since=" + WEDNESDAY_MORNING);

        assertThat(list.path("from").asText()).isEqualTo(WEDNESDAY_MORNING.toString());
        assertThat(entriesOf(list, caseNumber)).extracting(e -> e.path("what").asText()).contains("PROMISE_BROKEN");
    }

    private Notification supervisorNotification(String caseNumber, NotificationKind kind) {
        return caseFile.notifications(caseNumber)
            .stream()
            .filter(n -> n.kind() == kind && SUPERVISORS.equals(n.recipient()))
            .reduce((a, b) -> {
                throw new AssertionError("more than one " + kind + " to " + SUPERVISORS + " on " + caseNumber);
            })
            .orElseThrow(() -> new AssertionError("no " + kind + " to " + SUPERVISORS + " on " + caseNumber));
    }

    private List<Long> outboxIds(String path) {
        Response answer = api.get(path, "intake");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }

    private List<JsonNode> morningListNotificationsSince(Instant from) {
        Response answer = api.get("/api/notifications?recipient=" + SUPERVISORS + "&limit=1000", "intake");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false)
            .filter(n -> n.path("kind").asText().equals("MORNING_LIST"))
            .filter(n -> !Instant.parse(n.path("createdAt").asText()).isBefore(from))
            .toList();
    }

    private JsonNode morningList(String user, String query) {
        Response answer = api.get("/api/regions/north/morning-list" + query, user);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<JsonNode> entriesOf(JsonNode list, String caseNumber) {
        return StreamSupport.stream(list.path("entries").spliterator(), false)
            .filter(e -> e.path("caseNumber").asText().equals(caseNumber))
            .toList();
    }

}
