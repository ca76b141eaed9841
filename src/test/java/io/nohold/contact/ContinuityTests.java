package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
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
 * Continuity over HTTP: a customer's contacts go to their personal rep, contact after contact; while that rep is away
 * the region's first available named backup holds them, and the relationship stays with the personal rep.
 */
@NoHoldTest
class ContinuityTests {

    static final String INTAKE = "intake";

    static final int CUSTOMERS = 50;

    static final int CONTACTS_EACH = 3;

    /** Postal code to region, one per region. */
    static final Map<String, String> REGIONS = Map.of("20095", "north", "80331", "south", "01067", "east", "50667", "west");

    static final List<String> POSTAL_CODES = List.of("20095", "80331", "01067", "50667");

    static final Map<String, String> SUPERVISORS = Map.of("north", "sam", "south", "sofia", "east", "piotr", "west", "henri");

    static final List<String> CHANNELS = List.of("PHONE", "CHAT", "EMAIL", "WEB", "SOCIAL");

    @LocalServerPort
    int port;

    @Autowired
    RegionDirectory directory;

    @Autowired
    CaseDriver driver;

    ApiClient api;

    String awayRep;

    String awayRepSupervisor;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void everyRepAvailableAgain() {
        try {
            if (awayRep != null) {
                Response back = api.put("/api/reps/" + awayRep + "/availability", awayRepSupervisor,
                        Map.of("status", "AVAILABLE"));
                assertThat(back.status()).as("%s back to available: %s", awayRep, back).isEqualTo(200);
            }
        }
        finally {
            driver.reset();
        }
    }

    @Test
    void personalRepHandlesEveryNewTopicAndTheFirstNamedBackupStandsInWhileTheRepIsAway() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String postalCode = POSTAL_CODES.get(i % POSTAL_CODES.size());
            customers.add(new Customer(i, postalCode, REGIONS.get(postalCode),
                    "continuity-" + i + "-" + UUID.randomUUID() + "@example.com"));
        }

        // every contact of every customer goes to the personal rep while all reps are available
        for (Customer customer : customers) {
            for (int n = 0; n < CONTACTS_EACH; n++) {
                JsonNode answer = submitNewTopic(customer, n);
                String personalRep = answer.path("personalRep").path("id").asText();
                assertThat(answer.path("region").asText()).as("region of %s", customer).isEqualTo(customer.region);
                assertThat(answer.path("joinedOpenCase").asBoolean()).as("new topic of %s", customer).isFalse();
                assertThat(personalRep).as("personal rep of %s", customer).isNotBlank();
                if (customer.personalRep == null) {
                    customer.id = answer.path("customerId").asText();
                    customer.personalRep = personalRep;
                }
                assertThat(answer.path("customerId").asText()).as("customer of contact %d of %s", n, customer).isEqualTo(customer.id);
                assertThat(personalRep).as("personal rep on contact %d of %s", n, customer).isEqualTo(customer.personalRep);
                assertThat(answer.path("handler").path("id").asText()).as("handler of contact %d of %s", n, customer)
                    .isEqualTo(customer.personalRep);
                customer.cases.add(answer.path("caseNumber").asText());
            }
        }
        assertThat(customers.stream().flatMap(c -> c.cases.stream()).distinct().count()).as("a case for every new topic")
            .isEqualTo(CUSTOMERS * CONTACTS_EACH);
        assertThat(customers).extracting(c -> c.region).containsOnly("north", "south", "east", "west");
        for (Customer customer : customers) {
            JsonNode view = customerView(customer);
            assertThat(view.path("personalRep").path("id").asText()).as("personal rep of %s", customer).isEqualTo(customer.personalRep);
            assertThat(view.path("region").path("id").asText()).as("region of %s", customer).isEqualTo(customer.region);
            assertThat(view.path("openCases").findValuesAsText("caseNumber")).as("open cases of %s", customer)
                .containsExactlyInAnyOrderElementsOf(customer.cases)
                .hasSize(CONTACTS_EACH);
        }

        // one rep goes away: their customers' new topics go to the region's first available named backup
        Customer first = customers.get(0);
        awayRep = first.personalRep;
        awayRepSupervisor = SUPERVISORS.get(first.region);
        Response away = api.put("/api/reps/" + awayRep + "/availability", SUPERVISORS.get(first.region), Map.of("status", "AWAY"));
        assertThat(away.status()).as("%s", away).isEqualTo(200);
        assertThat(away.json().path("status").asText()).isEqualTo("AWAY");
        String backup = firstAvailableBackup(first.region, awayRep);
        List<Customer> ofAwayRep = customers.stream().filter(c -> c.personalRep.equals(awayRep)).toList();
        assertThat(ofAwayRep).isNotEmpty();

        for (Customer customer : ofAwayRep) {
            JsonNode answer = submitNewTopic(customer, CONTACTS_EACH);
            assertThat(answer.path("handler").path("id").asText()).as("handler while %s is away, %s", awayRep, customer)
                .isEqualTo(backup);
            assertThat(answer.path("personalRep").path("id").asText()).as("personal rep of %s", customer).isEqualTo(awayRep);
            customer.cases.add(answer.path("caseNumber").asText());
            JsonNode view = customerView(customer);
            assertThat(view.path("personalRep").path("id").asText()).as("personal rep of %s", customer).isEqualTo(awayRep);
            assertThat(view.path("openCases").findValuesAsText("caseNumber")).containsExactlyInAnyOrderElementsOf(customer.cases);
        }

        Response back = api.put("/api/reps/" + awayRep + "/availability", SUPERVISORS.get(first.region),
                Map.of("status", "AVAILABLE"));
        assertThat(back.status()).as("%s", back).isEqualTo(200);
        assertThat(back.json().path("status").asText()).isEqualTo("AVAILABLE");
    }

    private JsonNode submitNewTopic(Customer customer, int n) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "Continuity Customer " + customer.index);
        details.put("email", customer.email);
        details.put("postalCode", customer.postalCode);
        details.put("country", "DE");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", CHANNELS.get((customer.index + n) % CHANNELS.size()));
        contact.put("externalId", "continuity-" + UUID.randomUUID());
        contact.put("customer", details);
        contact.put("subject", "Topic " + (n + 1));
        contact.put("message", "Topic " + (n + 1) + " of customer " + customer.index);
        contact.put("public", false);
        contact.put("newTopic", true);
        Response answer = api.post("/api/contacts", INTAKE, contact);
        assertThat(answer.status()).as("contact %d of %s: %s", n, customer, answer).isEqualTo(201);
        return answer.json();
    }

    private JsonNode customerView(Customer customer) {
        Response view = api.get("/api/customers/" + customer.id, INTAKE);
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        return view.json();
    }

    /** The first rep of the region in backup order who is available and not the own rep. */
    private String firstAvailableBackup(String region, String ownRep) {
        return directory.repsOf(region)
            .stream()
            .filter(Rep::available)
            .filter(rep -> !rep.id().equals(ownRep))
            .map(Rep::id)
            .findFirst()
            .orElseThrow();
    }

    private static final class Customer {

        final int index;

        final String postalCode;

        final String region;

        final String email;

        final List<String> cases = new ArrayList<>();

        String id;

        String personalRep;

        Customer(int index, String postalCode, String region, String email) {
            this.index = index;
            this.postalCode = postalCode;
            this.region = region;
            this.email = email;
        }

        @Override
        public String toString() {
            return "customer " + index + " (" + email + ", " + region + ")";
        }

    }

}
