package io.nohold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.testsupport.WorkingDayClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Someone guesses passwords and keys: they are slowed down per source address (429 with Retry-After), the channel
 * they aim at keeps working from its own address, and nobody is locked out for good. Each test attacks from its own
 * address (forwarded by the loopback proxy, as behind a reverse proxy).
 */
@NoHoldTest
class FailedSignInTests {

    private static final int BURST = 20;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    ApiClient api;

    String attacker;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        attacker = "203.0.113." + (1 + (int) (Math.random() * 250));
    }

    @AfterEach
    void resetClock() {
        WorkingDayClock.pin();
    }

    @Test
    void guessingAChannelsKeyIsSlowedDownAndNeverLocksTheChannelOut() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(get("/api/notifications", ApiClient.basic("intake", "guess-" + i), attacker).status());
        }
        assertThat(statuses.subList(0, BURST)).containsOnly(401);
        assertThat(statuses.subList(BURST, 200)).containsOnly(429);
        Response refused = get("/api/notifications", ApiClient.basic("intake", "guess"), attacker);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        assertThat(get("/api/notifications", ApiClient.basic("intake", "demo"), "192.0.2.10").status())
            .as("the channel itself, from its own address, during the attack").isEqualTo(200);

        move(Duration.ofMinutes(2));
        assertThat(get("/api/notifications", ApiClient.basic("intake", "demo"), attacker).status())
            .as("two minutes after the attack, even from the attacker's address").isEqualTo(200);
    }

    @Test
    void guessesSentAllAtOnceGetNoMoreThanTheBurst() throws Exception {
        List<java.util.concurrent.CompletableFuture<Response>> guesses = new ArrayList<>();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 100; i++) {
                int n = i;
                guesses.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> get("/api/notifications", ApiClient.basic("intake", "parallel-" + n), attacker), senders));
            }
            long answered401 = 0;
            for (var guess : guesses) {
                int status = guess.get().status();
                assertThat(status).isIn(401, 429);
                answered401 += status == 401 ? 1 : 0;
            }
            assertThat(answered401).as("guesses that reached a check of the key").isLessThanOrEqualTo(BURST);
        }
        finally {
            senders.shutdownNow();
        }
        assertThat(get("/api/notifications", ApiClient.basic("intake", "demo"), "192.0.2.12").status()).isEqualTo(200);
    }

    @Test
    void guessingAPersonsPasswordNeverLocksThemOutForGood() {
        String user = person();
        // a slow guesser, once a minute so that every guess reaches the engine: the engine alone would have locked the
        // user for good after the tenth
        for (int i = 0; i < 15; i++) {
            assertThat(get("/api/reps/dana", ApiClient.basic(user, "guess-" + i), attacker).status()).isEqualTo(401);
            move(Duration.ofSeconds(61));
        }
        assertThat(get("/api/reps/dana", ApiClient.basic(user, ApiClient.PASSWORD), attacker).status()).isEqualTo(200);
        assertThat(get("/engine-rest/task/count", ApiClient.basic(user, ApiClient.PASSWORD), "192.0.2.11").status()).isEqualTo(200);
    }

    @Test
    void afterABurstOfGuessesThePersonSignsInAgainWithinTwoMinutes() {
        String user = person();
        for (int i = 0; i < BURST + 5; i++) {
            get("/api/reps/dana", ApiClient.basic(user, "guess-" + i), attacker);
        }

        move(Duration.ofMinutes(2));
        assertThat(get("/api/reps/dana", ApiClient.basic(user, ApiClient.PASSWORD), attacker).status()).isEqualTo(200);
    }

    @Test
    void theEnginesRestApiAndTheWebappLoginAreLimitedToo() {
        // guesses delay the person's next sign-in: aim them at someone no other test signs in as
        String user = person();
        List<Integer> engine = new ArrayList<>();
        for (int i = 0; i < BURST + 3; i++) {
            engine.add(get("/engine-rest/task", ApiClient.basic(user, "guess-" + i), attacker).status());
        }
        assertThat(engine).endsWith(429, 429, 429);

        // the Tasklist's own way: the CSRF token cookie first, then the login with the token in the header
        String other = "203.0.113.251";
        List<Integer> login = new ArrayList<>();
        for (int i = 0; i < BURST + 3; i++) {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            ApiClient.send(browser, api.request("/camunda/app/tasklist/default/").header("X-Forwarded-For", other).GET());
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
            login.add(ApiClient.send(browser, api.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-Forwarded-For", other)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=guess-" + i))).status());
        }
        assertThat(login.subList(0, BURST)).containsOnly(401);
        assertThat(login).endsWith(429, 429, 429);
    }

    private String person() {
        String id = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(ApiClient.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "head-of-service");
        return id;
    }

    private Response get(String path, String authorization, String source) {
        return api.send(api.request(path).header("Authorization", authorization).header("X-Forwarded-For", source).GET());
    }

    private static void move(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }

}
