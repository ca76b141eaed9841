package io.nohold.desk;

import java.util.List;

import io.nohold.testsupport.Browser;
import io.nohold.testsupport.TasklistLogin;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Camunda Tasklist as a person uses it: log in, pick a filter, open a task from the list, read and fill its
 * Camunda Form (form-js), claim, complete. Every wait is for something visible on the page.
 */
final class Tasklist {

    private static final String FORM = "//div[contains(@class,'fjs-container')]";

    private final Browser browser;

    private final String url;

    Tasklist(Browser browser, int port) {
        this.browser = browser;
        this.url = "http://localhost:" + port + "/camunda/app/tasklist/";
    }

    Tasklist logIn(String user) {
        TasklistLogin.logIn(browser, url, user);
        return this;
    }

    /** Signs out through the user menu of the header, as a person does, and waits for the login form. */
    void signOut() {
        browser.click(browser.visible(By.cssSelector("li.account a.dropdown-toggle")));
        browser.click(browser.visible(By.cssSelector("li.account li.logout a")));
        browser.visible(By.cssSelector("input[ng-model='username']"));
    }

    /** Opens the Tasklist without logging in and waits for the login form. */
    void open() {
        browser.go(url);
        browser.visible(By.cssSelector("input[ng-model='username']"));
    }

    void logOut() {
        browser.forgetSession();
        browser.go(url);
        browser.visible(By.cssSelector("input[ng-model='username']"));
    }

    /** The names of the filters this user may see, in their order. */
    List<String> filters() {
        browser.visible(By.cssSelector(".task-filter"));
        Object names = browser.script("return Array.from(document.querySelectorAll('.task-filter h4.name a'), "
                + "a => a.firstChild.textContent.trim());");
        return ((List<?>) names).stream().map(String::valueOf).toList();
    }

