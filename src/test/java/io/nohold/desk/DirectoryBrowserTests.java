package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.Browser;
import io.nohold.testsupport.BrowserTest;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The directory's page at /directory, signed in through the Tasklist: an administrator moves a customer to another
 * region and rep with a reason and sees the change in the audit; the customer's next contact goes to the new rep. A
 * rep signed in the same way gets no directory.
 */
@NoHoldTest
@BrowserTest
class DirectoryBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    ApiClient api;

    Browser browser;

    Tasklist tasklist;

    @BeforeEach
    void openBrowser(TestInfo test) {
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
            driver.clearDesksOf("north");
            driver.clearDesksOf("south");
            driver.reset();
        }
    }

    @Test
    void anAdministratorMovesACustomerOnTheDirectoryPageAndTheNextContactGoesToTheNewRep() {
        String email = "page-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        ApiClient.Response first = api.post("/api/contacts", "intake", contact(email));
        String customerId = first.json().path("customerId").asText();
        assertThat(first.json().path("region").asText()).isEqualTo("north");
        driver.clearDesksOf("north");

        tasklist.logIn("admin");
        browser.go("http://localhost:" + port + "/directory");
        browser.visible(By.cssSelector("#regions .region[data-region='south']"));
        browser.screenshot("directory");

        // the administrator knows the customer's e-mail address, not their id
        WebElement find = browser.visible(By.id("find-customer"));
        browser.type(find.findElement(By.name("q")), email);
        browser.click(find.findElement(By.cssSelector("button[type='submit']")));
        WebElement hit = browser.visible(By.cssSelector("#customer-hits tr[data-customer='" + customerId + "']"));
        assertThat(hit.getText()).contains(email);
        browser.screenshot("found");
        browser.click(hit.findElement(By.xpath(".//button[normalize-space(.)='Choose']")));
        WebElement form = browser.visible(By.id("move-customer"));
        assertThat(form.findElement(By.name("customer")).getDomProperty("value")).isEqualTo(customerId);
        assertThat(new Select(form.findElement(By.name("region"))).getFirstSelectedOption().getDomProperty("value"))
            .as("the customer's region, chosen with them").isEqualTo("north");
        new Select(form.findElement(By.name("region"))).selectByValue("south");
        browser.type(form.findElement(By.name("personalRep")), "pablo");
        browser.type(form.findElement(By.name("reason")), "moved to Seville");
        browser.click(form.findElement(By.cssSelector("button[type='submit']")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Customer " + customerId + " moved to south"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#audit tbody"),
                "customer " + customerId));
        browser.screenshot("moved");

        JsonNode history = api.get("/api/customers/" + customerId + "/history", "admin").json();
        assertThat(history.get(0).path("detail").asText()).contains("moved to Seville");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("admin");
        ApiClient.Response next = api.post("/api/contacts", "intake", contact(email));
        assertThat(next.status()).as("%s", next).isEqualTo(201);
        assertThat(next.json().path("region").asText()).isEqualTo("south");
        assertThat(next.json().path("handler").path("id").asText()).isEqualTo("pablo");
    }

    @Test
    void aRefusedChangeIsShownAndChangesNothing() {
        tasklist.logIn("admin");
        browser.go("http://localhost:" + port + "/directory");
        WebElement north = browser.visible(By.cssSelector("#regions .region[data-region='north']"));
        WebElement postal = north.findElement(By.cssSelector("input.postal-codes"));
        postal.clear();
        browser.type(postal, "7");
        browser.click(north.findElement(By.xpath(".//button[normalize-space(.)='Save rules']")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "routes to region south"));
        JsonNode regions = api.get("/api/regions", "admin").json();
        JsonNode northAfter = null;
        for (JsonNode region : regions) {
            if (region.path("id").asText().equals("north")) {
                northAfter = region;
            }
        }
        assertThat(northAfter).as("north in %s", regions).isNotNull();
        assertThat(northAfter.path("rules").path("postalCodes").toString()).as("north's rules as they were")
            .isEqualTo("[\"1\",\"2\"]");
    }

    @Test
    void anAdministratorChangesARegionsCalendarOnThePageAndARefusedZoneIsNamed() {
        String region = "cal-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("/api/regions", "admin", Map.of("id", region, "name", "Lisbon " + region)).status()).isEqualTo(201);

        tasklist.logIn("admin");
        browser.go("http://localhost:" + port + "/directory");
        WebElement form = browser.visible(By.id("calendar"));
        browser.waiting().until(d -> !new Select(form.findElement(By.name("region"))).getOptions().isEmpty());
        new Select(form.findElement(By.name("region"))).selectByValue(region);
        browser.click(form.findElement(By.id("calendar-load")));
        WebElement json = form.findElement(By.name("json"));
        browser.waiting().until(d -> json.getDomProperty("value").contains("timeZone"));

        json.clear();
        browser.type(json, "{\"timeZone\": \"Mars/Olympus\", \"openingHours\": {}, \"holidays\": null, \"closedDates\": []}");
        browser.click(form.findElement(By.cssSelector("button[type='submit']")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Not changed"));
        assertThat(browser.driver().findElement(By.id("message")).getText()).contains("timeZone");

        json.clear();
        browser.type(json, "{\"timeZone\": \"Europe/Lisbon\", \"openingHours\": {\"MONDAY\": [{\"from\": \"09:00\", "
                + "\"to\": \"17:00\"}]}, \"holidays\": {\"country\": \"PT\"}, \"closedDates\": [\"2027-01-04\"]}");
        browser.click(form.findElement(By.cssSelector("button[type='submit']")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Calendar saved"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#audit tbody"),
                "region " + region));
        browser.screenshot("calendar");

        JsonNode calendar = api.get("/api/regions/" + region + "/calendar", "admin").json();
        assertThat(calendar.path("timeZone").asText()).isEqualTo("Europe/Lisbon");
        assertThat(calendar.path("openingHours").path("MONDAY").get(0).path("from").asText()).isEqualTo("09:00");
        assertThat(calendar.path("closedDates").toString()).contains("2027-01-04");
    }

    @Test
    void aRepSignedInToTheTasklistGetsNoDirectory() {
        tasklist.logIn("dana");
        browser.go("http://localhost:" + port + "/directory");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "for administrators"));
        assertThat(browser.driver().findElement(By.id("main")).isDisplayed()).isFalse();
    }

    private static Map<String, Object> contact(String email) {
        return Map.of("channel", "EMAIL", "externalId", "page-" + UUID.randomUUID(), "customer",
                Map.of("name", "Pia Page", "email", email, "postalCode", "20095", "country", "DE"), "subject", "Address",
                "message", "Where do I belong?");
    }

}
