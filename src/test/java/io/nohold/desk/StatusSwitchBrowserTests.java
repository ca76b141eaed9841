package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.RepStatus;
import io.nohold.testsupport.Browser;
import io.nohold.testsupport.BrowserTest;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rep switches their status in the Tasklist's header; going away hands on what falls due while they are away. */
@NoHoldTest
@BrowserTest
class StatusSwitchBrowserTests {

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

    Browser browser;

    Tasklist tasklist;

    @BeforeEach
    void openBrowser(TestInfo test) {
        driver.clearDesksOf("north");
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
            driver.reset();
        }
    }

    @Test
    void aRepGoesAwayForAnHourFromTheTasklistHeaderAndTheContactDueMeanwhileGoesToTheBackup() {
        IntakeAnswer held = driver.submit("CHAT", new CustomerDetails("C-1001", null, null, null, null, null),
                "my parcel never came", false, true);
        assertThat(held.handler().id()).isEqualTo("dana");
        assertThat(caseFile.get(held.caseNumber()).promisedBy()).as("a chat is promised within the hour")
            .isBefore(driver.now().plus(Duration.ofHours(1)));

        tasklist.logIn("dana");
        assertThat(tasklist.status()).isEqualTo("AVAILABLE");
        browser.screenshot("available");

        tasklist.setStatus("Away for an hour", "AWAY");
        browser.screenshot("away");

        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AWAY);
        Instant back = directory.awayUntil("dana").orElseThrow();
        assertThat(Duration.between(driver.now(), back)).as("an hour from when she chose it")
            .isBetween(Duration.ofMinutes(58), Duration.ofHours(1));
        assertThat(tasklist.statusNote()).startsWith("back at ");
        assertThat(driver.task(held.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo("nils");
        assertThat(jdbc.sql("SELECT detail FROM case_event WHERE case_number = ? AND type = ?")
            .param(held.caseNumber())
            .param(CaseEventType.WENT_AWAY.name())
            .query(String.class)
            .list()).singleElement().satisfies(detail -> assertThat(detail).endsWith("; from Dana Berg to Nils Olsen"));

        // the switch shows the status NoHold has after a reload, and takes her back
        browser.go("http://localhost:" + port + "/camunda/app/tasklist/");
        browser.visible(By.cssSelector(".task-filter"));
        assertThat(tasklist.status()).isEqualTo("AWAY");
        tasklist.setStatus("Available", "AVAILABLE");
        assertThat(directory.findRep("dana").orElseThrow().status()).isEqualTo(RepStatus.AVAILABLE);
        assertThat(List.of(tasklist.statusNote())).containsExactly("");
    }

    @Test
    void headOfServiceHasNoStatusSwitch() {
        tasklist.logIn("head-of-service");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".nohold-status")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector(".nohold-status")).isDisplayed()).isFalse();
    }

}
