package io.nohold.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.PostgresRequired;
import io.nohold.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two NoHold nodes, separate JVMs from the packaged jar, on one fresh PostgreSQL database, job executors on.
 * <ol>
 * <li>SLA timers fall due on both nodes at once (their due dates are moved in the database) and run exactly once.</li>
 * <li>A burst of contacts to both nodes; one node is killed with SIGKILL in the middle. Every answered contact has
 * exactly one case; unanswered ones are resent with the same externalId and still get exactly one; timers that fall
 * due while the whole cluster is down fire once it is back.</li>
 * </ol>
 * Figures go to target/cluster-report.json; node logs to target/cluster/.
 */
@ExtendWith(PostgresRequired.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String PERSONAL_WINDOW = "BoundaryEvent_PersonalWindowElapsed";

    static final String FIRST_RESPONSE = "BoundaryEvent_FirstResponseDeadlineMissed";

    static final int TIMER_CASES = Integer.getInteger("nohold.cluster.timer-cases", 40);

    static final int BURST = Integer.getInteger("nohold.cluster.burst", 500);

    static final int THREADS = Integer.getInteger("nohold.cluster.threads", 12);

    static final Duration WAIT = Duration.ofSeconds(180);

    static final String[] POSTAL_CODES = { "20095", "80331", "01067", "50667" };

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private final Map<String, Object> report = new LinkedHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private String database;

    private Node a;

    private Node b;

    @BeforeAll
    void startCluster() throws Exception {
        Path jar = Path.of(System.getProperty("nohold.jar", "target/nohold-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run mvn package first)").exists();
        database = TestDatabase.create("nohold_cluster");
        List<String> arguments = List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + TestDatabase.url(database),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                // each node's demo mail server on free ports: two nodes on one machine, beside a running demo
                "--nohold.demo-mail.smtp-port=0", "--nohold.demo-mail.imap-port=0");
        Path logs = Path.of("target", "cluster");
        a = new Node("node-a", jar, logs, arguments);
        b = new Node("node-b", jar, logs, arguments);
        report.put("database", database);
        // both nodes at once on the empty database: the startup lock makes one wait for the other (docs/operations.md)
        Instant started = Instant.now();
        a.start();
        b.start();
        a.awaitHealthy(WAIT);
        b.awaitHealthy(WAIT);
        report.put("firstStartOfBothNodesSeconds", Duration.between(started, Instant.now()).toSeconds());
        Map<String, Integer> schema;
        try (Connection db = db()) {
            schema = fingerprint(db);
            assertThat(schema.get("deployments")).as("deployments of processes/").isEqualTo(1);
            assertThat(schema.get("filters")).as("Tasklist filters").isEqualTo(4);
        }
        report.put("schemaAfterFirstStart", schema);
        aroundTheClock(a);
        System.out.printf("cluster: %s on port %d (pid %d), %s on port %d (pid %d), database %s%n", a.name, a.port, a.pid(),
                b.name, b.port, b.pid(), database);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (a != null && b != null) {
            report.put("startupLockWaits", Map.of(a.name, a.logged("waiting for it to finish (startup lock)"), b.name,
                    b.logged("waiting for it to finish (startup lock)")));
        }
        if (database != null) {
            try (Connection db = db()) {
                report.put("jobsExecutedByNode", jobsByNode(db, null));
            }
            catch (SQLException e) {
                report.put("jobsExecutedByNode", "unknown: " + e.getMessage());
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "cluster-report.json"), JSON.writeValueAsString(report));
        System.out.println("cluster report (target/cluster-report.json):\n" + JSON.writeValueAsString(report));
    }

    @Test
    @Order(1)
    void dueTimersRunExactlyOnceOnTwoNodes() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < TIMER_CASES; i++) {
            Node node = i % 2 == 0 ? a : b;
            Answer answer = submit(node, "timers-" + run + "-" + i, "timers-" + run + "-" + i, POSTAL_CODES[i % 4]);
            assertThat(answer.status()).as("answer of %s: %s", node.name, answer.body()).isEqualTo(201);
            assertThat(answer.json().path("handler").path("id").asText()).as("handler at intake").isNotEmpty();
            assertThat(answer.json().path("promisedBy").asText()).as("promise at intake").isNotEmpty();
            cases.add(answer.json().path("caseNumber").asText());
        }
        try (Connection db = db()) {
            assertThat(timers(db, PERSONAL_WINDOW, cases)).isEqualTo(TIMER_CASES);
            assertThat(timers(db, FIRST_RESPONSE, cases)).isEqualTo(TIMER_CASES);

            assertThat(makeDue(db, PERSONAL_WINDOW, cases)).isEqualTo(TIMER_CASES);
            awaitTimersDone(db, PERSONAL_WINDOW, cases);
            assertThat(makeDue(db, FIRST_RESPONSE, cases)).isEqualTo(TIMER_CASES);
            awaitTimersDone(db, FIRST_RESPONSE, cases);

            Map<String, Map<String, Integer>> events = countsPerCase(db,
                    "SELECT case_number, type, COUNT(*) FROM case_event WHERE case_number = ANY(?) GROUP BY case_number, type", cases);
            Map<String, Map<String, Integer>> notifications = countsPerCase(db,
                    "SELECT case_number, kind, COUNT(*) FROM notification WHERE case_number = ANY(?) GROUP BY case_number, kind", cases);
            Map<String, Integer> openReachTasks = countPerCase(db, """
                    SELECT c.case_number, COUNT(t.id_) FROM support_case c
                    LEFT JOIN act_ru_task t ON t.proc_inst_id_ = c.process_instance_id AND t.task_def_key_ = 'UserTask_ReachCustomer'
                    WHERE c.case_number = ANY(?) GROUP BY c.case_number""", cases);
            for (String caseNumber : cases) {
                Map<String, Integer> e = events.getOrDefault(caseNumber, Map.of());
                Map<String, Integer> n = notifications.getOrDefault(caseNumber, Map.of());
                assertThat(e.get("HANDED_OVER_TO_BACKUP")).as("HANDED_OVER_TO_BACKUP events of %s", caseNumber).isEqualTo(1);
                assertThat(e.get("PROMISE_BROKEN")).as("PROMISE_BROKEN events of %s", caseNumber).isEqualTo(1);
                assertThat(e.get("OFFERED_TO_TEAM")).as("OFFERED_TO_TEAM events of %s", caseNumber).isEqualTo(1);
                assertThat(n.get("HANDED_OVER")).as("HANDED_OVER notifications of %s", caseNumber).isEqualTo(2);
                assertThat(n.get("PROMISE_BROKEN")).as("PROMISE_BROKEN notifications of %s", caseNumber).isEqualTo(1);
                assertThat(n.get("OFFERED_TO_TEAM")).as("OFFERED_TO_TEAM notifications of %s", caseNumber).isEqualTo(2);
                assertThat(openReachTasks.get(caseNumber)).as("open Reach customer tasks of %s", caseNumber).isEqualTo(1);
            }
            Map<String, Integer> byNode = jobsByNode(db, cases);
            System.out.println("SLA timers of " + cases.size() + " cases executed by " + byNode);
            report.put("timerTest", Map.of("cases", cases.size(), "timersMoved", 2 * cases.size(), "timersExecutedByNode", byNode,
                    "duplicates", 0));
        }
    }

    @Test
    @Order(2)
    void burstWithOneNodeKilledLosesNothingAndDuplicatesNothing() throws Exception {
        Map<Integer, Answer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int killAt = BURST * 2 / 5;
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        Instant burstStarted = Instant.now();
        long[] killedAt = new long[1];
        for (int t = 0; t < THREADS; t++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < BURST; i = next.getAndIncrement()) {
                    Node node = i % 2 == 0 ? a : b;
                    answers.put(i, submit(node, externalId(i), "burst-" + run + "-" + i, POSTAL_CODES[i % 4]));
                    if (done.incrementAndGet() == killAt) {
                        killedAt[0] = System.nanoTime();
                        try {
                            b.kill();
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        System.out.println("killed " + b.name + " (SIGKILL) after " + killAt + " answers");
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("burst finished").isTrue();
        long burstMillis = Duration.between(burstStarted, Instant.now()).toMillis();
        assertThat(b.alive()).isFalse();

        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.values().forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        List<Integer> answered = answers.entrySet().stream().filter(e -> e.getValue().status() == 201).map(Map.Entry::getKey).toList();
        List<Integer> unanswered = answers.entrySet().stream().filter(e -> e.getValue().status() != 201).map(Map.Entry::getKey).sorted().toList();
        System.out.printf("burst: %d sent in %d ms, answers %s (0 = no answer: connection refused or reset)%n", BURST, burstMillis, statuses);

        // the whole cluster goes down: the surviving node is killed as well, and timers fall due while nothing runs
        a.kill();
        Map<String, Integer> schema;
        try (Connection db = db()) {
            schema = fingerprint(db);
        }
        int moved;
        List<String> burstCases;
        try (Connection db = db()) {
            burstCases = strings(db, "SELECT case_number FROM contact WHERE external_id LIKE ? AND case_number IS NOT NULL",
                    "burst-" + run + "-%");
            moved = makeDue(db, PERSONAL_WINDOW, burstCases);
        }
        Instant restarted = Instant.now();
        a.start();
        b.start();
        a.awaitHealthy(WAIT);
        b.awaitHealthy(WAIT);
        long restartSeconds = Duration.between(restarted, Instant.now()).toSeconds();
        try (Connection db = db()) {
            assertThat(fingerprint(db)).as("schema, deployments and demo data after restarting both nodes").isEqualTo(schema);
        }

        // what got no answer: stored before the crash or not, its case opened or not
        int unansweredStored;
        int unansweredWithCase;
        try (Connection db = db()) {
            List<String> ids = unanswered.stream().map(this::externalId).toList();
            unansweredStored = countIn(db, "SELECT COUNT(*) FROM contact WHERE external_id = ANY(?)", ids);
            unansweredWithCase = countIn(db, "SELECT COUNT(*) FROM contact WHERE external_id = ANY(?) AND case_number IS NOT NULL", ids);
        }

        // what got no answer is sent again, with the same externalId, to either node
        Map<Integer, Integer> resendStatuses = new TreeMap<>();
        for (int i : unanswered) {
            Node node = i % 2 == 0 ? b : a;
            Answer answer = submit(node, externalId(i), "burst-" + run + "-" + i, POSTAL_CODES[i % 4]);
            resendStatuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as("resent %s to %s: %s", externalId(i), node.name, answer.body()).isIn(200, 201);
        }

        try (Connection db = db()) {
            awaitTimersDone(db, PERSONAL_WINDOW, burstCases);
            Map<String, Integer> handedOver = countPerCase(db,
                    "SELECT case_number, COUNT(*) FROM case_event WHERE case_number = ANY(?) AND type = 'HANDED_OVER_TO_BACKUP' GROUP BY case_number",
                    burstCases);
            Map<String, Integer> handedOverNotifications = countPerCase(db,
                    "SELECT case_number, COUNT(*) FROM notification WHERE case_number = ANY(?) AND kind = 'HANDED_OVER' GROUP BY case_number",
                    burstCases);
            for (String caseNumber : burstCases) {
                assertThat(handedOver.get(caseNumber)).as("HANDED_OVER_TO_BACKUP events of %s after the restart", caseNumber).isEqualTo(1);
                assertThat(handedOverNotifications.get(caseNumber)).as("HANDED_OVER notifications of %s", caseNumber).isEqualTo(2);
            }

            String like = "burst-" + run + "-%";
            int contacts = count(db, "SELECT COUNT(*) FROM contact WHERE external_id LIKE ?", like);
            int contactDuplicates = count(db, "SELECT COUNT(*) FROM (SELECT external_id FROM contact WHERE external_id LIKE ?"
                    + " GROUP BY channel, external_id HAVING COUNT(*) > 1) d", like);
            int withoutCase = count(db, "SELECT COUNT(*) FROM contact WHERE external_id LIKE ? AND case_number IS NULL", like);
            int cases = count(db, "SELECT COUNT(*) FROM support_case s JOIN customer c ON c.id = s.customer_id WHERE c.email LIKE ?",
                    "burst-" + run + "-%@example.com");
            int caseDuplicates = count(db, "SELECT COUNT(*) FROM (SELECT s.customer_id FROM support_case s JOIN customer c ON c.id = s.customer_id"
                    + " WHERE c.email LIKE ? GROUP BY s.customer_id HAVING COUNT(*) > 1) d", "burst-" + run + "-%@example.com");
            int instances = count(db, "SELECT COUNT(*) FROM act_hi_procinst p JOIN contact c ON c.case_number = p.business_key_"
                    + " WHERE p.proc_def_key_ = 'ContactLifecycle' AND c.external_id LIKE ?", like);
            int instanceDuplicates = count(db, "SELECT COUNT(*) FROM (SELECT p.business_key_ FROM act_hi_procinst p JOIN contact c"
                    + " ON c.case_number = p.business_key_ WHERE p.proc_def_key_ = 'ContactLifecycle' AND c.external_id LIKE ?"
                    + " GROUP BY p.business_key_ HAVING COUNT(*) > 1) d", like);
            int running = count(db, "SELECT COUNT(*) FROM act_ru_execution e JOIN support_case s ON s.process_instance_id = e.id_"
                    + " JOIN contact c ON c.case_number = s.case_number WHERE e.parent_id_ IS NULL AND c.external_id LIKE ?", like);
            for (int i : answered) {
                String caseNumber = answers.get(i).json().path("caseNumber").asText();
                assertThat(strings(db, "SELECT case_number FROM contact WHERE external_id = ?", externalId(i)))
                    .as("case of answered contact %s", externalId(i)).containsExactly(caseNumber);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("sent", BURST);
            figures.put("clientThreads", THREADS);
            figures.put("burstMillis", burstMillis);
            figures.put("killedNodeAfterAnswers", killAt);
            figures.put("answersByStatus", statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> e.getKey() == 0 ? "noAnswer" : e.getKey().toString(), Map.Entry::getValue, (x, y) -> x, TreeMap::new)));
            figures.put("answered201", answered.size());
            figures.put("errors", unanswered.size());
            figures.put("unansweredButStored", unansweredStored);
            figures.put("unansweredButCaseOpened", unansweredWithCase);
            figures.put("resent", unanswered.size());
            figures.put("resendAnswersByStatus", resendStatuses);
            figures.put("contactsStored", contacts);
            figures.put("contactsWithoutCase", withoutCase);
            figures.put("casesFound", cases);
            figures.put("processInstancesFound", instances);
            figures.put("processInstancesRunning", running);
            figures.put("duplicateContacts", contactDuplicates);
            figures.put("duplicateCases", caseDuplicates);
            figures.put("duplicateProcessInstances", instanceDuplicates);
            figures.put("timersMovedWhileClusterDown", moved);
            figures.put("timersFiredAfterRestartByNode", jobsByNode(db, burstCases, PERSONAL_WINDOW));
            figures.put("restartSeconds", restartSeconds);
            report.put("crashTest", figures);
            System.out.println("crash test: " + figures);

            assertThat(contacts).as("contacts stored").isEqualTo(BURST);
            assertThat(withoutCase).as("contacts without a case").isZero();
            assertThat(contactDuplicates).as("duplicate contacts").isZero();
            assertThat(cases).as("cases").isEqualTo(BURST);
            assertThat(caseDuplicates).as("duplicate cases").isZero();
            assertThat(instances).as("ContactLifecycle instances").isEqualTo(BURST);
            assertThat(instanceDuplicates).as("duplicate ContactLifecycle instances").isZero();
            assertThat(running).as("running ContactLifecycle instances").isEqualTo(BURST);
            assertThat(moved).as("timers moved while the cluster was down").isPositive();
            // Which node runs a due job is decided by the job acquisition race; exactly-once is asserted above
            // whichever node ran it. The split is reported, not asserted, so the test does not depend on scheduling.
            figures.put("jobsExecutedByNodeOverTheRun", jobsByNode(db, null));
        }
    }

    // HTTP

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            }
            catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

    }

    private String externalId(int i) {
        return "burst-" + run + "-" + i;
    }

    /**
     * The cluster serves around the clock: every region open and every rep on shift at any hour, through the
     * administrators' API, so that the rings find a backup on shift whenever this test runs (the demo's calendars and
     * shifts would close East at 16:00 Warsaw time and leave nobody to hand over to).
     */
    private void aroundTheClock(Node node) throws Exception {
        String allDay = String.join(", ", java.util.Arrays.stream(java.time.DayOfWeek.values())
            .map(day -> "\"" + day + "\": [{\"from\": \"00:00\", \"to\": \"24:00\"}]")
            .toList());
        List<String> regions = new ArrayList<>();
        List<String> reps = new ArrayList<>();
        try (Connection db = db(); var statement = db.createStatement()) {
            try (var rows = statement.executeQuery("SELECT id FROM region ORDER BY id")) {
                while (rows.next()) {
                    regions.add(rows.getString(1));
                }
            }
            try (var rows = statement.executeQuery("SELECT id FROM rep WHERE removed_at IS NULL ORDER BY id")) {
                while (rows.next()) {
                    reps.add(rows.getString(1));
                }
            }
        }
        for (String region : regions) {
            assertThat(put(node, "/api/regions/" + region + "/calendar", """
                    {"timeZone": "UTC", "openingHours": {%s}, "holidays": null, "closedDates": []}""".formatted(allDay)))
                .as("calendar of %s", region).isEqualTo(200);
        }
        for (String rep : reps) {
            assertThat(put(node, "/api/reps/" + rep + "/schedule", """
                    {"shifts": {%s}, "absences": []}""".formatted(allDay))).as("schedule of %s", rep).isEqualTo(200);
        }
    }

    private int put(Node node, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.base() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", ApiClient.basic("admin", ApiClient.PASSWORD))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** One PHONE contact of a new customer; status 0 when no answer came (connection refused or reset, timeout). */
    private Answer submit(Node node, String externalId, String customerTag, String postalCode) {
        String body = """
                {"channel": "PHONE", "externalId": "%s",
                 "customer": {"name": "Customer %s", "email": "%s@example.com", "postalCode": "%s", "country": "DE"},
                 "subject": "Cluster test", "message": "Please call me back."}""".formatted(externalId, customerTag, customerTag, postalCode);
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.base() + "/api/contacts"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", ApiClient.basic("intake", ApiClient.PASSWORD))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        catch (IOException e) {
            return new Answer(0, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    // database

    private Connection db() throws SQLException {
        return TestDatabase.connect(database);
    }

    /** What a restart must not change: tables, indexes, migrations, deployments, process versions, demo users. */
    private static Map<String, Integer> fingerprint(Connection db) throws SQLException {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String[] query : new String[][] {
                { "tables", "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'" },
                { "indexes", "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public'" },
                { "flywayMigrations", "SELECT COUNT(*) FROM nohold_schema_history" },
                { "deployments", "SELECT COUNT(*) FROM act_re_deployment" },
                { "processDefinitions", "SELECT COUNT(*) FROM act_re_procdef" },
                { "decisionDefinitions", "SELECT COUNT(*) FROM act_re_decision_def" },
                { "users", "SELECT COUNT(*) FROM act_id_user" },
                { "groupMemberships", "SELECT COUNT(*) FROM act_id_membership" },
                // not those the engine grants on tasks as they are assigned (timers may fire right after a start)
                { "authorizations", "SELECT COUNT(*) FROM act_ru_authorization WHERE resource_id_ NOT IN (SELECT id_ FROM act_hi_taskinst)" },
                { "filters", "SELECT COUNT(*) FROM act_ru_filter" },
                { "reps", "SELECT COUNT(*) FROM rep" } }) {
            try (PreparedStatement statement = db.prepareStatement(query[1])) {
                result.put(query[0], single(statement));
            }
        }
        return result;
    }

    private static int timers(Connection db, String activityId, Collection<String> cases) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                JOIN support_case c ON c.process_instance_id = j.process_instance_id_
                WHERE j.handler_type_ = 'timer-transition' AND d.act_id_ = ? AND c.case_number = ANY(?)""")) {
            statement.setString(1, activityId);
            statement.setArray(2, array(db, cases));
            return single(statement);
        }
    }

    /** Moves the due date of these cases' timers of this boundary event to a second ago, as if the time had come. */
    private static int makeDue(Connection db, String activityId, Collection<String> cases) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                UPDATE act_ru_job SET duedate_ = ?
                WHERE handler_type_ = 'timer-transition'
                AND job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = ?)
                AND process_instance_id_ IN (SELECT process_instance_id FROM support_case WHERE case_number = ANY(?))""")) {
            // Camunda stores local time without a time zone; this JVM and the nodes share the time zone
            statement.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 1000));
            statement.setString(2, activityId);
            statement.setArray(3, array(db, cases));
            return statement.executeUpdate();
        }
    }

    /** Polls until no timer of this event is left for these cases; fails on a job that failed. */
    private static void awaitTimersDone(Connection db, String activityId, Collection<String> cases) throws Exception {
        await("timers " + activityId + " of " + cases.size() + " cases executed", () -> {
            try {
                try (PreparedStatement failed = db.prepareStatement("""
                        SELECT j.exception_msg_ FROM act_ru_job j JOIN support_case c ON c.process_instance_id = j.process_instance_id_
                        WHERE j.exception_msg_ IS NOT NULL AND c.case_number = ANY(?)""")) {
                    failed.setArray(1, array(db, cases));
                    try (ResultSet rs = failed.executeQuery()) {
                        if (rs.next()) {
                            throw new AssertionError("a job failed: " + rs.getString(1));
                        }
                    }
                }
                return timers(db, activityId, cases) == 0;
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    /** Successful job executions by the engine's host name (each node has its own), from the job log. */
    private static Map<String, Integer> jobsByNode(Connection db, Collection<String> cases, String... activityIds) throws SQLException {
        String sql = "SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l"
                + (cases == null ? "" : " JOIN support_case c ON c.process_instance_id = l.process_instance_id_")
                + " WHERE l.job_state_ = 2" + (cases == null ? "" : " AND c.case_number = ANY(?)")
                + (activityIds.length == 0 ? "" : " AND l.act_id_ = ANY(?)") + " GROUP BY l.hostname_";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            int p = 1;
            if (cases != null) {
                statement.setArray(p++, array(db, cases));
            }
            if (activityIds.length > 0) {
                statement.setArray(p, array(db, List.of(activityIds)));
            }
            Map<String, Integer> result = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
            return result;
        }
    }

    private static Map<String, Map<String, Integer>> countsPerCase(Connection db, String sql, Collection<String> cases) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, array(db, cases));
            Map<String, Map<String, Integer>> result = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            return result;
        }
    }

    private static Map<String, Integer> countPerCase(Connection db, String sql, Collection<String> cases) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, array(db, cases));
            Map<String, Integer> result = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
            return result;
        }
    }

    private static int count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return single(statement);
        }
    }

    private static int countIn(Connection db, String sql, Collection<String> values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, array(db, values));
            return single(statement);
        }
    }

    private static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Array array(Connection db, Collection<String> values) throws SQLException {
        return db.createArrayOf("varchar", values.toArray());
    }

}
