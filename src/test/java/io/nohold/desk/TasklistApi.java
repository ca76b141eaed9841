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
public final class TasklistApi {

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
    public static TasklistApi logIn(int port, String user) {
        return logIn(port, user, "tasklist");
    }

    /** Opens the Tasklist's login page (which hands out a CSRF token) without logging in. */
    public static TasklistApi anonymous(int port) {
        TasklistApi api = new TasklistApi(port);
        api.send(HttpRequest.newBuilder(URI.create(api.base + "/app/tasklist/default/")).GET());
        return api;
    }

    /**
     * Logs in to one of the webapps: {@code tasklist}, {@code cockpit}, {@code admin} or {@code welcome} (the welcome
     * page takes every user, so anyone with a password gets a session for the engine API).
     */
    public static TasklistApi logIn(int port, String user, String app) {
        return logIn(port, user, ApiClient.PASSWORD, app);
    }

    /** Logs in to the Tasklist with a password of one's own. */
    public static TasklistApi logInWithPassword(int port, String user, String password) {
        return logIn(port, user, password, "tasklist");
    }

    private static TasklistApi logIn(int port, String user, String password, String app) {
        TasklistApi api = new TasklistApi(port);
        ApiClient.Response login = api.tryLogIn(user, password, app);
        if (login.status() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " failed: " + login);
        }
        return api;
    }

    /** The answer of the Tasklist's login form, whatever it is (200 when the user got in). */
    public static ApiClient.Response loginAnswer(int port, String user, String password) {
        return new TasklistApi(port).tryLogIn(user, password, "tasklist");
    }

    private ApiClient.Response tryLogIn(String user, String password, String app) {
        send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        ApiClient.Response login = send(modifying("/api/admin/auth/user/default/login/" + app)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
        if (login.status() == 200) {
            // the login opens the session and binds the token it was sent with; the Tasklist reads who is logged in next
            send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default")).header("Accept", "application/json").GET());
        }
        return login;
    }

    public ApiClient.Response put(String enginePath, Object body) {
        return send(modifying("/api/engine/engine/default" + enginePath).header("Content-Type", "application/json")
            .PUT(ApiClient.json(body)));
    }

    public ApiClient.Response delete(String enginePath) {
        return send(modifying("/api/engine/engine/default" + enginePath).DELETE());
    }

    /** POSTs JSON to the engine API of the default engine, e.g. {@code /task/{id}/submit-form}. */
    public ApiClient.Response post(String enginePath, Object body) {
        return send(modifying("/api/engine/engine/default" + enginePath).header("Content-Type", "application/json")
            .POST(ApiClient.json(body)));
    }

    /** GETs from the engine API of the default engine, e.g. {@code /task/{id}/form-variables}. */
    public ApiClient.Response get(String enginePath) {
        return call("GET", "/api/engine/engine/default" + enginePath, null);
    }

    /**
     * Any call below the webapps' root ({@code /camunda}), e.g. {@code DELETE /api/engine/engine/default/user/dana};
     * a body is sent as JSON.
     */
    public ApiClient.Response call(String method, String appPath, Object body) {
        HttpRequest.Builder request = modifying(appPath);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").method(method, ApiClient.json(body));
        }
        return send(request);
    }

    /**
     * Calls NoHold's own API ({@code /api/...}) from the page's side: the session cookie always, the CSRF token in
     * {@code X-XSRF-TOKEN} only {@code withToken}; a body is sent as JSON.
     */
    public ApiClient.Response nohold(String method, String apiPath, Object body, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceFirst("/camunda$", "") + apiPath))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
        if (withToken) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").method(method, ApiClient.json(body));
        }
        return send(request);
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
