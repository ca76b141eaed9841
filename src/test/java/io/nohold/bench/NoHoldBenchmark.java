package io.nohold.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nohold.NoHoldApplication;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeService;
import io.nohold.customer.CustomerDetails;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.desk.TasklistFilters;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.WorkingDayClock;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast NoHold serves contacts and how its cost grows: intake over real HTTP at fixed arrival rates and flat out,
 * the bare engine as baseline, Tasklist filter queries with many open cases, an SLA storm, growth and memory. Prints
 * its figures and writes them to target/bench/results.json and summary.md. Run with {@code mvn -Pbench verify}; see
 * docs/performance.md for the knobs.
 */
public final class NoHoldBenchmark {

    private static final String AUTH = ApiClient.basic("intake", ApiClient.PASSWORD);

    private static final String[] POSTAL_CODES = { "20095", "80331", "01067", "50667" };

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String database;

    private final int[] rates = ints(System.getProperty("bench.rates", "25,50,100"));

    private final int seconds = Integer.getInteger("bench.seconds", 20);

    private final int threads = Integer.getInteger("bench.threads", 8);

    private final int[] openCaseLevels = ints(System.getProperty("bench.openCases", "1000,10000,100000"));

    private final int stormSize = Integer.getInteger("bench.stormSize", 10000);

    private final int closedCases = Integer.getInteger("bench.closedCases", 500);

    private ConfigurableApplicationContext app;

    private HttpClient http;

    private String base;

    private NoHoldBenchmark(String database) {
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        try {
            measure();
        }
        catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void measure() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        String summary = "";
        for (String database : System.getProperty("bench.databases", "h2").split(",")) {
            results.put(database.trim(), new NoHoldBenchmark(database.trim()).run());
            if (Boolean.getBoolean("bench.stormOnly") || Boolean.getBoolean("bench.tasklistOnly")
                    || Boolean.getBoolean("bench.costOnly") || Boolean.getBoolean("bench.boardOnly")
                    || Boolean.getBoolean("bench.searchOnly")) {
                summary += database + ": " + results.get(database.trim()) + "\n";
                continue;
            }
            summary = write(results);
        }
        System.out.println(summary);
        System.exit(0);
    }

