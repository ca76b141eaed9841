package io.nohold.desk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.customer.PhoneNumbers;
import io.nohold.directory.People;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows about its case, computed from the case file and the customer when the task is created,
 * assigned, or a contact joins its case: who the customer is and how to reach them, their other open cases, the
 * region, personal rep and handler, the promise and the history so far, including what the customer wrote last.
 * Values are display text only; forms show them in disabled fields, which are never submitted.
 */
@Component
public class CaseDisplay {

    /** The form keys this class fills, each a task-local variable of every task of the case. */
    static final String CUSTOMER_NAME = "customerName";
    static final String CUSTOMER_PHONE = "customerPhone";
    static final String CUSTOMER_EMAIL = "customerEmail";
    static final String CUSTOMER_TIER = "customerTier";
    static final String OTHER_OPEN_CASES = "otherOpenCases";
    static final String REGION_NAME = "regionName";
    static final String PERSONAL_REP_NAME = "personalRepName";
    static final String HANDLER_NAME = "handlerName";
    static final String PROMISED_BY_TEXT = "promisedByText";
    static final String SUBJECT = "subject";
    static final String MESSAGE = "message";
    static final String CASE_HISTORY = "caseHistory";

    /** Every form key this class fills. */
    public static final java.util.Set<String> KEYS = java.util.Set.of(CUSTOMER_NAME, CUSTOMER_PHONE, CUSTOMER_EMAIL,
            CUSTOMER_TIER, OTHER_OPEN_CASES, REGION_NAME, PERSONAL_REP_NAME, HANDLER_NAME, PROMISED_BY_TEXT, SUBJECT,
            MESSAGE, CASE_HISTORY);

    /** History entries are stamped in the region's time zone, like every time the region's people read. */
    private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter
        .ofPattern("d MMM HH:mm zzz", Locale.ENGLISH);

    private static final int HISTORY_ENTRIES = 30;

    private final CaseFile caseFile;

    private final CustomerService customers;

    private final RegionDirectory directory;

    private final People people;

    private final RegionCalendars calendars;

    private final CaseHistorySentences sentences = new CaseHistorySentences();

    CaseDisplay(CaseFile caseFile, CustomerService customers, RegionDirectory directory, People people,
            RegionCalendars calendars) {
        this.caseFile = caseFile;
        this.customers = customers;
        this.directory = directory;
        this.people = people;
        this.calendars = calendars;
    }

    /** Who a task is for and what about, for its name: the customer and the case's subject (else the last message). */
    record Headline(String customerName, String topic) {
    }

    Headline headline(String caseNumber) {
        CaseRecord record = caseFile.get(caseNumber);
        String customer = customers.customer(record.customerId()).displayName();
        if (record.subject() != null && !record.subject().isBlank()) {
            return new Headline(customer, TaskNames.topic(record.subject(), null));
        }
        return new Headline(customer, TaskNames.topic(null, lastMessage(caseFile.history(caseNumber))));
    }

    /** The form values for every task of this case. */
    Map<String, Object> of(String caseNumber) {
        CaseRecord record = caseFile.get(caseNumber);
        Customer customer = customers.customer(record.customerId());
        List<CaseEvent> events = caseFile.history(caseNumber);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CUSTOMER_NAME, customer.displayName());
        values.put(CUSTOMER_PHONE, orNone(PhoneNumbers.display(customer.phone())));
        values.put(CUSTOMER_EMAIL, orNone(customer.email()));
        values.put(CUSTOMER_TIER, customer.tier().name().toLowerCase(Locale.ROOT));
        values.put(OTHER_OPEN_CASES, otherOpenCases(record));
        values.put(REGION_NAME, record.regionId() == null ? "" : directory.region(record.regionId()).name()
                + (record.regionUnresolved() ? " (region not resolved: please check)" : ""));
        values.put(PERSONAL_REP_NAME, people.nameOf(record.personalRepId()));
        values.put(HANDLER_NAME, record.handlerId() != null ? people.nameOf(record.handlerId())
                : record.regionId() == null ? "" : "the " + directory.region(record.regionId()).name() + " team");
        values.put(PROMISED_BY_TEXT, caseFile.timeIn(record.regionId(), record.promisedBy()));
        values.put(SUBJECT, record.subject() == null ? "" : record.subject());
        values.put(MESSAGE, lastMessage(events));
        values.put(CASE_HISTORY, historyText(record, events));
        return values;
    }

    private String otherOpenCases(CaseRecord record) {
        String others = caseFile.openCasesOf(record.customerId())
            .stream()
            .filter(other -> !other.caseNumber().equals(record.caseNumber()))
            .map(other -> other.caseNumber() + "  " + other.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "  "
                    + (other.subject() == null ? "(no subject)" : other.subject()))
            .collect(Collectors.joining("\n"));
        return others.isEmpty() ? "none" : others;
    }

    /** What the customer wrote last: the newest contact of the case. */
    private static String lastMessage(List<CaseEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEvent event = events.get(i);
            if (event.type() == CaseEventType.CONTACT_RECEIVED || event.type() == CaseEventType.CONTACT_JOINED) {
                return event.detail() == null ? "" : event.detail();
            }
        }
        return "";
    }

    private String historyText(CaseRecord record, List<CaseEvent> events) {
        Map<String, String> names = new HashMap<>();
        names.put(record.customerId(), "the customer");
        java.time.ZoneId zone = record.regionId() == null ? java.time.ZoneId.of("UTC")
                : calendars.current(record.regionId()).timeZone();
        java.time.format.DateTimeFormatter stamp = SHORT.withZone(java.time.ZoneOffset.UTC.equals(zone.normalized())
                ? java.time.ZoneId.of("UTC") : zone);
        return events.stream()
            .skip(Math.max(0, events.size() - HISTORY_ENTRIES))
            .map(event -> line(event, event.actor() == null ? null : names.computeIfAbsent(event.actor(), people::nameOf),
                    stamp))
            .collect(Collectors.joining("\n"));
    }

    private String line(CaseEvent event, String actor, java.time.format.DateTimeFormatter stamp) {
        return stamp.format(event.at()) + "  " + sentences.of(event, actor);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "not known" : value;
    }

}
