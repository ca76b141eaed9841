package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
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
import io.nohold.testsupport.WorkingDayClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Region calendars through {@code /api/regions/{id}/calendar}: the region's people read it, administrators change it,
 * bad input is refused field by field, and a change applies from the moment it is made.
 */
@NoHoldTest
class RegionCalendarApiTests {

    static final String EXAMPLE = """
            {"timeZone": "Europe/Berlin", "openingHours": {"MONDAY": [{"from": "08:00", "to": "18:00"}]},
             "holidays": {"country": "DE", "subdivision": "HH"}, "closedDates": ["2026-12-24"]}""";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    RegionCalendars calendars;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    String westBefore;

    long lastVersion;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        westBefore = api.get("/api/regions/west/calendar", "admin").body();
        lastVersion = jdbc.sql("SELECT MAX(id) FROM region_calendar").query(Long.class).single();
    }

    /** Takes back the versions a test added, so that no other test meets them at a moved clock. */
    @AfterEach
    void restoreWest() {
        driver.reset();
        for (String table : List.of("region_opening_hours", "region_closed_date")) {
            jdbc.sql("DELETE FROM " + table + " WHERE calendar_id > ?").param(lastVersion).update();
        }
        jdbc.sql("DELETE FROM region_calendar WHERE id > ?").param(lastVersion).update();
        assertThat(api.get("/api/regions/west/calendar", "admin").body()).isEqualTo(westBefore);
    }

    @Test
    void theDemoRegionsHaveRealisticCalendars() {
        JsonNode north = ok(api.get("/api/regions/north/calendar", "dana"));
        assertThat(north.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(north.path("openingHours").path("FRIDAY").toString()).isEqualTo("[{\"from\":\"08:00\",\"to\":\"18:00\"}]");
        assertThat(north.path("openingHours").path("SATURDAY").toString()).isEqualTo("[{\"from\":\"09:00\",\"to\":\"13:00\"}]");
        assertThat(north.path("openingHours").has("SUNDAY")).as("a weekday left out is closed").isFalse();
        assertThat(north.path("holidays").toString()).isEqualTo("{\"country\":\"DE\",\"subdivision\":\"HH\"}");
        assertThat(north.path("closedDates").toString()).contains("2026-12-24");
        JsonNode south = ok(api.get("/api/regions/south/calendar", "sofia"));
        assertThat(south.path("timeZone").asText()).isEqualTo("Europe/Rome");
        assertThat(south.path("openingHours").path("MONDAY")).as("a lunch break").hasSize(2);
        assertThat(ok(api.get("/api/regions/east/calendar", "head-of-service")).path("timeZone").asText())
            .isEqualTo("Europe/Warsaw");
        assertThat(ok(api.get("/api/regions/west/calendar", "admin")).path("holidays").path("country").asText())
            .isEqualTo("FR");
    }

    @Test
    void anAdministratorChangesACalendarAndEveryoneAllowedReadsIt() {
        JsonNode saved = ok(api.put("/api/regions/west/calendar", "admin", EXAMPLE));
        assertThat(saved.toString()).isEqualTo("{\"timeZone\":\"Europe/Berlin\",\"openingHours\":{\"MONDAY\":[{\"from\":\"08:00\","
                + "\"to\":\"18:00\"}]},\"holidays\":{\"country\":\"DE\",\"subdivision\":\"HH\"},\"closedDates\":[\"2026-12-24\"]}");
        for (String reader : List.of("claire", "henri", "head-of-service", "admin")) {
            assertThat(ok(api.get("/api/regions/west/calendar", reader))).as(reader).isEqualTo(saved);
        }
        // several intervals a day, open until midnight, lower-case codes, no subdivision, unordered duplicate dates
        JsonNode second = ok(api.put("/api/regions/west/calendar", "admin", """
                {"timeZone": "Europe/Paris",
                 "openingHours": {"SATURDAY": [{"from": "14:00", "to": "24:00"}, {"from": "09:00", "to": "12:30"}]},
                 "holidays": {"country": "fr"}, "closedDates": ["2027-01-02", "2026-12-31", "2027-01-02"]}"""));
        assertThat(second.path("openingHours").toString())
            .isEqualTo("{\"SATURDAY\":[{\"from\":\"09:00\",\"to\":\"12:30\"},{\"from\":\"14:00\",\"to\":\"24:00\"}]}");
        assertThat(second.path("holidays").toString()).isEqualTo("{\"country\":\"FR\",\"subdivision\":null}");
        assertThat(second.path("closedDates").toString()).isEqualTo("[\"2026-12-31\",\"2027-01-02\"]");
        // without holidays
        JsonNode third = ok(api.put("/api/regions/west/calendar", "admin",
                "{\"timeZone\": \"UTC\", \"openingHours\": {\"SUNDAY\": [{\"from\": \"00:00\", \"to\": \"24:00\"}]}}"));
        assertThat(third.path("holidays").isNull()).isTrue();
        assertThat(third.path("closedDates")).isEmpty();
    }

    @Test
    void aChangeAppliesToWhatIsReceivedAfterIt() {
        // a day after the tests' working morning: after the demo's calendar was stored, whenever the application started
        Instant before = WorkingDayClock.WEDNESDAY_MORNING.plus(Duration.ofDays(1));
        Instant change = before.plus(Duration.ofMinutes(30));
        ClockUtil.setCurrentTime(Date.from(change));
        ok(api.put("/api/regions/west/calendar", "admin", EXAMPLE));
        assertThat(calendars.at("west", before).timeZone()).as("received before the change").isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(calendars.at("west", change).timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(calendars.at("west", change).openingHours()).containsOnlyKeys(DayOfWeek.MONDAY);
        // Friday 17:55 in Berlin plus 15 minutes of business time: only Mondays are open now, from 08:00
        Instant friday = LocalDateTime.parse("2026-12-04T17:55").atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(calendars.businessCalendar("west", change).plusBusinessTime(friday, Duration.ofMinutes(15)))
            .isEqualTo(LocalDateTime.parse("2026-12-07T08:15").atZone(ZoneId.of("Europe/Berlin")).toInstant());
        // and the Paris calendar still measures what came in before (even before it was first set): Mon-Fri 09:00-19:00
        assertThat(calendars.businessCalendar("west", before).plusBusinessTime(friday, Duration.ofMinutes(15)))
            .isEqualTo(LocalDateTime.parse("2026-12-04T18:10").atZone(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(calendars.at("west", Instant.parse("2020-01-01T00:00:00Z")).timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        String stored = api.get("/api/regions/west/calendar", "admin").body();
        Response answer = api.put("/api/regions/west/calendar", "admin", """
                {"timeZone": "Europe/Atlantis",
                 "openingHours": {"FUNDAY": [{"from": "08:00", "to": "18:00"}],
                                  "MONDAY": [{"from": "18:00", "to": "08:00"}],
                                  "TUESDAY": [{"from": "08:00", "to": "12:00"}, {"from": "11:00", "to": "17:00"}],
                                  "WEDNESDAY": [{"from": "8am", "to": "24:01", "until": "later"}],
                                  "THURSDAY": "09:00-17:00"},
                 "holidays": {"country": "XX"},
                 "closedDates": ["2026-02-30", "24.12.2026", 20261224],
                 "colour": "blue"}""");
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("timeZone", "openingHours.FUNDAY", "openingHours.MONDAY[0].to",
                "openingHours.TUESDAY[1]", "openingHours.WEDNESDAY[0].from", "openingHours.WEDNESDAY[0].to",
                "openingHours.WEDNESDAY[0].until", "openingHours.THURSDAY", "holidays.country", "closedDates[0]",
                "closedDates[1]", "closedDates[2]", "colour");
        assertThat(answer.body()).contains("Europe/Berlin", "MONDAY, TUESDAY", "overlaps openingHours.TUESDAY[0]", "HH:mm",
                "YYYY-MM-DD").doesNotContain("Exception", "io.nohold", "jollyday");

        Response subdivision = api.put("/api/regions/west/calendar", "admin", """
                {"timeZone": "Europe/Berlin", "openingHours": {"MONDAY": [{"from": "08:00", "to": "18:00"}]},
                 "holidays": {"country": "DE", "subdivision": "XY"}}""");
        assertThat(fields(subdivision)).containsExactly("holidays.subdivision");
        assertThat(subdivision.body()).contains("BY", "HH", "NW");

        Response closedEveryDay = api.put("/api/regions/west/calendar", "admin",
                "{\"timeZone\": \"Europe/Berlin\", \"openingHours\": {\"MONDAY\": []}}");
        assertThat(fields(closedEveryDay)).containsExactly("openingHours");
        assertThat(fields(api.put("/api/regions/west/calendar", "admin", "{\"openingHours\": {}}")))
            .containsExactlyInAnyOrder("timeZone", "openingHours");
        assertThat(api.put("/api/regions/west/calendar", "admin", "{\"timeZone\": ").status()).isEqualTo(400);
        assertThat(api.put("/api/regions/west/calendar", "admin", "[]").status()).isEqualTo(400);

        assertThat(api.get("/api/regions/west/calendar", "admin").body()).as("nothing was stored").isEqualTo(stored);
    }

    @Test
    void anUnknownRegionIsNotFound() {
        assertThat(api.get("/api/regions/atlantis/calendar", "admin").status()).isEqualTo(404);
        assertThat(api.put("/api/regions/atlantis/calendar", "admin", EXAMPLE).status()).isEqualTo(404);
    }

    @Test
    void onlyTheRegionsPeopleReadItAndOnlyAdministratorsChangeIt() {
        assertThat(api.get("/api/regions/west/calendar", "dana").status()).as("a rep of another region").isEqualTo(403);
        assertThat(api.get("/api/regions/west/calendar", "sam").status()).as("a supervisor of another region").isEqualTo(403);
        assertThat(api.get("/api/regions/west/calendar", "intake").status()).as("a channel").isEqualTo(403);
        for (String caller : List.of("claire", "henri", "head-of-service", "intake")) {
            assertThat(api.put("/api/regions/west/calendar", caller, EXAMPLE).status()).as(caller).isEqualTo(403);
        }
        assertThat(api.get("/api/regions/west/calendar", "admin").body()).isEqualTo(westBefore);
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
