package io.nohold.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import io.nohold.testsupport.ApiClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board on a benchmark-sized database ({@code -Dbench.boardOnly=true}): a few hundred real contacts through intake
 * (with their tasks, so the board links them), then the case file's tables filled in bulk up to
 * {@code -Dbench.boardCases} open cases (default 100,000) over the four regions, as many closed ones, a week of
 * promise outcomes and handovers; then {@code GET /api/board} over HTTP as North's supervisor (one region) and as head of
 * service (every region side by side), p50/p95/p99 after a warm-up.
 */
final class BoardBench {

    private static final String[] CHANNELS = { "PHONE", "EMAIL", "CHAT", "WEB", "SOCIAL" };

    private static final String[] HANDOVERS = { "HANDED_OVER_TO_BACKUP", "OFFERED_TO_TEAM", "SHIFT_ENDED", "ESCALATION_OPENED",
            "ACCOMMODATION_GRANTED" };

    private final ConfigurableApplicationContext app;

    private final HttpClient http;

    private final String base;

    private final int openCases = Integer.getInteger("bench.boardCases", 100_000);

    private final int outcomesPerWeek = Integer.getInteger("bench.boardOutcomes", 50_000);

    BoardBench(ConfigurableApplicationContext app, HttpClient http, String base) {
        this.app = app;
        this.http = http;
        this.base = base;
    }

