package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.contact.Channel;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.HandlerRings;
import io.nohold.region.Region;
import io.nohold.region.RegionDirectory;
import io.nohold.region.Rep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Chooses the handler (own rep, else the next available named backup) and makes the promise: received time +
 * first-response window. The customer is told who and by when; with nobody available, the region's team is offered
 * the contact and its supervisors are told.
 */
@Component
class MakePromiseDelegate implements JavaDelegate {

    private final HandlerRings rings;

    private final RegionDirectory directory;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final CaseDisplay display;

    MakePromiseDelegate(HandlerRings rings, RegionDirectory directory, CaseRepository cases, CaseHistory history,
            NotificationOutbox outbox, CaseDisplay display) {
        this.rings = rings;
        this.directory = directory;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        takeSlaPolicy(execution);
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        String personalRepId = Vars.required(execution, PERSONAL_REP_ID);
        Region region = directory.region(Vars.required(execution, REGION_ID));
        Instant received = Vars.instant(execution, RECEIVED_AT);
        Instant personalWindowEnds = received.plus(Vars.duration(execution, PERSONAL_WINDOW));
        Instant promisedBy = received.plus(Vars.duration(execution, FIRST_RESPONSE));
        Instant resolutionDue = received.plus(Vars.duration(execution, RESOLUTION));
        Optional<Rep> handler = rings.firstHandler(region.id(), personalRepId, Vars.string(execution, HANDLER_ID));
        String handlerId = handler.map(Rep::id).orElse(null);

        cases.setPromise(caseNumber, handlerId, received, promisedBy, personalWindowEnds, resolutionDue);
        execution.setVariable(HANDLER_ID, handlerId);
        execution.setVariable(PERSONAL_WINDOW_ENDS_AT, Vars.date(personalWindowEnds));
        execution.setVariable(PROMISED_BY, Vars.date(promisedBy));
        execution.setVariable(RESOLUTION_DUE_AT, Vars.date(resolutionDue));
        execution.setVariable(CUSTOMER_REACHED, false);

        Channel channel = Channel.valueOf(Vars.required(execution, CHANNEL));
        String customerId = Vars.required(execution, CUSTOMER_ID);
        String by = CaseDisplay.time(promisedBy);
        if (handler.isPresent()) {
            Rep rep = handler.get();
            String role = rep.id().equals(personalRepId) ? "personal rep" : "named backup for " + display.repName(personalRepId);
            history.record(caseNumber, Category.SLA, "PROMISE_MADE", rep.id(), null, rep.name() + " (" + role + ") by " + by);
            outbox.toCustomer(caseNumber, customerId, "PROMISE", rep.firstName() + " from your " + region.name() + " team "
                    + channel.promiseVerb() + " by " + by + ". Your case number is " + caseNumber + ".");
            outbox.toUser(caseNumber, rep.id(), "NEW_CONTACT", "New " + channel.label() + " contact on case " + caseNumber
                    + " (" + role + "); promised by " + by + ".");
        }
        else {
            history.record(caseNumber, Category.SLA, "PROMISE_MADE", null, null, "the " + region.name() + " team by " + by
                    + " (no rep available)");
            history.record(caseNumber, Category.SLA, "OFFERED_TO_TEAM", null, null, "nobody of " + region.name()
                    + " is available; offered to " + region.repGroup());
            outbox.toCustomer(caseNumber, customerId, "PROMISE", "Your " + region.name() + " team " + channel.promiseVerb()
                    + " by " + by + ". Your case number is " + caseNumber + ".");
            outbox.toGroup(caseNumber, region.repGroup(), "OFFERED_TO_TEAM", "Case " + caseNumber
                    + " needs a rep: nobody is available; promised by " + by + ".");
            outbox.toGroup(caseNumber, region.supervisorGroup(), "NO_REP_AVAILABLE", "No rep of " + region.name()
                    + " is available for case " + caseNumber + "; it is offered to the team, promised by " + by + ".");
        }
    }

    /** Keeps the SLA policy as plain duration strings; the decision's result map itself is not kept. */
    private static void takeSlaPolicy(DelegateExecution execution) {
        Object policy = execution.getVariable(SLA_POLICY);
        if (policy instanceof Map<?, ?> values) {
            for (String name : new String[] { PERSONAL_WINDOW, FIRST_RESPONSE, RESOLUTION }) {
                Object value = values.get(name);
                if (value == null) {
                    throw new IllegalStateException("SLA policy gives no " + name);
                }
                Duration.parse(value.toString());
                execution.setVariable(name, value.toString());
            }
            execution.removeVariable(SLA_POLICY);
        }
        else if (execution.getVariable(FIRST_RESPONSE) == null) {
            throw new IllegalStateException("no SLA policy for this contact");
        }
    }

}