    /** Writes what has been measured so far, after each database, so that a long run leaves its figures early. */
    private static String write(Map<String, Object> results) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("results.json").toFile(), results);
        String summary = BenchReport.markdown(results);
        Files.writeString(dir.resolve("summary.md"), summary);
        BenchReport.chart(results, dir.resolve("intake-latency.png"));
        return summary;
    }

    private Map<String, Object> run() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        start();
        try {
            if (Boolean.getBoolean("bench.tasklistOnly")) {
                figures.put("tasklist", tasklistQueries());
                return figures;
            }
            if (Boolean.getBoolean("bench.stormOnly")) {
                seedOpenCases(stormSize, "PHONE");
                figures.put("slaStorm", storm());
                return figures;
            }
            if (Boolean.getBoolean("bench.costOnly")) {
                figures.put("cost", cost());
                return figures;
            }
            if (Boolean.getBoolean("bench.boardOnly")) {
                figures.put("board", new BoardBench(app, http, base).run(count -> {
                    try {
                        // the first alone: the holiday library looks up its data source once, and not safely in parallel
                        submitInProcess("PHONE");
                        parallel(count - 1, i -> submitInProcess(i % 2 == 0 ? "PHONE" : "EMAIL"));
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, this::refreshStatistics));
                return figures;
            }
            if (Boolean.getBoolean("bench.searchOnly")) {
                figures.put("search", new SearchBench(this, app, http, base)
                    .run(Integer.getInteger("bench.searchCases", 100000)));
                return figures;
            }
            log("warm-up");
            closedLoop(Math.max(5, seconds / 2), this::submitOverHttp, "EMAIL");
            Map<String, Object> growth = new LinkedHashMap<>();
            measureGrowth(growth, openCaseLevels[0]);
            Map<String, Object> intake = new LinkedHashMap<>();
            for (int rate : rates) {
                log("intake at " + rate + "/s");
                intake.put(rate + "/s", openLoop(rate, seconds).summary());
            }
            log("intake flat out");
            Latencies flatOut = closedLoop(seconds, this::submitOverHttp, "EMAIL");
            intake.put("flat out", flatOut.summary());
            figures.put("intake", intake);

            log("engine baseline");
            Latencies baseline = baseline();
            Latencies inProcess = closedLoop(seconds, this::submitInProcess, "EMAIL");
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("baseline", baseline.summary());
            cost.put("intakeInProcess", inProcess.summary());
            cost.put("intakeOverHttp", flatOut.summary());
            cost.put("ratioHttp", Math.round(baseline.count() / baseline.seconds() / (flatOut.count() / flatOut.seconds()) * 100) / 100.0);
            cost.put("ratioInProcess", Math.round(baseline.count() / baseline.seconds() / (inProcess.count() / inProcess.seconds()) * 100) / 100.0);
            figures.put("costVersusBaseline", cost);

            figures.put("databaseBytesPerClosedCase", bytesPerClosedCase());

            for (int level : Arrays.copyOfRange(openCaseLevels, 1, openCaseLevels.length)) {
                measureGrowth(growth, level);
            }
            figures.put("growth", growth);
            seedOpenCases(openCases() + stormSize, "PHONE");
            figures.put("slaStorm", storm());
            figures.put("tasklist", tasklistQueries());
            figures.put("heapAfterFullGcMb", heapAfterGc());
        }
        finally {
            app.close();
        }
        return figures;
    }

    private void start() throws Exception {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "logging.level.root=WARN", "logging.level.io.nohold=WARN",
                "nohold.test.process-coverage=false",
                // the demo's mail server on free ports, so that a benchmark can run beside another or a running demo
                "nohold.demo-mail.smtp-port=0", "nohold.demo-mail.imap-port=0"));
        if (database.equals("postgres")) {
            // -Dbench.existingDatabase=nohold_bench_... (H2: target/bench/h2-...) measures again on an earlier run's data
            String adminUrl = System.getProperty("bench.postgresAdminUrl", "jdbc:postgresql://127.0.0.1:5432/test");
            String name = System.getProperty("bench.existingDatabase", "");
            if (name.isBlank()) {
                name = "nohold_bench_" + System.currentTimeMillis();
                try (Connection c = DriverManager.getConnection(adminUrl, System.getProperty("bench.postgresUser", "postgres"), "");
                        Statement statement = c.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
            // the new database on the same server as the admin database
            properties.add("spring.datasource.url=" + adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name);
            properties.add("spring.datasource.username=" + System.getProperty("bench.postgresUser", "postgres"));
            properties.add("spring.datasource.password=");
        }
        else {
            String existing = System.getProperty("bench.existingDatabase", "");
            File dir = existing.isBlank() ? new File("target/bench/h2-" + System.currentTimeMillis()) : new File(existing);
            properties.add("spring.datasource.url=jdbc:h2:file:" + dir.getAbsolutePath() + "/nohold");
        }
        // promises count business hours: every run measures the same working morning, whenever it is started
        WorkingDayClock.pin();
        app = new SpringApplicationBuilder(NoHoldApplication.class)
            .profiles(database.equals("postgres") ? new String[] { "demo", "postgres" } : new String[] { "demo" })
            .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        log("started on " + database + " at " + base);
    }

    private void submitOverHttp(String channel) {
        long n = SEQUENCE.incrementAndGet();
        String body = """
                {"channel": "%s", "externalId": "bench-%s", "customer": {"email": "bench-%s@example.com",
                 "name": "Bench Customer", "postalCode": "%s"}, "subject": "Benchmark", "message": "Measured contact",
                 "newTopic": true}""".formatted(channel, UUID.randomUUID(), n % 5000, POSTAL_CODES[(int) (n % 4)]);
        postContact(body);
    }

    /** {@code POST /api/contacts} as the channel user; anything but 201 fails the operation. */
    private void postContact(String body) {
        send(HttpRequest.newBuilder(URI.create(base + "/api/contacts"))
            .header("Content-Type", "application/json")
            .header("Authorization", AUTH)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), 201);
    }

    /**
     * What intake costs next to the bare engine, like with like: {@code POST /api/contacts} against the engine's own
     * REST start of a start → user task process, both over HTTP, same client and callers, same run, both warmed up
     * first ({@code -Dbench.warmupSeconds}, default 60: the JIT needs about a minute). Also the rows each contact
     * writes, table by table, for a new customer and for a known one.
     */
    private Map<String, Object> cost() throws Exception {
        deployBaseline();
        int warmup = Integer.getInteger("bench.warmupSeconds", 60);
        log("warm-up " + warmup + " s");
        for (int i = 0; i < KNOWN_CUSTOMERS; i++) {
            submitKnownCustomerOverHttp("EMAIL");
        }
        closedLoop(warmup / 2, this::submitNewCustomerOverHttp, "EMAIL");
        closedLoop(warmup / 2, channel -> startOverEngineRest(), null);
        Map<String, Object> cost = new LinkedHashMap<>();
        log("rows per contact");
        cost.put("rowsPerContactNewCustomer", rowsPerContact(200, this::submitNewCustomerOverHttp));
        cost.put("rowsPerContactKnownCustomer", rowsPerContact(200, this::submitKnownCustomerOverHttp));
        cost.put("rowsPerEngineStart", rowsPerContact(200, channel -> startOverEngineRest()));
        log("intake flat out, new customers");
        Latencies intakeNew = closedLoop(seconds, this::submitNewCustomerOverHttp, "EMAIL");
        log("intake flat out, known customers");
        Latencies intakeKnown = closedLoop(seconds, this::submitKnownCustomerOverHttp, "EMAIL");
        log("engine REST start flat out");
        Latencies engine = closedLoop(seconds, channel -> startOverEngineRest(), null);
        cost.put("intakeNewCustomers", intakeNew.summary());
        cost.put("intakeKnownCustomers", intakeKnown.summary());
        cost.put("engineRestStart", engine.summary());
        double engineRate = engine.count() / engine.seconds();
        cost.put("intakeToEngineNewCustomers", Math.round(intakeNew.count() / intakeNew.seconds() / engineRate * 100) / 100.0);
        cost.put("intakeToEngineKnownCustomers", Math.round(intakeKnown.count() / intakeKnown.seconds() / engineRate * 100) / 100.0);
        log("cost: " + cost);
        return cost;
    }

    /** Rows added per operation, per table, over {@code count} operations one after the other. */
    private Map<String, Object> rowsPerContact(int count, java.util.function.Consumer<String> operation) throws Exception {
        Map<String, Long> before = rowCounts();
        for (int i = 0; i < count; i++) {
            operation.accept("EMAIL");
        }
        Map<String, Long> after = rowCounts();
        Map<String, Object> perTable = new java.util.TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> table : after.entrySet()) {
            long added = table.getValue() - before.getOrDefault(table.getKey(), 0L);
            if (added != 0) {
                perTable.put(table.getKey(), Math.round(added * 100.0 / count) / 100.0);
                total += added;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", Math.round(total * 100.0 / count) / 100.0);
        result.put("tables", perTable);
        return result;
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection connection = app.getBean(javax.sql.DataSource.class).getConnection()) {
            List<String> tables = new ArrayList<>();
            String schema = "h2".equals(database) ? "PUBLIC" : "public";
            try (java.sql.ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (java.sql.Statement statement = connection.createStatement();
                        java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private void deployBaseline() {
        if (app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("BenchBaseline").count() > 0) {
            return;
        }
        app.getBean(RepositoryService.class)
            .createDeployment()
            .name("bench-baseline")
            .addModelInstance("bench-baseline.bpmn", Bpmn.createExecutableProcess("BenchBaseline")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("UserTask_Baseline")
                .camundaAssignee("bench-baseline")
                .endEvent()
                .done())
            .deploy();
    }

    /** The engine's own start of a start → user task process over its REST API, as an administrator. */
    private void startOverEngineRest() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/BenchBaseline/start"))
            .header("Content-Type", "application/json")
            .header("Authorization", ApiClient.basic("admin", ApiClient.PASSWORD))
            .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\": \"bench-" + SEQUENCE.incrementAndGet() + "\"}"))
            .build();
        send(request, 200);
    }

    /** Customers who write again and again: the cost runs register them during the warm-up. */
    private static final int KNOWN_CUSTOMERS = 100;

    /** A new topic of one of {@link #KNOWN_CUSTOMERS} customers: it opens a case of its own. */
    private void submitKnownCustomerOverHttp(String channel) {
        String body = """
                {"channel": "%s", "externalId": "bench-%s", "customer": {"email": "bench-known-%s@example.com",
                 "name": "Known Bench Customer", "postalCode": "%s"}, "subject": "Benchmark", "message": "Measured contact",
                 "newTopic": true}"""
            .formatted(channel, UUID.randomUUID(), SEQUENCE.incrementAndGet() % KNOWN_CUSTOMERS, POSTAL_CODES[0]);
        postContact(body);
    }

    /** A contact of a customer nobody has seen before. */
    private void submitNewCustomerOverHttp(String channel) {
        String body = """
                {"channel": "%s", "externalId": "bench-%s", "customer": {"email": "bench-new-%s@example.com",
                 "name": "New Bench Customer", "postalCode": "%s"}, "subject": "Benchmark", "message": "Measured contact"}"""
            .formatted(channel, UUID.randomUUID(), UUID.randomUUID(), POSTAL_CODES[(int) (SEQUENCE.incrementAndGet() % 4)]);
        postContact(body);
    }

    private void send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void submitInProcess(String channel) {
        long n = SEQUENCE.incrementAndGet();
        app.getBean(IntakeService.class)
            .submit(new ContactRequest(channel, "bench-" + UUID.randomUUID(),
                    new CustomerDetails(null, "Bench Customer", "bench-" + (n % 5000) + "@example.com", null,
                            POSTAL_CODES[(int) (n % 4)], "DE"),
                    "Benchmark", "Measured contact", false, true));
    }

    /** Arrivals at a fixed rate, whatever the answers do; latency counts from the planned send time. */
    private Latencies openLoop(int rate, int duration) throws InterruptedException {
        return openLoop(rate, duration, this::submitOverHttp);
    }

    private Latencies openLoop(int rate, int duration, java.util.function.Consumer<String> submit) throws InterruptedException {
        Latencies latencies = new Latencies();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        int total = rate * duration;
        AtomicInteger planned = new AtomicInteger();
        long origin = System.nanoTime();
        latencies.start();
        clock.scheduleAtFixedRate(() -> {
            int i = planned.getAndIncrement();
            if (i >= total) {
                return;
            }
            long intended = origin + i * periodNanos;
            workers.execute(() -> {
                try {
                    submit.accept("EMAIL");
                    latencies.add(System.nanoTime() - intended);
                }
                catch (RuntimeException e) {
                    latencies.errors.incrementAndGet();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (planned.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.MINUTES);
        latencies.stop();
        return latencies;
    }

    /** {@code threads} callers, each sending as soon as it has its answer. */
    private Latencies closedLoop(int duration, java.util.function.Consumer<String> operation, String channel)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration * 1_000_000_000L;
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        latencies.start();
        for (int t = 0; t < threads; t++) {
            workers.execute(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        operation.accept(channel);
                        latencies.add(System.nanoTime() - begin);
                    }
                    catch (RuntimeException e) {
                        latencies.errors.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration + 300L, TimeUnit.SECONDS);
        latencies.stop();
        return latencies;
    }

    /** The bare engine: start → one user task, through the Java API, as many callers. */
    private Latencies baseline() throws InterruptedException {
        deployBaseline();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        return closedLoop(seconds, channel -> runtime.startProcessInstanceByKey("BenchBaseline", "bench-" + SEQUENCE.incrementAndGet()),
                null);
    }

    long openCases() {
        return app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(ContactLifecycleProcess.KEY).count();
    }

    /** Intake latency at 25/s once {@code level} cases are open. */
    private void measureGrowth(Map<String, Object> growth, int level) throws InterruptedException {
        seedOpenCases(level, "EMAIL");
        log("intake at 25/s with " + openCases() + " open cases");
        Map<String, Object> at = new LinkedHashMap<>(openLoop(25, seconds).summary());
        at.put("openCases", openCases());
        log("intake of new customers at 25/s with " + openCases() + " open cases");
        at.put("newCustomers", openLoop(25, seconds, this::submitNewCustomerOverHttp).summary());
        growth.put(String.valueOf(level), at);
    }

    /** Opens cases in-process, by this channel, until {@code level} are open. */
    private void seedOpenCases(long level, String channel) throws InterruptedException {
        long missing = level - openCases();
        if (missing <= 0) {
            return;
        }
        log("seeding " + missing + " open cases by " + channel);
        parallel((int) missing, i -> submitInProcess(channel));
        refreshStatistics();
    }

    /**
     * PostgreSQL plans by its table statistics, which autovacuum keeps current in production. The benchmark grows
     * tables by tens of thousands of rows within minutes (and may run where autovacuum is off), so after each seeding
     * it does what autovacuum would do.
     */
    void refreshStatistics() {
        if (!database.equals("postgres")) {
            return;
        }
        long begin = System.nanoTime();
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE");
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        log("  VACUUM ANALYZE took " + Latencies.round((System.nanoTime() - begin) / 1e9) + " s");
    }

    void parallel(int count, IntConsumer operation) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    operation.accept(i);
                    if (i > 0 && i % 10000 == 0) {
                        log("  " + i + " done, " + (int) (i / ((System.nanoTime() - started) / 1e9)) + "/s");
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(6, TimeUnit.HOURS);
    }

    /** The two filter queries of the Tasklist desk, as Tasklist sends them through the engine REST API. */
    private Map<String, Object> tasklistQueries() throws Exception {
        FilterService filters = app.getBean(FilterService.class);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openCases", openCases());
        String rep = busiestRep();
        String repAuth = ApiClient.basic(rep, ApiClient.PASSWORD);
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
        for (String name : List.of(TasklistFilters.MY_CONTACTS, TasklistFilters.MY_REGIONS_TEAM)) {
            String id = filters.createFilterQuery().filterName(name).singleResult().getId();
            for (String call : List.of("count", "list?firstResult=0&maxResults=15")) {
                Latencies latencies = new Latencies();
                latencies.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                for (int i = 0; i < 220 && System.nanoTime() < deadline; i++) {
                    long begin = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/filter/" + id + "/" + call))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", repAuth)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        latencies.errors.incrementAndGet();
                    }
                    else if (i >= 20) {
                        latencies.add(System.nanoTime() - begin);
                    }
                }
                latencies.stop();
                figures.put(name + " " + call.replaceAll("\\?.*", " (first page)"), latencies.summary());
            }
        }
        figures.put("asUser", rep);
        return figures;
    }

    private String busiestRep() {
        return app.getBean(JdbcClient.class)
            .sql("SELECT handler_id FROM support_case WHERE handler_id IS NOT NULL GROUP BY handler_id ORDER BY COUNT(*) DESC LIMIT 1")
            .query(String.class)
            .single();
    }

    private double heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return Latencies.round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0);
    }

    /** Every personal window elapsing at once: the job executor hands each contact over to its backup. */
    private Map<String, Object> storm() throws InterruptedException {
        ManagementService management = app.getBean(ManagementService.class);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
        long due = management.createJobQuery().activityId(ContactLifecycleProcess.Elements.PERSONAL_WINDOW_ELAPSED).executable().count();
        log("SLA storm: " + due + " personal windows elapsed at once");
        long begin = System.nanoTime();
        long left = due;
        while (left > 0 && System.nanoTime() - begin < TimeUnit.MINUTES.toNanos(30)) {
            Thread.sleep(500);
            left = management.createJobQuery().activityId(ContactLifecycleProcess.Elements.PERSONAL_WINDOW_ELAPSED).executable().count();
        }
        double took = (System.nanoTime() - begin) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("jobs", due);
        figures.put("left", left);
        figures.put("seconds", Latencies.round(took));
        figures.put("jobsPerSecond", Latencies.round((due - left) / took));
        WorkingDayClock.pin();
        return figures;
    }

    /** Database growth per case taken all the way to closed (history included). */
    private Map<String, Object> bytesPerClosedCase() throws Exception {
        long before = databaseBytes();
        IntakeService intake = app.getBean(IntakeService.class);
        org.camunda.bpm.engine.TaskService tasks = app.getBean(org.camunda.bpm.engine.TaskService.class);
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < closedCases; i++) {
            long n = SEQUENCE.incrementAndGet();
            caseNumbers.add(intake.submit(new ContactRequest("EMAIL", "closed-" + UUID.randomUUID(),
                    new CustomerDetails(null, "Closed Case", "closed-" + n + "@example.com", null, "20095", "DE"), "Closed",
                    "To be closed", false, true)).answer().caseNumber());
        }
        for (String caseNumber : caseNumbers) {
            Map<String, Map<String, Object>> forms = Map.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER, Map.of("reachNotes", "reached"),
                    ContactLifecycleProcess.Elements.RESOLVE_CONTACT, Map.of("outcome", "RESOLVED", "notes", "resolved"));
            for (String key : List.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER, ContactLifecycleProcess.Elements.RESOLVE_CONTACT)) {
                String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult().getId();
                tasks.complete(taskId, forms.get(key));
            }
        }
        ManagementService management = app.getBean(ManagementService.class);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5))));
        management.createJobQuery().activityId(ContactLifecycleProcess.Elements.QUIET_PERIOD_OVER).executable().list()
            .forEach(job -> management.executeJob(job.getId()));
        WorkingDayClock.pin();
        long after = databaseBytes();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", closedCases);
        figures.put("bytesPerCase", (after - before) / closedCases);
        return figures;
    }

    private long databaseBytes() throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        try (Connection c = dataSource.getConnection()) {
            if (database.equals("postgres")) {
                var rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())");
                rs.next();
                return rs.getLong(1);
            }
            c.createStatement().execute("CHECKPOINT SYNC");
            String url = c.getMetaData().getURL();
            String file = url.substring("jdbc:h2:file:".length()).replaceAll(";.*", "") + ".mv.db";
            return Files.size(Path.of(file));
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("at", Instant.now().toString());
        return machine;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
    }

}
