package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseRepository;
import io.nohold.customer.CustomerService;
import io.nohold.region.RegionDirectory;
import io.nohold.region.Rep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The strings the task forms show: who the customer is, their region and personal rep, the handler, the promise
 * and the history so far. Kept as display-only variables so that forms never write back typed values.
 */
@Component
public class CaseDisplay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final int HISTORY_ENTRIES = 30;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final CustomerService customers;

    private final RegionDirectory directory;

    private final IdentityService identity;

    CaseDisplay(CaseRepository cases, CaseHistory history, CustomerService customers, RegionDirectory directory,
            IdentityService identity) {
        this.identity = identity;
        this.cases = cases;
        this.history = history;
        this.customers = customers;
        this.directory = directory;
    }

    public void refresh(VariableScope scope) {
        CaseRecord record = cases.get(Vars.required(scope, CASE_NUMBER));
        set(scope, CUSTOMER_NAME, customers.customer(record.customerId()).displayName());
        set(scope, REGION_NAME, record.regionId() == null ? "" : directory.region(record.regionId()).name()
                + (record.regionUnresolved() ? " (region not resolved: please check)" : ""));
        set(scope, PERSONAL_REP_NAME, repName(record.personalRepId()));
        set(scope, HANDLER_NAME, record.handlerId() == null ? "the " + regionTeam(record) + " team"
                : repName(record.handlerId()));
        set(scope, PROMISED_BY_TEXT, record.promisedBy() == null ? "" : time(record.promisedBy()));
        set(scope, CASE_HISTORY, historyText(record));
    }

    /**
     * Sets a display string only when it changed: every variable write also updates its history row, and most
     * refreshes change only the handler and the history.
     */
    private static void set(VariableScope scope, String name, String value) {
        if (!scope.hasVariable(name) || !value.equals(scope.getVariable(name))) {
            scope.setVariable(name, value);
        }
    }

    String historyText(CaseRecord record) {
        List<CaseEvent> events = history.of(record.caseNumber());
        Map<String, String> names = new HashMap<>();
        names.put(record.customerId(), "the customer");
        return events.stream()
            .skip(Math.max(0, events.size() - HISTORY_ENTRIES))
            .map(event -> line(event, event.actor() == null ? null : names.computeIfAbsent(event.actor(), this::repName)))
            .collect(Collectors.joining("\n"));
    }

    private static String line(CaseEvent event, String actor) {
        StringBuilder line = new StringBuilder(SHORT.format(event.at())).append("  ").append(event.type().replace('_', ' ').toLowerCase(Locale.ROOT));
        if (actor != null) {
            line.append(" by ").append(actor);
        }
        if (event.outcome() != null) {
            line.append(": ").append(event.outcome());
        }
        if (event.detail() != null && !event.detail().isBlank()) {
            String detail = event.detail().replace('\n', ' ');
            line.append(" | ").append(detail.length() > 160 ? detail.substring(0, 157) + "..." : detail);
        }
        return line.toString();
    }

    /** The name of a rep, or of any other user such as a supervisor. */
    public String repName(String userId) {
        if (userId == null) {
            return "";
        }
        return directory.findRep(userId).map(Rep::name).orElseGet(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
        });
    }

    private String regionTeam(CaseRecord record) {
        return record.regionId() == null ? "region" : directory.region(record.regionId()).name();
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

}
