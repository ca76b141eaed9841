package io.nohold.board;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.nohold.contact.IntakeAnswer;
import io.nohold.directory.RepStatus;
import io.nohold.testsupport.Browser;
import io.nohold.testsupport.BrowserTest;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.testsupport.TasklistLogin;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board in a real browser, signed in through the Tasklist's login only: a North supervisor sees a new North
 * contact with its countdown running and opens its task from it; a South supervisor sees none of it. Screenshots go
 * to {@code target/screenshots}; {@code docs/images/board.png} is the first test's.
 */
@NoHoldTest
@BrowserTest
class BoardBrowserTests {

    static final String HAMBURG = "20095";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    Browser browser;

    @BeforeEach
    void openBrowser(TestInfo test) {
        driver.clearDesksOf("north");
        browser = Browser.open(test.getTestMethod().orElseThrow().getName());
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
    void aNorthSupervisorSeesANewNorthContactCountingDownAndReachesItsTaskFromIt() {
        IntakeAnswer kept = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "kept earlier today");
        driver.complete(kept.handler().id(), driver.task(kept.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        IntakeAnswer escalated = driver.submit("EMAIL", CaseDriver.newCustomer(HAMBURG), "wants a manager");
        driver.complete(escalated.handler().id(), driver.task(escalated.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        driver.complete(escalated.handler().id(), driver.task(escalated.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "SUPERVISOR_REQUESTED", "notes", "wants to speak to a manager"));
        driver.setStatusOfRegion("north", RepStatus.AWAY);
        driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "nobody there");
        driver.setStatusOfRegion("north", RepStatus.AVAILABLE);
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "my parcel is lost");
        Task reach = driver.task(answer.caseNumber(), REACH_CUSTOMER);

        browser.go(url("/board"));
        // not signed in: the Tasklist's login, and no other
        browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        browser.visible(By.cssSelector("input[ng-model='username']"));
        // signed in there, as a person does
        logIn("sam");
        browser.go(url("/board"));

        WebElement row = browser.visible(contactRow(answer.caseNumber()));
        assertThat(row.findElement(By.cssSelector(".ring")).getText()).isEqualTo("own rep");
        assertThat(row.getText()).contains(answer.handler().name());
        String first = countdown(answer.caseNumber());
        assertThat(first).matches("\\d+:\\d\\d");
        browser.waiting().until(d -> !countdown(answer.caseNumber()).equals(first));
        browser.visible(By.cssSelector("section.region[data-region='north'] .chart canvas"));
        browser.visible(By.cssSelector("tr.escalation[data-case='" + escalated.caseNumber() + "'] a.task"));
        assertThat(browser.script("return typeof Chart")).as("the chart library is served").isEqualTo("function");
        browser.screenshot("board");

        browser.click(row.findElement(By.cssSelector("a.task")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"),
                reach.getName()));
        assertThat(browser.driver().getCurrentUrl()).contains("task=" + reach.getId());
    }

    @Test
    void aSouthSupervisorSeesNoneOfNorthsContacts() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "north only");

        logIn("sofia");
        browser.go(url("/board"));

        browser.visible(By.cssSelector("section.region[data-region='south']"));
        browser.visible(By.cssSelector("#status"));
        browser.waiting().until(d -> browser.script("return document.getElementById('status').textContent").toString()
            .startsWith("updated"));
        assertThat(browser.driver().findElements(By.cssSelector("section.region[data-region='north']"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(answer.caseNumber());
        assertThat(browser.driver().findElements(By.id("region-filter")).get(0).isDisplayed()).isFalse();
        Object north = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/board?region=north', {credentials: 'same-origin'}).then(r => r.text().then(t => done(r.status + ' ' + t)));
                """);
        assertThat(north.toString()).startsWith("403").doesNotContain(answer.caseNumber());
    }

    @Test
    void headOfServiceSeesEveryRegionSideBySideAndFiltersOne() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "for the head of service");

        logIn("head-of-service");
        browser.go(url("/board"));

        browser.visible(contactRow(answer.caseNumber()));
        for (String region : new String[] { "north", "south", "east", "west" }) {
            browser.visible(By.cssSelector("section.region[data-region='" + region + "']"));
        }
        org.openqa.selenium.support.ui.Select filter = new org.openqa.selenium.support.ui.Select(
                browser.visible(By.id("region")));
        filter.selectByValue("south");
        browser.waiting().until(d -> d.findElements(By.cssSelector("section.region[data-region='north']")).isEmpty());
        browser.visible(By.cssSelector("section.region[data-region='south']"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("?region=south");
        filter.selectByValue("");
        browser.visible(contactRow(answer.caseNumber()));
    }

    @Test
    void aSupervisorFindsHerRegionsCaseAndCustomerFromTheBoardAndAnotherRegionsSupervisorDoesNot() {
        io.nohold.customer.CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = driver.submit("EMAIL", customer, "the invoice is wrong");

        logIn("sam");
        browser.go(url("/board"));
        find(customer.email());
        WebElement found = browser.visible(By.cssSelector("#results tr.found-case[data-case='" + answer.caseNumber() + "']"));
        assertThat(found.getText()).contains(customer.name(), "North", answer.handler().name());
        assertThat(browser.visible(By.cssSelector("#results tr.found-customer")).getText()).contains(customer.email());
        browser.screenshot("search");

        browser.go(url("/camunda/app/tasklist/"));
        browser.click(browser.visible(By.cssSelector("li.account a.dropdown-toggle")));
        browser.click(browser.visible(By.cssSelector("li.account li.logout a")));
        browser.visible(By.cssSelector("input[ng-model='username']"));
        logIn("sofia");
        browser.go(url("/board"));
        find(customer.email());
        browser.waiting().until(d -> d.findElement(By.id("results")).getText().contains("No cases found."));
        assertThat(browser.driver().findElement(By.id("results")).getText()).contains("No customers found.")
            .doesNotContain(answer.caseNumber(), customer.name());
    }

    private void find(String query) {
        WebElement box = browser.visible(By.id("q"));
        browser.type(box, query);
        browser.click(browser.visible(By.cssSelector("#search button[type='submit']")));
        browser.visible(By.cssSelector("#results h2"));
    }

    private void logIn(String user) {
        TasklistLogin.logIn(browser, url("/camunda/app/tasklist/"), user);
    }

    private String countdown(String caseNumber) {
        return browser.visible(contactRow(caseNumber)).findElement(By.cssSelector(".countdown")).getText();
    }

    private static By contactRow(String caseNumber) {
        return By.cssSelector("tr.contact[data-case='" + caseNumber + "']");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
