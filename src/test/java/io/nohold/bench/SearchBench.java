package io.nohold.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeService;
import io.nohold.customer.CustomerDetails;
import io.nohold.customer.PhoneNumbers;
import io.nohold.testsupport.ApiClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/cases?q=…} and {@code GET /api/customers?q=…} with many open cases: seeds {@code -Dbench.searchCases}
 * open cases (default 100,000) through intake, as the other measurements do, but of 50,000 customers with names,
 * e-mail addresses, phone numbers and subjects of their own, two cases each; then asks the typical questions one after
 * the other, as a North rep and as head of service, and reports p50 and p95 per question.
 */
final class SearchBench {

    static final int CUSTOMERS = 50_000;

    private static final String[] FIRST = { "Maria", "Jonas", "Greta", "Otto", "Lena", "Paul", "Sofia", "Noah", "Emma",
            "Felix", "Clara", "Lukas", "Mila", "Elias", "Hanna", "Ben", "Ida", "Anton", "Lea", "Finn", "Marta", "Jakub",
            "Chiara", "Luca", "Ines", "Hugo", "Alba", "Pablo", "Nora", "Karl", "Alma", "Timo", "Zoe", "Emil", "Rosa",
            "Henrik", "Vera", "Oskar", "Lotta", "Mateo" };

    private static final String[] LAST = { "Lopez", "Lindqvist", "Brandt", "Schmidt", "Nowak", "Rossi", "Garcia",
            "Dubois", "Jansen", "Berg", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter",
            "Klein", "Wolf", "Novak", "Kowalski", "Bianchi", "Romano", "Martin", "Bernard", "Peeters", "Visser",
            "Hansen", "Nielsen", "Larsen", "Andersen", "Svensson", "Karlsson", "Moreau", "Laurent", "Ferrari",
            "Esposito", "Horvat", "Kovacs", "Szabo", "Dvorak", "Ortiz", "Navarro", "Torres", "Ramos", "Costa", "Silva",
            "Santos", "Pereira", "Keller", "Huber", "Bauer", "Graf", "Vogel", "Frank", "Berger", "Lang", "Haas",
            "Sommer" };

    private static final String[] SUBJECTS = { "Broken lamp", "Invoice charged twice", "Late delivery", "Refund not received",
            "Wrong size delivered", "Cannot log in to my account", "Parcel damaged in transit", "Change of address",
            "Warranty claim for kettle", "Missing parts in the package", "Question about my contract",
            "Payment declined", "Cancel my subscription", "Order arrived incomplete", "Return label missing",
            "Discount code does not work", "Device stopped working", "Noise from the washing machine",
            "Appointment for repair", "Complaint about the courier", "Password reset fails", "Double booking",
            "Voucher expired", "Tracking number unknown", "Replacement part needed", "Screen cracked on arrival",
            "Battery drains quickly", "Wrong colour delivered", "Delivery to the neighbour", "Credit note missing",
            "Direct debit failed", "Question about the manual", "Installation service", "Item out of stock",
            "Price changed after order", "Duplicate invoice", "Gift wrapping forgotten", "Newsletter unsubscribe",
            "Loyalty points missing", "Heater makes a smell" };

    /** A word a rep would type to find a case by its subject. */
    private static final String[] SUBJECT_WORDS = { "invoice", "delivery", "refund", "broken", "warranty", "parcel",
            "password", "battery", "courier", "voucher", "replacement", "subscription", "kettle", "heater", "screen" };

    private static final String[] POSTAL_CODES = { "20095", "80331", "01067", "50667" };

    private final NoHoldBenchmark bench;

    private final ConfigurableApplicationContext app;

    private final HttpClient http;

    private final String base;

    private final Random random = new Random(42);

    SearchBench(NoHoldBenchmark bench, ConfigurableApplicationContext app, HttpClient http, String base) {
        this.bench = bench;
        this.app = app;
        this.http = http;
        this.base = base;
    }