    /** Clicks the filter and waits until its list has loaded. */
    Tasklist openFilter(String name) {
        By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),"
                + literal(name) + ")]]");
        browser.click(browser.visible(filter).findElement(By.cssSelector("h4.name a")));
        browser.waiting().until(ExpectedConditions.attributeContains(filter, "class", "active"));
        waitForList();
        return this;
    }

    private void waitForList() {
        browser.waiting().until(driver -> {
            List<WebElement> loaders = driver.findElements(By.cssSelector("div[cam-tasks] > div.loader"));
            boolean loading = loaders.stream().anyMatch(WebElement::isDisplayed);
            boolean shown = !driver.findElements(By.cssSelector("div[cam-tasks] ol.tasks-list")).isEmpty()
                    || driver.findElements(By.cssSelector("div[cam-tasks] div.well")).stream().anyMatch(WebElement::isDisplayed);
            return !loading && shown;
        });
    }

    /** The names of the tasks in the list, top first (read at once: the list re-renders while it refreshes). */
    List<String> tasks() {
        waitForList();
        Object names = browser.script("return Array.from(document.querySelectorAll("
                + "'div[cam-tasks] ol.tasks-list li.task h4.task a'), a => a.textContent.trim());");
        return ((List<?>) names).stream().map(String::valueOf).toList();
    }

    /** The task's card in the list, once it is there. */
    WebElement card(String taskName) {
        return browser.visible(By.xpath("//div[@cam-tasks]//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][.//h4[contains(@class,'task')]/a[normalize-space(.)="
                + literal(taskName) + "]]"));
    }

    /** What the card says about the due date, e.g. "Due in 15 minutes", and the exact date in its tooltip. */
    String[] dueOnCard(String taskName) {
        WebElement due = card(taskName).findElement(By.cssSelector(".due-date"));
        return new String[] { due.getText().trim(), due.findElement(By.cssSelector("[uib-tooltip]")).getAttribute("uib-tooltip") };
    }

    Tasklist openTask(String taskName) {
        // Tasklist draws the list again when it refreshes it: a card found a moment before may have been replaced
        browser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            browser.click(card(taskName).findElement(By.cssSelector("h4.task a")));
            return true;
        });
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), taskName));
        browser.visible(By.xpath(FORM + "//form"));
        return this;
    }

    /** Claims the open task, and waits until its form may be filled. */
    Tasklist claim() {
        browser.click(browser.visible(By.cssSelector("section.task-card button.claim")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("section.task-card button.claim")));
        return this;
    }

    /** The value of a form field, by its label. */
    String field(String label) {
        WebElement input = fieldInput(label);
        String value = input.getDomProperty("value");
        return value == null ? "" : value;
    }

    /** Scrolls the form to the field, for a screenshot of it. */
    Tasklist reveal(String label) {
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", fieldInput(label));
        return this;
    }

    /** Waits until the field shows a value (form-js fills the fields after it rendered them). */
    String fieldOnceFilled(String label) {
        return browser.waiting().until(driver -> {
            String value = field(label);
            return value.isBlank() ? null : value;
        });
    }

    Tasklist fill(String label, String text) {
        WebElement input = fieldInput(label);
        browser.waiting().until(ExpectedConditions.elementToBeClickable(input));
        browser.type(input, text);
        return this;
    }

    /** Picks an option of a form-js select, which is a dropdown of its own rather than a {@code <select>}. */
    Tasklist choose(String label, String option) {
        WebElement group = browser.visible(By.xpath(FORM + "//label[starts-with(normalize-space(.)," + literal(label)
                + ")]/following-sibling::div[contains(@class,'fjs-input-group')]"));
        browser.waiting().until(driver -> !group.getAttribute("class").contains("fjs-disabled"));
        browser.click(group);
        browser.click(browser.visible(By.xpath(FORM + "//div[contains(@class,'fjs-dropdownlist')]/div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)="
                + literal(option) + "]")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(
                group.findElement(By.cssSelector(".fjs-select-display")), option));
        return this;
    }

    /** Picks an option of a form-js radio group. */
    Tasklist pick(String option) {
        WebElement radio = browser.visible(By.xpath(FORM + "//label[normalize-space(.)=" + literal(option) + "]/input[@type='radio']"));
        browser.click(radio);
        browser.waiting().until(ExpectedConditions.elementToBeSelected(radio));
        return this;
    }

    /** Completes the open task and waits until it has left the list. */
    void complete() {
        String taskName = browser.visible(By.cssSelector("section.task-card h2.task")).getText().trim();
        dismissNotifications();
        browser.click(browser.visible(By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space(.)='Complete']")));
        browser.waiting().until(driver -> tasks().stream().noneMatch(taskName::equals));
    }

    /** The status shown in the header's status switch ("AVAILABLE", "AWAY", "OFF"), once NoHold's script drew it. */
    String status() {
        return browser.visible(By.cssSelector(".nohold-status select")).getDomProperty("value");
    }

    /** Picks a status in the header's switch by its label ("Away", "Away for an hour") and waits until NoHold took it. */
    Tasklist setStatus(String label, String status) {
        WebElement select = browser.visible(By.cssSelector(".nohold-status select"));
        new org.openqa.selenium.support.ui.Select(select).selectByVisibleText(label);
        browser.waiting().until(ExpectedConditions.attributeToBe(By.cssSelector(".nohold-status"), "data-status", status));
        browser.waiting().until(driver -> select.isEnabled());
        return this;
    }

    /** What the status switch says next to it ("back at 11:00", or why a change was refused). */
    String statusNote() {
        return browser.visible(By.cssSelector(".nohold-status")).findElement(By.cssSelector(".nohold-status-note")).getText();
    }

    /** Closes the notifications Tasklist shows over the bottom of the form (they cover the Complete button). */
    private void dismissNotifications() {
        for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .alert button.close.ng-scope"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
    }

    private WebElement fieldInput(String label) {
        return browser.visible(labelled(label));
    }

    private static By labelled(String label) {
        return By.xpath(FORM + "//label[starts-with(normalize-space(.)," + literal(label)
                + ")]/following-sibling::*[self::textarea or self::input][1] | " + FORM + "//label[starts-with(normalize-space(.),"
                + literal(label) + ")]/following-sibling::div[contains(@class,'fjs-input-group')]/input");
    }

    /** An XPath string literal, for names with apostrophes such as "My region's team". */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }

}
