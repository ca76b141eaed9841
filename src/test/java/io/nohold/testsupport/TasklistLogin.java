package io.nohold.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * Signing in through the Camunda Tasklist's own login form, as a person does. On a busy machine the Tasklist can
 * still be starting after a page load: its form not drawn in time, or drawn again after typing, which empties it.
 * Then a person loads the page again and types again; so does this, up to three times, and when it gives up it names
 * the page it was on (with a screenshot).
 */
public final class TasklistLogin {

    private static final By USER_NAME = By.cssSelector("input[ng-model='username']");

    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");

    private static final By SIGNED_IN = By.cssSelector(".task-filter");

    private static final int TRIES = 3;

    private TasklistLogin() {
    }

    /** Opens the Tasklist at {@code url} (no one signed in) and signs in as {@code user} with the test password. */
    public static void logIn(Browser browser, String url, String user) {
        for (int attempt = 1; ; attempt++) {
            browser.go(url);
            try {
                browser.waiting().until(d -> "complete".equals(browser.script("return document.readyState")));
                if (attempt > 1 && signedInAlready(browser)) {
                    // the previous try's submission went through after all
                    return;
                }
                WebElement name = browser.visible(USER_NAME);
                name.clear();
                browser.type(name, user);
                WebElement password = browser.visible(PASSWORD);
                password.clear();
                browser.type(password, ApiClient.PASSWORD);
                browser.click(browser.visible(By.cssSelector("form button[type='submit']")));
                browser.visible(SIGNED_IN);
                return;
            }
            catch (TimeoutException e) {
                if (attempt == TRIES) {
                    browser.screenshot("login-" + user);
                    throw new AssertionError("could not log in as " + user + " on " + browser.driver().getCurrentUrl()
                            + ", the page showing: " + browser.script("return document.body ? document.body.innerText : ''"), e);
                }
            }
        }
    }

    /** Waits for either the login form or the signed-in Tasklist; true for the latter. */
    private static boolean signedInAlready(Browser browser) {
        browser.waiting().until(d -> d.findElements(USER_NAME).stream().anyMatch(WebElement::isDisplayed)
                || d.findElements(SIGNED_IN).stream().anyMatch(WebElement::isDisplayed));
        return browser.driver().findElements(SIGNED_IN).stream().anyMatch(WebElement::isDisplayed);
    }

}