    Map<String, Object> run(int openCases) throws Exception {
        seed(openCases);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openCases", bench.openCases());
        figures.put("cases", count("SELECT COUNT(*) FROM support_case"));
        figures.put("customers", count("SELECT COUNT(*) FROM customer"));
        // a North rep searches North's cases; head of service all of them
        List<Sample> north = samples("north");
        List<Sample> all = samples(null);
        for (String user : List.of("dana", "head-of-service")) {
            List<Sample> of = user.equals("dana") ? north : all;
            Map<String, Object> byQuestion = new LinkedHashMap<>();
            byQuestion.put("cases by case number", measure(user, "/api/cases", of, Sample::caseNumber));
            byQuestion.put("cases by case number digits", measure(user, "/api/cases", of,
                    s -> s.caseNumber().substring(3).replaceFirst("^0+", "")));
            byQuestion.put("cases by e-mail", measure(user, "/api/cases", of, Sample::email));
            byQuestion.put("cases by phone", measure(user, "/api/cases", of, s -> PhoneNumbers.display(s.phone())));
            byQuestion.put("cases by subject word", measure(user, "/api/cases", of,
                    s -> SUBJECT_WORDS[random.nextInt(SUBJECT_WORDS.length)]));
            byQuestion.put("cases by name", measure(user, "/api/cases", of, Sample::name));
            byQuestion.put("customers by e-mail", measure(user, "/api/customers", of, Sample::email));
            byQuestion.put("customers by phone", measure(user, "/api/customers", of, s -> PhoneNumbers.display(s.phone())));
            byQuestion.put("customers by name", measure(user, "/api/customers", of, Sample::name));
            byQuestion.put("customers by last name", measure(user, "/api/customers", of,
                    s -> s.name().substring(s.name().indexOf(' ') + 1)));
            figures.put(user, byQuestion);
        }
        NoHoldBenchmark.log("search: " + figures);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("search-results.json").toFile(), figures);
        return figures;
    }

    /** Open cases through intake, in-process, until {@code level} are open. */
    private void seed(int level) throws InterruptedException {
        long open = bench.openCases();
        long missing = level - open;
        if (missing <= 0) {
            return;
        }
        NoHoldBenchmark.log("seeding " + missing + " open cases of " + CUSTOMERS + " customers for search");
        IntakeService intake = app.getBean(IntakeService.class);
        // one contact per region alone first: the holiday calendars load on first use, and not safely from several
        // threads at once
        int alone = (int) Math.min(missing, POSTAL_CODES.length);
        for (int i = 0; i < alone; i++) {
            submit(intake, open + i);
        }
        bench.parallel((int) missing - alone, i -> submit(intake, open + alone + i));
        bench.refreshStatistics();
    }

    private static void submit(IntakeService intake, long n) {
        int c = (int) (n % CUSTOMERS);
        String first = FIRST[c % FIRST.length];
        String last = LAST[(c / FIRST.length) % LAST.length];
        String email = (first + "." + last + "." + c + "@example.com").toLowerCase(Locale.ROOT);
        String phone = "+49 30 " + (10_000_000 + c);
        String subject = SUBJECTS[(int) ((n * 7919) % SUBJECTS.length)];
        intake.submit(new ContactRequest("EMAIL", "search-" + UUID.randomUUID(),
                new CustomerDetails(null, first + " " + last, email, phone, POSTAL_CODES[c % POSTAL_CODES.length], "DE"),
                subject, "A contact to search for", false, true));
    }

    record Sample(String caseNumber, String name, String email, String phone) {
    }

    /** Cases of the seeded customers (of one region, or of all), to ask for. */
    private List<Sample> samples(String region) {
        List<Sample> rows = app.getBean(JdbcClient.class)
            .sql("SELECT s.case_number, c.name, c.email, c.phone FROM support_case s JOIN customer c ON c.id = s.customer_id"
                    + " WHERE c.email LIKE '%@example.com' AND c.phone IS NOT NULL"
                    + (region == null ? "" : " AND s.region_id = '" + region + "'"))
            .query((rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no seeded cases to search for");
        }
        return rows;
    }

    /** 20 warm-up calls, then 200 measured, one after the other. */
    private Map<String, Object> measure(String user, String path, List<Sample> samples, Function<Sample, String> question)
            throws Exception {
        Latencies latencies = new Latencies();
        long hits = 0;
        latencies.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < 220 && System.nanoTime() < deadline; i++) {
            String q = question.apply(samples.get(random.nextInt(samples.size())));
            HttpRequest request = HttpRequest
                .newBuilder(URI.create(base + path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Authorization", ApiClient.basic(user, ApiClient.PASSWORD))
                .GET()
                .build();
            long begin = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - begin;
            if (response.statusCode() != 200) {
                latencies.errors.incrementAndGet();
            }
            else if (i >= 20) {
                latencies.add(took);
                hits += response.body().contains("\"items\":[]") ? 0 : 1;
            }
        }
        latencies.stop();
        Map<String, Object> summary = latencies.summary();
        summary.put("withHits", hits);
        return summary;
    }

    private long count(String sql) {
        return app.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

}
