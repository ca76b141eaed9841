package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A rep's shifts and absences through {@code /api/reps/{id}/schedule}: the rep reads them, the region's supervisors and
 * administrators change them, bad input is refused field by field, and the rings follow what is stored.
 */
@NoHoldTest
class RepScheduleApiTests {

    static final String EXAMPLE = """
            {"shifts": {"MONDAY": [{"from": "08:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}],
                        "WEDNESDAY": [{"from": "07:00", "to": "09:30"}]},
             "absences": [{"from": "2027-03-08T00:00:00+01:00", "to": "2027-03-13T00:00:00+01:00", "kind": "VACATION",
                           "note": "skiing"}]}""";

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    RepSchedules schedules;

    @Autowired
    HandlerRings rings;

    ApiClient api;

    RepSchedule danaBefore;

    String danaBeforeText;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        danaBefore = schedules.schedule("dana");
        danaBeforeText = api.get("/api/reps/dana/schedule", "admin").body();
    }

    @AfterEach
    void restoreDana() {
        schedules.save("dana", danaBefore);
        driver.reset();
        assertThat(api.get("/api/reps/dana/schedule", "admin").body()).isEqualTo(danaBeforeText);
    }

    @Test
    void theDemoRepsWorkTwoOverlappingShiftsAndARepReadsTheirOwn() {
        JsonNode dana = ok(api.get("/api/reps/dana/schedule", "dana"));
        assertThat(dana.path("shifts").path("WEDNESDAY").toString()).isEqualTo("[{\"from\":\"08:00\",\"to\":\"14:00\"}]");
        assertThat(dana.path("shifts").has("SUNDAY")).as("a weekday left out is off").isFalse();
        JsonNode nils = ok(api.get("/api/reps/nils/schedule", "sam"));
        assertThat(nils.path("shifts").path("WEDNESDAY").toString()).isEqualTo("[{\"from\":\"09:00\",\"to\":\"18:00\"}]");
        JsonNode irina = ok(api.get("/api/reps/irina/schedule", "admin"));
        assertThat(irina.path("absences").toString())
            .isEqualTo("[{\"from\":\"2027-08-02T00:00:00+02:00\",\"to\":\"2027-08-14T00:00:00+02:00\",\"kind\":\"VACATION\","
                    + "\"note\":\"summer holiday\"}]");
    }

    @Test
    void theRegionsSupervisorChangesAScheduleAndTheRingsFollowIt() {
        JsonNode saved = ok(api.put("/api/reps/dana/schedule", "sam", EXAMPLE));
        assertThat(saved.toString()).isEqualTo("{\"shifts\":{\"MONDAY\":[{\"from\":\"08:00\",\"to\":\"12:00\"},"
                + "{\"from\":\"13:00\",\"to\":\"17:00\"}],\"WEDNESDAY\":[{\"from\":\"07:00\",\"to\":\"09:30\"}]},"
                + "\"absences\":[{\"from\":\"2027-03-08T00:00:00+01:00\",\"to\":\"2027-03-13T00:00:00+01:00\","
                + "\"kind\":\"VACATION\",\"note\":\"skiing\"}]}");
        for (String reader : List.of("dana", "sam", "admin")) {
            assertThat(ok(api.get("/api/reps/dana/schedule", reader))).as(reader).isEqualTo(saved);
        }
        // Wednesday 3 March 2027, 10:00 in Hamburg: Dana's Wednesday shift ended at 09:30, Nils is on shift
        Instant wednesday = LocalDateTime.parse("2027-03-03T10:00").atZone(BERLIN).toInstant();
        assertThat(rings.firstHandler("north", "dana", null, wednesday).map(Rep::id)).contains("nils");
        assertThat(rings.firstHandler("north", "dana", null, wednesday.minus(Duration.ofHours(1))).map(Rep::id))
            .contains("dana");
        // on vacation on Monday 8 March, back at her desk on Monday 15 March
        Instant monday = LocalDateTime.parse("2027-03-08T10:00").atZone(BERLIN).toInstant();
        assertThat(rings.firstHandler("north", "dana", null, monday).map(Rep::id)).contains("nils");
        assertThat(rings.firstHandler("north", "dana", null, monday.plus(Duration.ofDays(7))).map(Rep::id)).contains("dana");

        // an administrator takes the shifts away: Dana works whenever North is open again; a sick day still counts
        JsonNode sick = ok(api.put("/api/reps/dana/schedule", "admin",
                "{\"absences\": [{\"from\": \"2027-03-03T00:00:00Z\", \"to\": \"2027-03-04T00:00:00Z\", \"kind\": \"SICK\"}]}"));
        assertThat(sick.path("shifts").toString()).isEqualTo("{}");
        assertThat(sick.path("absences").get(0).path("from").asText()).as("shown in the region's zone")
            .isEqualTo("2027-03-03T01:00:00+01:00");
        assertThat(sick.path("absences").get(0).path("note").isNull()).isTrue();
        assertThat(rings.firstHandler("north", "dana", null, wednesday).map(Rep::id)).contains("nils");
        Instant thursdayEvening = LocalDateTime.parse("2027-03-04T17:30").atZone(BERLIN).toInstant();
        assertThat(rings.firstHandler("north", "dana", null, thursdayEvening).map(Rep::id)).as("North is open until 18:00")
            .contains("dana");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        Response answer = api.put("/api/reps/dana/schedule", "sam", """
                {"shifts": {"FUNDAY": [{"from": "08:00", "to": "12:00"}],
                            "MONDAY": [{"from": "18:00", "to": "08:00"}],
                            "TUESDAY": [{"from": "08:00", "to": "12:00"}, {"from": "11:00", "to": "17:00"}],
                            "WEDNESDAY": [{"from": "8am", "to": "24:01", "until": "later"}],
                            "THURSDAY": "09:00-17:00"},
                 "absences": [{"from": "next monday", "to": "2027-03-13T00:00:00+01:00", "kind": "HOLIDAY"},
                              {"from": "2027-03-13T00:00:00+01:00", "to": "2027-03-08T00:00:00+01:00", "kind": "SICK"},
                              {"from": "2027-03-13T00:00:00", "kind": "OTHER", "note": "two\\nlines", "why": "?"},
                              "tomorrow"],
                 "colour": "blue"}""");
        assertThat(fields(answer)).containsExactlyInAnyOrder("shifts.FUNDAY", "shifts.MONDAY[0].to", "shifts.TUESDAY[1]",
                "shifts.WEDNESDAY[0].from", "shifts.WEDNESDAY[0].to", "shifts.WEDNESDAY[0].until", "shifts.THURSDAY",
                "absences[0].from", "absences[0].kind", "absences[1].to", "absences[2].from", "absences[2].to",
                "absences[2].note", "absences[2].why", "absences[3]", "colour");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("MONDAY, TUESDAY", "overlaps shifts.TUESDAY[0]", "HH:mm", "VACATION, SICK, OTHER",
                "2027-03-08T00:00:00+01:00", "two shifts").doesNotContain("Exception", "io.nohold");
        assertThat(fields(api.put("/api/reps/dana/schedule", "sam", "{\"shifts\": [], \"absences\": {}}")))
            .containsExactlyInAnyOrder("shifts", "absences");
        assertThat(api.put("/api/reps/dana/schedule", "sam", "{\"shifts\": ").status()).isEqualTo(400);
        assertThat(api.put("/api/reps/dana/schedule", "sam", "[]").status()).isEqualTo(400);

        assertThat(api.get("/api/reps/dana/schedule", "admin").body()).as("nothing was stored").isEqualTo(danaBeforeText);
    }

    @Test
    void refusedRequestsChangeNothing() {
        assertThat(api.get("/api/reps/dana/schedule", "nils").status()).as("a colleague").isEqualTo(403);
        assertThat(api.get("/api/reps/dana/schedule", "marco").status()).as("a rep of another region").isEqualTo(403);
        assertThat(api.get("/api/reps/dana/schedule", "sofia").status()).as("another region's supervisor").isEqualTo(403);
        assertThat(api.get("/api/reps/dana/schedule", "intake").status()).as("a channel").isEqualTo(403);
        for (String caller : List.of("dana", "nils", "sofia", "head-of-service", "intake")) {
            Response refused = api.put("/api/reps/dana/schedule", caller, EXAMPLE);
            assertThat(refused.status()).as(caller).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).doesNotContain("north", "dana");
        }
        assertThat(api.send(api.request("/api/reps/dana/schedule").header("Content-Type", "application/json")
            .PUT(ApiClient.json(EXAMPLE))).status()).as("nobody signed in").isEqualTo(401);
        assertThat(api.get("/api/reps/dana/schedule", "admin").body()).isEqualTo(danaBeforeText);
        assertThat(schedules.schedule("dana")).isEqualTo(danaBefore);
    }

    @Test
    void anUnknownRepIsNotFound() {
        assertThat(api.get("/api/reps/nobody-here/schedule", "admin").status()).isEqualTo(404);
        assertThat(api.put("/api/reps/nobody-here/schedule", "admin", EXAMPLE).status()).isEqualTo(404);
    }

    @Test
    void withNobodyOnShiftThePromiseCanBeMadeForTheFirstMomentSomeoneIs() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-03-06T14:00").atZone(BERLIN).toInstant()));
        Instant saturdayAfternoon = driver.now();
        // Saturday 6 March 2027, 14:00: Freya's Saturday shift ended at 13:00; Dana starts on Monday at 08:00
        assertThat(rings.firstMomentSomeoneCanAnswer("north", saturdayAfternoon))
            .contains(LocalDateTime.parse("2027-03-08T08:00").atZone(BERLIN).toInstant());
        assertThat(rings.firstHandler("north", "dana", null)).as("nobody on shift now").isEmpty();
        driver.setStatus("dana", RepStatus.AWAY);
        assertThat(rings.firstMomentSomeoneCanAnswer("north", saturdayAfternoon)).as("only reps who are available")
            .contains(LocalDateTime.parse("2027-03-08T09:00").atZone(BERLIN).toInstant());
        driver.setStatusOfRegion("north", RepStatus.OFF);
        assertThat(rings.firstMomentSomeoneCanAnswer("north", saturdayAfternoon)).isEmpty();
    }

    private static JsonNode ok(Response answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> fields(Response answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        List<String> names = new ArrayList<>();
        answer.json().path("fields").forEach(field -> names.add(field.path("field").asText()));
        return names;
    }

}
