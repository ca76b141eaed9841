package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a rep does at the desk shows on the supervisor's board: she goes away, the board shows the handover. */
@NoHoldTest
@BrowserTest
class AwayOnTheBoardBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

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
    void aRepSwitchesToAwayAndHerSupervisorsBoardShowsTheContactWithHerBackup() {
        IntakeAnswer held = driver.submit("CHAT", new CustomerDetails("C-1001", null, null, null, null, null),
                "the lamp flickers", false, true);
        assertThat(held.handler().id()).isEqualTo("dana");

        tasklist.logIn("dana");
        tasklist.setStatus("Away for an hour", "AWAY");
        assertThat(driver.task(held.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo("nils");
        tasklist.signOut();

        tasklist.logIn("sam");
        browser.go("http://localhost:" + port + "/board");
        WebElement row = browser.visible(By.cssSelector("tr.contact[data-case='" + held.caseNumber() + "']"));
        assertThat(row.findElement(By.cssSelector(".ring")).getText()).isEqualTo("backup");
        assertThat(row.getText()).contains("Nils Olsen").doesNotContain("Dana Berg");
        WebElement dana = browser.visible(By.cssSelector("section.region[data-region='north'] tr.member[data-rep='dana']"));
        assertThat(dana.findElement(By.cssSelector("td.status-AWAY")).getText()).isEqualTo("away");
        browser.screenshot("board-after-away");
    }

}
