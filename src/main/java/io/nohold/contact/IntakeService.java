package io.nohold.contact;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseRepository;
import io.nohold.contact.IntakeAnswer.Person;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.RegionDirectory;
import io.nohold.region.Rep;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a contact. The contact is committed first, on its own; only then is its case opened (or the customer's open
 * case joined) in a second transaction. If that fails, the contact stays stored and marked FAILED, and resending it
 * (same channel and externalId) tries again. Resending a contact that already has its case changes nothing.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private static final int MESSAGE_VARIABLE_LIMIT = 4000;

    private final TransactionTemplate transactions;

    private final ContactRepository contacts;

    private final CustomerService customers;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final RegionDirectory directory;

    private final RuntimeService runtime;

    IntakeService(TransactionTemplate transactions, ContactRepository contacts, CustomerService customers,
            CaseRepository cases, CaseHistory history, NotificationOutbox outbox, RegionDirectory directory,
            RuntimeService runtime) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.customers = customers;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.directory = directory;
        this.runtime = runtime;
    }

    /** The outcome of a submission: the answer, and whether this call created it or found it. */
    public record Submission(IntakeAnswer answer, boolean created) {
    }

    public Submission submit(ContactRequest request) {
        Channel channel = Channel.parse(request.channel()).orElseThrow();
        StoredContact contact = store(channel, request);
        boolean created = false;
        if (contact.status() == ContactStatus.RECEIVED || contact.status() == ContactStatus.FAILED) {
            try {
                created = Boolean.TRUE.equals(transactions.execute(status -> openOrJoinCase(contact)));
            }
            catch (RuntimeException e) {
                log.error("contact {} is stored, but its case could not be opened", contact.id(), e);
                transactions.executeWithoutResult(status -> contacts.markFailed(contact.id(), describe(e)));
                throw new IntakeFailedException(contact.id(), describe(e));
            }
        }
        StoredContact processed = contacts.find(contact.id()).orElseThrow();
        if (processed.caseNumber() == null) {
            throw new IntakeFailedException(contact.id(), processed.failure() == null ? "still being processed" : processed.failure());
        }
        return new Submission(answer(processed), created);
    }

    private StoredContact store(Channel channel, ContactRequest request) {
        try {
            return transactions.execute(status -> contacts.findByExternalId(channel, request.externalId()).orElseGet(() -> {
                Customer customer = customers.identify(request.customer());
                long id = contacts.insert(channel, request, customer.id(), EngineClock.now());
                return contacts.find(id).orElseThrow();
            }));
        }
        catch (DuplicateKeyException e) {
            // the same contact arrived twice at once; the other request stored it
            return contacts.findByExternalId(channel, request.externalId()).orElseThrow(() -> e);
        }
    }

    private boolean openOrJoinCase(StoredContact contact) {
        if (!contacts.claim(contact.id())) {
            return false;
        }
        customers.lockForIntake(contact.customerId());
        Optional<CaseRecord> open = contact.newTopic() ? Optional.empty() : cases.findOpenCaseOf(contact.customerId());
        if (open.isPresent()) {
            join(contact, open.get());
        }
        else {
            openCase(contact);
        }
        return true;
    }

    private void openCase(StoredContact contact) {
        Customer customer = customers.customer(contact.customerId());
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, customer.id(), contact.channel(), contact.subject(), contact.receivedAt());
        history.record(caseNumber, Category.CONTACT, "CONTACT_RECEIVED", customer.id(), contact.channel(), summary(contact));
        Map<String, Object> variables = Variables.createVariables()
            .putValue(CASE_NUMBER, caseNumber)
            .putValue(CUSTOMER_ID, customer.id())
            .putValue(CONTACT_ID, contact.id())
            .putValue(CHANNEL, contact.channel())
            .putValue(TIER, customer.tier().name())
            .putValue(PUBLIC_POST, contact.publicPost())
            .putValue(RECEIVED_AT, java.util.Date.from(contact.receivedAt()))
            .putValue(SUBJECT, contact.subject() == null ? "" : contact.subject())
            .putValue(MESSAGE, clip(contact.message()))
            .putValue(CUSTOMER_NAME, customer.displayName());
        ProcessInstance instance = runtime.startProcessInstanceByKey(ContactLifecycleProcess.KEY, caseNumber, variables);
        cases.setProcessInstance(caseNumber, instance.getId());
        contacts.attachToCase(contact.id(), caseNumber, ContactStatus.OPENED_CASE);
    }

    /**
     * A further contact on an open case: it goes into the case history and its holder is told. Where the case waits
     * for the customer (a follow-up, the quiet period after resolution), it is the reply that moves it on.
     */
    private void join(StoredContact contact, CaseRecord open) {
        String caseNumber = open.caseNumber();
        contacts.attachToCase(contact.id(), caseNumber, ContactStatus.JOINED_CASE);
        history.record(caseNumber, Category.CONTACT, "CONTACT_JOINED", contact.customerId(), contact.channel(), summary(contact));
        String text = customers.customer(contact.customerId()).displayName() + " wrote again on case " + caseNumber + " ("
                + contact.channel().toLowerCase() + "): " + (contact.subject() == null ? clip(contact.message(), 200) : contact.subject());
        if (open.handlerId() != null) {
            outbox.toUser(caseNumber, open.handlerId(), "CONTACT_JOINED", text);
        }
        else if (open.regionId() != null) {
            outbox.toGroup(caseNumber, directory.region(open.regionId()).repGroup(), "CONTACT_JOINED", text);
        }
        runtime.createMessageCorrelation(ContactLifecycleProcess.MESSAGE_CUSTOMER_REPLIED)
            .processInstanceBusinessKey(caseNumber)
            .setVariable(REPLY_CONTACT_ID, contact.id())
            .setVariable(RECEIVED_AT, java.util.Date.from(contact.receivedAt()))
            .setVariable(SUBJECT, contact.subject() == null ? "" : contact.subject())
            .setVariable(MESSAGE, clip(contact.message()))
            .correlateAllWithResult();
    }

    private IntakeAnswer answer(StoredContact contact) {
        CaseRecord record = cases.get(contact.caseNumber());
        Optional<Rep> personal = directory.findRep(record.personalRepId());
        Optional<Rep> handler = directory.findRep(record.handlerId());
        String offeredTo = handler.isEmpty() && record.regionId() != null ? directory.region(record.regionId()).repGroup() : null;
        return new IntakeAnswer(record.caseNumber(), contact.id(), record.customerId(), record.regionId(),
                personal.map(r -> new Person(r.id(), r.name())).orElse(null),
                handler.map(r -> new Person(r.id(), r.name())).orElse(null), offeredTo, record.promisedBy(),
                contact.status() == ContactStatus.JOINED_CASE);
    }

    public List<StoredContact> failedContacts(int limit) {
        return contacts.failed(limit);
    }

    public Optional<StoredContact> contact(long id) {
        return contacts.find(id);
    }

    private static String summary(StoredContact contact) {
        String subject = contact.subject() == null ? "" : contact.subject() + ": ";
        return subject + clip(contact.message(), 1000);
    }

    private static String clip(String text) {
        return clip(text, MESSAGE_VARIABLE_LIMIT);
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

}
