package io.nohold.desk;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.nohold.testsupport.ApiClient;

/**
 * The Tasklist's own engine API ({@code /camunda/api/engine/...}) called the way the Tasklist's browser code calls it:
 * a session from the webapp login, and the CSRF token of the {@code XSRF-TOKEN} cookie sent back in the
 * {@code X-XSRF-TOKEN} header of every modifying request.
 */
final class TasklistApi {

    private final CookieManager cookies = new CookieManager();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private final String base;

    private TasklistApi(int port) {
        this.base = "http://localhost:" + port + "/camunda";
    }

    /** Opens the Tasklist (which hands out a CSRF token in a cookie, without a session) and logs in. */
    static TasklistApi logIn(int port, String user) {
        TasklistApi api = new TasklistApi(port);
        api.send(HttpRequest.newBuilder(URI.create(api.base + "/app/tasklist/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(ApiClient.PASSWORD, StandardCharsets.UTF_8);
        ApiClient.Response login = api.send(api.modifying("/api/admin/auth/user/default/login/tasklist")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
        if (login.status() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " failed: " + login);
        }
        // the login opens the session and binds the token it was sent with; the Tasklist reads who is logged in next
        api.send(HttpRequest.newBuilder(URI.create(api.base + "/api/admin/auth/user/default")).header("Accept", "application/json").GET());
        return api;
    }

    /** POSTs JSON to the engine API of the default engine, e.g. {@code /task/{id}/submit-form}. */
    ApiClient.Response post(String enginePath, Object body) {
        return send(modifying("/api/engine/engine/default" + enginePath).header("Content-Type", "application/json")
            .POST(ApiClient.json(body)));
    }

    private HttpRequest.Builder modifying(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", csrfToken());
    }

    private String csrfToken() {
        return cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the Tasklist handed out no XSRF-TOKEN cookie"));
    }

    private ApiClient.Response send(HttpRequest.Builder request) {
        return ApiClient.send(http, request);
    }

}
