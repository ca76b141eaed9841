package io.nohold.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding cases and customers over HTTP: by each kind of key, within the caller's region only (the same rule as
 * {@code GET /api/cases/{caseNumber}}), page by page, and every refused input named.
 */
@NoHoldTest
class SearchApiTests {

    static final String HAMBURG = "20095";

    static final String MUNICH = "80331";

    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    ApiClient api;

    /** A word nobody else's data contains, so that the shared test database answers only this test's cases. */
    String tag;

    String northPhone;

    CustomerDetails northCustomer;

    IntakeAnswer north;

    IntakeAnswer south;

    @BeforeEach
    void oneCaseInNorthAndOneInSouthThatBothMatch() {
        api = new ApiClient(port);
        tag = word();
        northPhone = "+49 40 " + (2_000_000 + RANDOM.nextInt(7_000_000));
        northCustomer = new CustomerDetails(null, "Ingrid " + capitalised(tag), "Ingrid." + tag + "@example.com", northPhone,
                HAMBURG, "DE");
        north = open(northCustomer, capitalised(tag) + " blender broken");
        south = open(new CustomerDetails(null, "Ingrid " + capitalised(tag), "ingrid." + tag + "@south.example.com",
                "+49 89 " + (2_000_000 + RANDOM.nextInt(7_000_000)), MUNICH, "DE"), capitalised(tag) + " blender broken");
        assertThat(north.region()).isEqualTo("north");
        assertThat(south.region()).isEqualTo("south");
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aNorthRepFindsTheNorthCaseByEachKindOfKeyAndNeverTheSouthOne() {
        String digits = north.caseNumber().substring(3).replaceFirst("^0+", "");
        String national = "040 " + northPhone.substring("+49 40 ".length());
        for (String q : List.of(north.caseNumber(), north.caseNumber().toLowerCase(Locale.ROOT), digits,
                north.caseNumber().substring(0, north.caseNumber().length() - 1), "INGRID." + tag.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM",
                northPhone, northPhone.replace(" ", ""), "0049 40 " + northPhone.substring(7), national, tag, "blender " + tag,
                "Ingrid " + tag, capitalised(tag))) {
            List<String> found = caseNumbers(search("/api/cases", q, "dana"));
            assertThat(found).as("q=%s", q).contains(north.caseNumber()).doesNotContain(south.caseNumber());
        }
        JsonNode item = search("/api/cases", north.caseNumber(), "dana").path("items").get(0);
        assertThat(item.path("caseNumber").asText()).isEqualTo(north.caseNumber());
        assertThat(item.path("customer").path("id").asText()).isEqualTo(north.customerId());
        assertThat(item.path("customer").path("name").asText()).isEqualTo("Ingrid " + capitalised(tag));
        assertThat(item.path("region").path("id").asText()).isEqualTo("north");
        assertThat(item.path("region").path("name").asText()).isEqualTo("North");
        assertThat(item.path("state").asText()).isEqualTo("OPEN");
        assertThat(item.path("handler").path("id").asText()).isEqualTo(north.handler().id());
        assertThat(item.path("handler").path("name").asText()).isEqualTo(north.handler().name());
        assertThat(item.path("subject").asText()).isEqualTo(capitalised(tag) + " blender broken");
        assertThat(item.path("promisedBy").asText()).isEqualTo(north.promisedBy().toString());
        assertThat(item.path("promisedByText").asText()).isEqualTo(north.promisedByText());
    }

    @Test
    void aNorthRepDoesNotFindTheSouthCaseOrCustomerEvenByItsOwnKeys() {
        assertThat(search("/api/cases", south.caseNumber(), "dana").path("total").asLong()).isZero();
        assertThat(search("/api/cases", "ingrid." + tag + "@south.example.com", "dana").path("total").asLong()).isZero();
        assertThat(search("/api/customers", "ingrid." + tag + "@south.example.com", "dana").path("total").asLong()).isZero();
        assertThat(search("/api/cases", south.caseNumber(), "sam").path("total").asLong()).as("North's supervisor").isZero();
        assertThat(caseNumbers(search("/api/cases", tag, "marco"))).as("a South rep sees South's case only")
            .containsExactly(south.caseNumber());
    }

    @Test
    void headOfServiceAdminsAndChannelsFindBothRegions() {
        for (String caller : List.of("head-of-service", "admin", "intake")) {
            assertThat(caseNumbers(search("/api/cases", tag, caller))).as(caller)
                .containsExactly(south.caseNumber(), north.caseNumber());
            assertThat(ids(search("/api/customers", "ingrid " + tag, caller))).as(caller)
                .containsExactly(south.customerId(), north.customerId());
        }
    }

    @Test
    void customersByNameEmailAndPhoneWithTheirOpenCases() {
        open(northCustomer, "Second question");
        for (String q : List.of("Ingrid " + tag, tag, "ingrid." + tag + "@example.com", northPhone,
                "040 " + northPhone.substring(7))) {
            JsonNode answer = search("/api/customers", q, "dana");
            assertThat(ids(answer)).as("q=%s", q).containsExactly(north.customerId());
        }
        JsonNode customer = search("/api/customers", northPhone, "dana").path("items").get(0);
        assertThat(customer.path("name").asText()).isEqualTo("Ingrid " + capitalised(tag));
        assertThat(customer.path("email").asText()).isEqualTo("Ingrid." + tag + "@example.com");
        assertThat(customer.path("phone").asText()).isEqualTo(northPhone.replace(" ", ""));
        assertThat(customer.path("region").path("id").asText()).isEqualTo("north");
        assertThat(customer.path("personalRep").path("id").asText()).isEqualTo(north.personalRep().id());
        assertThat(customer.path("openCases").asLong()).isEqualTo(2);
    }

    @Test
    void resultsComeNewestFirstPageByPage() {
        List<String> opened = new ArrayList<>(List.of(north.caseNumber()));
        opened.add(open(northCustomer, capitalised(tag) + " toaster").caseNumber());
        opened.add(open(northCustomer, capitalised(tag) + " kettle").caseNumber());
        List<String> newestFirst = new ArrayList<>(opened);
        Collections.reverse(newestFirst);

        JsonNode first = search("/api/cases", tag, "dana", "&size=2");
        assertThat(caseNumbers(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        JsonNode second = search("/api/cases", tag, "dana", "&size=2&page=1");
        assertThat(caseNumbers(second)).containsExactly(newestFirst.get(2));
        assertThat(second.path("total").asLong()).isEqualTo(3);
        JsonNode beyond = search("/api/cases", tag, "dana", "&size=2&page=7");
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(3);
        assertThat(search("/api/cases", tag, "dana").path("size").asInt()).as("the default size").isEqualTo(20);
    }

    @Test
    void refusedInputIsNamedWithWhatIsAccepted() {
        assertRefused("/api/cases", "", "q");
        assertRefused("/api/cases", "?q=", "q");
        assertRefused("/api/cases", "?q=a", "q");
        assertRefused("/api/customers", "?q=%20x%20", "q");
        assertRefused("/api/cases", "?q=" + "x".repeat(101), "q");
        assertRefused("/api/cases", "?q=invoice&size=0", "size");
        assertRefused("/api/cases", "?q=invoice&size=101", "size");
        assertRefused("/api/customers", "?q=invoice&size=ten", "size");
        assertRefused("/api/cases", "?q=invoice&page=-1", "page");
        assertRefused("/api/customers", "?q=invoice&page=first", "page");
        assertRefused("/api/cases", "?q=a&page=x&size=1000", "q", "page", "size");
        assertThat(api.get("/api/cases?q=invoice&size=100", "dana").status()).isEqualTo(200);
    }

    @Test
    void wildcardsInTheQueryAreTakenAsTheyAre() {
        assertThat(search("/api/cases", "%%", "head-of-service").path("total").asLong()).isZero();
        assertThat(search("/api/customers", "__", "head-of-service").path("total").asLong()).isZero();
    }

    @Test
    void someoneOfNoRegionIsRefused() {
        Response answer = api.get("/api/cases?q=" + tag, "monitor");
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.json().path("detail").asText()).doesNotContain(tag);
    }

    private void assertRefused(String path, String query, String... fields) {
        Response answer = api.get(path + query, "dana");
        assertThat(answer.status()).as("%s%s: %s", path, query, answer).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        List<String> named = new ArrayList<>();
        answer.json().path("fields").forEach(field -> {
            named.add(field.path("field").asText());
            assertThat(field.path("message").asText()).as("says what is accepted").contains("must");
        });
        assertThat(named).as("%s%s", path, query).containsExactlyInAnyOrder(fields);
    }

    private IntakeAnswer open(CustomerDetails customer, String subject) {
        return driver.submit(new ContactRequest("EMAIL", "search-" + UUID.randomUUID(), customer, subject,
                "Please help.", false, true));
    }

    private JsonNode search(String path, String q, String user) {
        return search(path, q, user, "");
    }

    private JsonNode search(String path, String q, String user, String more) {
        Response answer = api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, user);
        assertThat(answer.status()).as("q=%s as %s: %s", q, user, answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> caseNumbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("items").forEach(item -> numbers.add(item.path("caseNumber").asText()));
        return numbers;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** Ten lower-case letters. */
    private static String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

}
