package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sessions of the Camunda webapps as an attacker would try them: anonymous requests leave no session behind, the
 * cookies carry HttpOnly, SameSite and (over HTTPS, also behind a proxy) Secure, and a forged or mistaken request
 * without the right CSRF token is refused without logging anybody out.
 */
@NoHoldTest
class WebappSessionTests {

    static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    static final String REP = "dana";

    @LocalServerPort
    int port;

    @Autowired
    FilterService filters;

    String myContacts;

    @BeforeEach
    void filter() {
        myContacts = filters.createFilterQuery().filterName(TasklistFilters.MY_CONTACTS).singleResult().getId();
    }

    @Test
    void anonymousRequestsOpenNoSession() {
        Map<String, Integer> anonymous = new LinkedHashMap<>();
        anonymous.put("/", 302);
        anonymous.put("/camunda/", 302);
        anonymous.put("/camunda/app/tasklist", 302);
        anonymous.put("/camunda/app/tasklist/", 302);
        anonymous.put(TASKLIST, 200);
        anonymous.put("/camunda/app/tasklist/camunda-tasklist-bootstrap.js", 200);
        anonymous.put("/camunda/app/tasklist/scripts/config.js", 200);
        anonymous.put("/camunda/app/cockpit/default/", 200);
        anonymous.put("/camunda/app/admin/default/", 200);
        anonymous.put(WHO_AM_I, 404);
        anonymous.put("/camunda/api/engine/engine/default/task", 401);
        anonymous.put("/api/contacts", 401);
        anonymous.put("/engine-rest/task", 401);
        anonymous.forEach((path, status) -> {
            Visitor visitor = new Visitor(false);
            Answer first = visitor.get(path);
            assertThat(first.status()).as("GET %s", path).isEqualTo(status);
            assertThat(first.cookie("JSESSIONID")).as("session cookie of GET %s", path).isNull();
            Answer again = visitor.get(path);
            assertThat(again.cookie("JSESSIONID")).as("session cookie of the second GET %s", path).isNull();
            assertThat(again.cookie("XSRF-TOKEN")).as("a token handed out once is kept: GET %s", path).isNull();
        });

        Visitor stranger = new Visitor(false);
        stranger.get(TASKLIST);
        // a user nobody has: a wrong password of a real one would lock them for the next tests
        Answer wrongPassword = stranger.login("nobody", "wrong", stranger.token());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.cookie("JSESSIONID")).as("a failed login").isNull();
    }

    @Test
    void thePageHandsOutATokenItsScriptCanReadAndOtherSitesDoNotGet() {
        String plain = new Visitor(false).get(TASKLIST).cookie("XSRF-TOKEN");
        assertThat(plain).matches("XSRF-TOKEN=[A-Za-z0-9_-]{43}; .*")
            .contains("; Path=/camunda", "; SameSite=Lax")
            .doesNotContain("HttpOnly", "Secure");

        String behindTlsProxy = new Visitor(true).get(TASKLIST).cookie("XSRF-TOKEN");
        assertThat(behindTlsProxy).contains("; Path=/camunda", "; SameSite=Lax", "; Secure").doesNotContain("HttpOnly");
    }

    @Test
    void theLoginOpensTheSessionWithHttpOnlySameSiteAndSecureOverHttps() {
        Visitor behindTlsProxy = new Visitor(true);
        behindTlsProxy.get(TASKLIST);
        Answer login = behindTlsProxy.login(REP, ApiClient.PASSWORD, behindTlsProxy.token());
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.cookie("JSESSIONID")).contains("; HttpOnly", "; SameSite=Lax", "; Secure");

        Visitor plain = new Visitor(false);
        plain.get(TASKLIST);
        Answer plainLogin = plain.login(REP, ApiClient.PASSWORD, plain.token());
        assertThat(plainLogin.status()).as("%s", plainLogin).isEqualTo(200);
        assertThat(plainLogin.cookie("JSESSIONID")).contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aLoginWithoutTheTokenIsRefused() {
        Visitor visitor = new Visitor(false);
        visitor.get(TASKLIST);
        String token = visitor.token();

        Answer withoutHeader = visitor.login(REP, ApiClient.PASSWORD, null);
        assertThat(withoutHeader.status()).isEqualTo(403);
        assertThat(withoutHeader.body()).contains("X-XSRF-TOKEN header is missing");
        assertThat(withoutHeader.cookie("JSESSIONID")).isNull();

        Answer otherToken = visitor.login(REP, ApiClient.PASSWORD, token.substring(1) + "x");
        assertThat(otherToken.status()).isEqualTo(403);
        assertThat(otherToken.cookie("JSESSIONID")).isNull();

        // a forged form post sends the cookies along but cannot add the header; one that names a token of its own
        // cannot make the browser send a cookie with that value
        Visitor noCookie = new Visitor(false);
        Answer headerOnly = noCookie.login(REP, ApiClient.PASSWORD, token);
        assertThat(headerOnly.status()).isEqualTo(403);

        Answer right = visitor.login(REP, ApiClient.PASSWORD, token);
        assertThat(right.status()).as("%s", right).isEqualTo(200);
        assertThat(right.cookie("JSESSIONID")).isNotNull();
    }

    @Test
    void theTokenOfTheLoginServesTheSessionAndOnlyIt() {
        Visitor rep = loggedIn(REP);
        String token = rep.token();

        // no read in between: the page goes on with the cookie it has
        assertThat(rep.listMyContacts(myContacts, token).status()).isEqualTo(200);

        // once there is a session, a cookie and header of the caller's own choosing no longer count
        String chosen = "A".repeat(43);
        rep.cookies.put("XSRF-TOKEN", chosen);
        assertThat(rep.listMyContacts(myContacts, chosen).status()).isEqualTo(403);

        // the page's next read hands the session's token out again
        Answer read = rep.get(WHO_AM_I);
        assertThat(read.cookie("XSRF-TOKEN")).startsWith("XSRF-TOKEN=" + token + ";");
        assertThat(rep.listMyContacts(myContacts, rep.token()).status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenIsRefusedAndTheVictimWorksOn() {
        Visitor rep = loggedIn(REP);
        String session = rep.cookies.get("JSESSIONID");

        Answer wrong = rep.listMyContacts(myContacts, "B".repeat(43));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("does not match this session's token");
        assertThat(wrong.cookies()).as("a refusal sets no cookie").isEmpty();

        Answer missing = rep.post(LOGOUT, "application/x-www-form-urlencoded", "", null);
        assertThat(missing.status()).as("a logout without the token").isEqualTo(403);

        Answer right = rep.listMyContacts(myContacts, rep.token());
        assertThat(right.status()).as("%s", right).isEqualTo(200);
        Answer whoAmI = rep.get(WHO_AM_I);
        assertThat(whoAmI.status()).isEqualTo(200);
        assertThat(whoAmI.body()).contains("\"userId\":\"" + REP + "\"");
        assertThat(whoAmI.cookie("JSESSIONID")).isNull();
        assertThat(rep.cookies.get("JSESSIONID")).as("the same session").isEqualTo(session);
    }

    @Test
    void aCrossSiteFormPostIsRefused() {
        Visitor rep = loggedIn(REP);

        // what a page of another site can make the rep's browser send: the cookies, a form body, its own Origin
        Answer forged = rep.send(rep.request("/camunda/api/engine/engine/default/filter/" + myContacts + "/list")
            .header("Origin", "https://attacker.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("firstResult=0")));
        assertThat(forged.status()).isEqualTo(403);
        Answer forgedLogout = rep.send(rep.request(LOGOUT)
            .header("Origin", "https://attacker.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.noBody()));
        assertThat(forgedLogout.status()).isEqualTo(403);

        assertThat(rep.get(WHO_AM_I).status()).as("still logged in").isEqualTo(200);
    }

    @Test
    void theLogoutEndsTheSession() {
        Visitor rep = loggedIn(REP);
        Answer logout = rep.post(LOGOUT, "application/x-www-form-urlencoded", "", rep.token());
        assertThat(logout.status()).as("%s", logout).isEqualTo(200);

        Answer afterwards = rep.get(WHO_AM_I);
        assertThat(afterwards.status()).as("the old session cookie is worth nothing").isEqualTo(404);
        assertThat(afterwards.cookie("JSESSIONID")).isNull();

        Answer again = rep.login(REP, ApiClient.PASSWORD, rep.token());
        assertThat(again.status()).as("the next login works with the cookie the browser has").isEqualTo(200);
    }

    /** Opens the Tasklist and logs in, as the Tasklist's page does; no read afterwards. */
    private Visitor loggedIn(String user) {
        Visitor visitor = new Visitor(false);
        visitor.get(TASKLIST);
        Answer login = visitor.login(user, ApiClient.PASSWORD, visitor.token());
        assertThat(login.status()).as("login of %s: %s", user, login).isEqualTo(200);
        assertThat(visitor.cookies).containsKey("JSESSIONID");
        return visitor;
    }

    /** A browser reduced to its cookie jar; {@code behindTlsProxy} sends what a TLS-terminating proxy adds. */
    private final class Visitor {

        private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

        final Map<String, String> cookies = new LinkedHashMap<>();

        private final boolean behindTlsProxy;

        Visitor(boolean behindTlsProxy) {
            this.behindTlsProxy = behindTlsProxy;
        }

        String token() {
            return cookies.get("XSRF-TOKEN");
        }

        Answer get(String path) {
            return send(request(path).header("Accept", "application/json, text/html").GET());
        }

        Answer login(String user, String password, String token) {
            return post(LOGIN, "application/x-www-form-urlencoded",
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8),
                    token);
        }

        Answer listMyContacts(String filterId, String token) {
            return post("/camunda/api/engine/engine/default/filter/" + filterId + "/list", "application/json", "{}", token);
        }

        Answer post(String path, String contentType, String body, String token) {
            HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body));
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return send(request);
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
            if (behindTlsProxy) {
                request.header("X-Forwarded-Proto", "https");
            }
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet()
                    .stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
            }
            return request;
        }

        /** Keeps every cookie set, whatever its Secure flag: the proxy in front speaks HTTPS to the browser. */
        Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                List<String> set = response.headers().allValues("Set-Cookie");
                for (String cookie : set) {
                    String pair = cookie.split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                return new Answer(response.statusCode(), set, response.body());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

    }

    private record Answer(int status, List<String> cookies, String body) {

        /** The whole Set-Cookie header of that cookie, or null. */
        String cookie(String name) {
            return cookies.stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst().orElse(null);
        }

    }

}