    /** {@code realContacts}: opens that many cases through intake; {@code refresh}: what autovacuum would do. */
    Map<String, Object> run(IntConsumer realContacts, Runnable refresh) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        realContacts.accept(400);
        long begin = System.nanoTime();
        fill();
        refresh.run();
        figures.put("seedSeconds", Latencies.round((System.nanoTime() - begin) / 1e9));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        figures.put("openCases", jdbc.sql("SELECT COUNT(*) FROM support_case WHERE state <> 'CLOSED'").query(Long.class).single());
        figures.put("openCasesNorth", jdbc.sql("SELECT COUNT(*) FROM support_case WHERE state <> 'CLOSED' AND region_id = 'north'")
            .query(Long.class)
            .single());
        figures.put("promiseOutcomes", jdbc.sql("SELECT COUNT(*) FROM promise_outcome").query(Long.class).single());
        figures.put("caseEvents", jdbc.sql("SELECT COUNT(*) FROM case_event").query(Long.class).single());
        figures.put("supervisorNorth", measure("sam", "/api/board"));
        figures.put("headOfServiceAllRegions", measure("head-of-service", "/api/board"));
        figures.put("headOfServiceNorth", measure("head-of-service", "/api/board?region=north"));
        return figures;
    }

    private Map<String, Object> measure(String user, String path) throws Exception {
        String auth = ApiClient.basic(user, ApiClient.PASSWORD);
        Latencies latencies = new Latencies();
        int warmUp = Integer.getInteger("bench.boardWarmup", 30);
        int calls = Integer.getInteger("bench.boardCalls", 200);
        long bytes = 0;
        latencies.start();
        for (int i = 0; i < warmUp + calls; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Authorization", auth)
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                latencies.errors.incrementAndGet();
            }
            else if (i >= warmUp) {
                latencies.add(System.nanoTime() - begin);
                bytes = answer.body().length();
            }
        }
        latencies.stop();
        Map<String, Object> summary = new LinkedHashMap<>(latencies.summary());
        summary.put("answerBytes", bytes);
        System.out.println("[bench " + Instant.now() + "] board " + path + " as " + user + ": " + summary);
        return summary;
    }

    /**
     * Open cases spread over the regions and their reps as a day's work would be: three in five still waiting for a
     * first answer (promises from an hour ago to four hours ahead, the own rep's personal window ten minutes before), the
     * rest being resolved, a few with the supervisors; held by the own rep, a backup or nobody (the team). As many
     * closed cases; a week of promise outcomes and of handovers and accommodations in the history.
     */
    private void fill() throws SQLException {
        Instant now = EngineClock.now();
        List<Region> regions = app.getBean(RegionDirectory.class).regions();
        List<List<Rep>> reps = new ArrayList<>();
        for (Region region : regions) {
            reps.add(app.getBean(RegionDirectory.class).repsOf(region.id()));
        }
        List<String> customers = app.getBean(JdbcClient.class).sql("SELECT id FROM customer ORDER BY id LIMIT 20")
            .query(String.class)
            .list();
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cases = c.prepareStatement("""
                    INSERT INTO support_case (case_number, customer_id, state, channel, subject, region_id, region_unresolved,
                      personal_rep_id, handler_id, received_at, promised_by, response_due_at, personal_window_ends_at,
                      resolution_due_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement events = c.prepareStatement("""
                            INSERT INTO case_event (case_number, occurred_at, category, type, actor, outcome, detail)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < 2 * openCases; n++) {
                    boolean closed = n >= openCases;
                    int r = n % regions.size();
                    List<Rep> team = reps.get(r);
                    Rep own = team.get((n / regions.size()) % team.size());
                    Rep backup = team.get((n / regions.size() + 1) % team.size());
                    int kind = n % 20;
                    String state = closed ? "CLOSED" : kind == 0 ? "ESCALATED" : kind == 1 ? "AWAITING_APPROVAL" : "OPEN";
                    String handler = kind % 5 == 2 ? null : kind % 5 == 3 ? backup.id() : own.id();
                    boolean waiting = !closed && kind % 5 != 4 && kind >= 2 && n % 3 != 0;
                    Instant received = now.minus(Duration.ofMinutes(n % (closed ? 20_000 : 600)));
                    Instant promised = waiting ? now.plus(Duration.ofMinutes(n % 300 - 60)) : received.plus(Duration.ofMinutes(15));
                    String number = (closed ? "NC-" : "NB-") + n;
                    cases.setString(1, number);
                    cases.setString(2, customers.get(n % customers.size()));
                    cases.setString(3, state);
                    cases.setString(4, CHANNELS[n % CHANNELS.length]);
                    cases.setString(5, "Benchmark case " + n);
                    cases.setString(6, regions.get(r).id());
                    cases.setString(7, own.id());
                    cases.setString(8, handler);
                    cases.setObject(9, EngineClock.utc(received));
                    cases.setObject(10, EngineClock.utc(promised));
                    cases.setObject(11, waiting ? EngineClock.utc(promised) : null);
                    cases.setObject(12, EngineClock.utc(promised.minus(Duration.ofMinutes(10))));
                    cases.setObject(13, EngineClock.utc(received.plus(Duration.ofHours(24))));
                    cases.setObject(14, closed ? EngineClock.utc(received.plus(Duration.ofHours(2))) : null);
                    cases.addBatch();
                    event(events, number, received, "CONTACT", "CONTACT_RECEIVED", null, CHANNELS[n % CHANNELS.length]);
                    if (n % 1000 == 999) {
                        cases.executeBatch();
                        events.executeBatch();
                        c.commit();
                    }
                }
                cases.executeBatch();
                events.executeBatch();
                c.commit();
                // a week of handovers and accommodations in open cases
                for (int n = 0; n < outcomesPerWeek / 2; n++) {
                    String type = HANDOVERS[n % HANDOVERS.length];
                    String category = type.equals("ESCALATION_OPENED") ? "ESCALATION"
                            : type.equals("ACCOMMODATION_GRANTED") ? "ACCOMMODATION" : "SLA";
                    event(events, "NB-" + (n * 7 % openCases), now.minus(Duration.ofMinutes(n % (7 * 24 * 60))), category, type,
                            n % 3 == 0 ? null : reps.get(n % regions.size()).get(0).id(), null);
                    if (n % 1000 == 999) {
                        events.executeBatch();
                        c.commit();
                    }
                }
                events.executeBatch();
                c.commit();
            }
            try (PreparedStatement outcomes = c.prepareStatement("""
                    INSERT INTO promise_outcome (case_number, region_id, channel, outcome, occurred_at, reached, actor, own_rep,
                      waited_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < outcomesPerWeek; n++) {
                    int r = n % regions.size();
                    String outcome = n % 10 == 0 ? "BROKEN" : n % 10 == 1 ? "LATE" : "KEPT";
                    boolean reached = !outcome.equals("BROKEN");
                    outcomes.setString(1, "NB-" + (n % openCases));
                    outcomes.setString(2, regions.get(r).id());
                    outcomes.setString(3, CHANNELS[n % CHANNELS.length]);
                    outcomes.setString(4, outcome);
                    outcomes.setObject(5, EngineClock.utc(now.minus(Duration.ofMinutes(n % (7 * 24 * 60)))));
                    outcomes.setBoolean(6, reached);
                    outcomes.setString(7, reached ? reps.get(r).get(n % reps.get(r).size()).id() : null);
                    outcomes.setObject(8, reached ? n % 4 != 0 : null);
                    outcomes.setObject(9, reached ? (long) (n % 3600) : null);
                    outcomes.addBatch();
                    if (n % 1000 == 999) {
                        outcomes.executeBatch();
                        c.commit();
                    }
                }
                outcomes.executeBatch();
                c.commit();
            }
        }
    }

    private static void event(PreparedStatement events, String caseNumber, Instant at, String category, String type,
            String actor, String outcome) throws SQLException {
        events.setString(1, caseNumber);
        events.setObject(2, EngineClock.utc(at));
        events.setString(3, category);
        events.setString(4, type);
        events.setString(5, actor);
        events.setString(6, outcome);
        events.setString(7, null);
        events.addBatch();
    }

}
