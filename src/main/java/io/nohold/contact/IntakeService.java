package io.nohold.contact;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Channel;
import io.nohold.contact.IntakeAnswer.Person;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.lifecycle.SlaPolicies;
import io.nohold.metrics.BusinessMetrics;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaPolicy;
import io.nohold.web.ApiException;
import io.nohold.engine.EngineClock;
import io.nohold.web.FieldProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a contact. The contact is committed first, on its own; only then is its case opened (or the customer's open
 * case joined) in a second transaction, under a lock on the customer so that two contacts of one customer cannot both
 * open a case. If that fails, the contact stays stored and marked FAILED, and resending it (same channel and
 * externalId) tries again; a contact left in RECEIVED by a node that died in between is taken up by
 * {@link ContactRecovery}. Resending a contact that already has its case changes nothing.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final TransactionTemplate transactions;

    private final ContactRepository contacts;

    private final CustomerService customers;

    private final CaseFile caseFile;

    private final SlaPolicies slaPolicies;

    private final SlaClock slaClock;

    private final HandlerRings rings;

    private final RegionDirectory directory;

    private final RuntimeService runtime;

    private final AttachmentRepository attachments;

    private final AttachmentLimits limits;

    private final BusinessMetrics metrics;

    IntakeService(TransactionTemplate transactions, ContactRepository contacts, CustomerService customers,
            CaseFile caseFile, SlaPolicies slaPolicies, SlaClock slaClock, HandlerRings rings, RegionDirectory directory,
            RuntimeService runtime, AttachmentRepository attachments, AttachmentLimits limits, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.attachments = attachments;
        this.limits = limits;
        this.transactions = transactions;
        this.contacts = contacts;
        this.customers = customers;
        this.caseFile = caseFile;
        this.slaPolicies = slaPolicies;
        this.slaClock = slaClock;
        this.rings = rings;
        this.directory = directory;
        this.runtime = runtime;
    }

    /** The outcome of a submission: the answer, and whether this call created it or found it. */
    public record Submission(IntakeAnswer answer, boolean created) {
    }

    public Submission submit(ContactRequest submitted) {
        return submit(submitted, List.of());
    }

    /**
     * Takes in a contact whose channel already refused some of its files ({@code refused}, over the size limits):
     * they are recorded with the contact, without their content.
     */
    public Submission submit(ContactRequest submitted, List<RefusedAttachment> refused) {
        return metrics.timeIntake(() -> take(submitted, refused));
    }

    private Submission take(ContactRequest submitted, List<RefusedAttachment> refused) {
        ContactRequest request = submitted.normalized();
        Channel channel = Channel.parse(request.channel()).orElseThrow();
        checkNamedCustomer(request);
        checkNamedCase(request);
        List<byte[]> files = decodedFiles(request);
        StoredContact contact = store(channel, request, files, refused);
        boolean created = false;
        if (contact.status() == ContactStatus.RECEIVED || contact.status() == ContactStatus.FAILED) {
            created = process(contact);
        }
        StoredContact processed = contacts.find(contact.id()).orElseThrow();
        if (processed.caseNumber() == null) {
            throw new IntakeFailedException(contact.id());
        }
        return new Submission(answer(processed), created);
    }

    /**
     * A contact may name its customer by id; it must be a customer NoHold knows (registered by an earlier contact or
     * by the operator). Checked before anything is stored: a mistyped or invented id registers no new customer.
     */
    private void checkNamedCustomer(ContactRequest request) {
        String id = request.customer().id();
        if (id != null && !id.isBlank() && customers.findById(id.trim()).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldProblem("customer.id",
                    "is not a known customer id; give an id NoHold answered before (customerId), or leave it out and "
                            + "identify the customer by email or phone")));
        }
    }

    /**
     * A contact may name the case it belongs to; it must be a case of the customer it comes from. Checked before
     * anything is stored, so a refused contact leaves no trace.
     */
    private void checkNamedCase(ContactRequest request) {
        if (request.caseNumber() == null || request.caseNumber().isBlank()) {
            return;
        }
        String caseNumber = request.caseNumber().trim();
        Optional<CaseRecord> named = caseFile.find(caseNumber);
        Optional<Customer> customer = customers.find(request.customer());
        if (named.isEmpty() || customer.isEmpty() || !named.get().customerId().equals(customer.get().id())) {
            throw ApiException.invalid(List.of(new FieldProblem("caseNumber",
                    "is not a case of this customer; leave it out, or give the case number we told this customer")));
        }
    }

    /**
     * A contact sent again (same channel and externalId) is answered with its case; a different customer under the
     * same externalId is refused, so an externalId never tells one customer's case, handler or promise to another.
     */
    private StoredContact sentBefore(StoredContact earlier, ContactRequest request) {
        if (!customers.find(request.customer()).map(Customer::id).filter(id -> id.equals(earlier.customerId())).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "this externalId was already used for another customer's contact",
                    List.of(new FieldProblem("externalId", "must be new for every contact of this channel; a resend must "
                            + "carry the same customer")));
        }
        return earlier;
    }

    /**
     * Opens or joins the contact's case, once: of two callers for the same contact (a resend and the recovery, two
     * nodes), one does it and the other finds it done. Returns whether this call did it.
     */
    boolean process(StoredContact contact) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> openOrJoinCase(contact)));
        }
        catch (RuntimeException e) {
            log.error("contact {} is stored, but its case could not be opened", contact.id(), e);
            transactions.executeWithoutResult(status -> contacts.markFailed(contact.id(),
                    "the case could not be opened at " + EngineClock.now() + "; the cause is in the application log"));
            throw new IntakeFailedException(contact.id());
        }
    }

    /** The files' bytes, each within the limits; refused with 400 naming the file otherwise, before anything is stored. */
    private List<byte[]> decodedFiles(ContactRequest request) {
        List<byte[]> files = new java.util.ArrayList<>();
        long kept = 0;
        for (int i = 0; i < request.files().size(); i++) {
            String field = "attachments[" + i + "].content";
            byte[] bytes;
            try {
                bytes = java.util.Base64.getMimeDecoder().decode(request.files().get(i).content());
            }
            catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new FieldProblem(field, "must be the file's bytes in base64 (RFC 4648)")));
            }
            Optional<String> refusal = limits.refusal(bytes.length, kept);
            if (refusal.isPresent()) {
                throw ApiException.invalid(List.of(new FieldProblem(field, "is " + refusal.get() + "; send at most "
                        + limits.perFileBytes() + " bytes per file and " + limits.perContactBytes() + " per contact")));
            }
            kept += bytes.length;
            files.add(bytes);
        }
        return files;
    }

    private StoredContact store(Channel channel, ContactRequest request, List<byte[]> files,
            List<RefusedAttachment> refused) {
        try {
            return transactions.execute(status -> contacts.findByExternalId(channel, request.externalId())
                .map(earlier -> sentBefore(earlier, request))
                .orElseGet(() -> {
                    Customer customer = customers.identify(request.customer());
                    long id = contacts.insert(channel, request, customer.id(), EngineClock.now());
                    for (int i = 0; i < files.size(); i++) {
                        ContactRequest.Attachment file = request.files().get(i);
                        attachments.insert(id, file.name().strip(), file.contentType().strip(), files.get(i));
                    }
                    refused.forEach(r -> attachments.insertRefused(id, r));
                    return contacts.find(id).orElseThrow();
                }));
        }
        catch (DuplicateKeyException e) {
            // the same contact arrived twice at once; the other request stored it
            return sentBefore(contacts.findByExternalId(channel, request.externalId()).orElseThrow(() -> e), request);
        }
    }

    private boolean openOrJoinCase(StoredContact contact) {
        if (!contacts.claim(contact.id())) {
            return false;
        }
        customers.lockForIntake(contact.customerId());
        Optional<CaseRecord> open = contact.newTopic() ? Optional.empty() : openCaseFor(contact);
        if (open.isPresent()) {
            join(contact, open.get());
        }
        else {
            openCase(contact);
        }
        return true;
    }

    /** The case the contact names, if it is the customer's and open; else the customer's newest open case. */
    private Optional<CaseRecord> openCaseFor(StoredContact contact) {
        if (contact.requestedCaseNumber() != null) {
            Optional<CaseRecord> named = caseFile.openCaseOf(contact.customerId(), contact.requestedCaseNumber());
            if (named.isPresent()) {
                return named;
            }
        }
        return caseFile.openCaseOf(contact.customerId());
    }

    private void openCase(StoredContact contact) {
        Customer customer = customers.customer(contact.customerId());
        Channel channel = Channel.valueOf(contact.channel());
        String caseNumber = caseFile.open(customer.id(), channel, contact.subject(), contact.receivedAt(),
                clip(contact.message(), 1000));
        Map<String, Object> variables = Variables.createVariables()
            .putValue(CHANNEL, channel.name())
            .putValue(TIER, customer.tier().name())
            .putValue(PUBLIC_POST, contact.publicPost());
        ProcessInstance instance = runtime.startProcessInstanceByKey(ContactLifecycleProcess.KEY, caseNumber, variables);
        caseFile.processStarted(caseNumber, instance.getId());
        CaseRecord record = caseFile.get(caseNumber);
        contacts.attachToCase(contact.id(), caseNumber, ContactStatus.OPENED_CASE, record.promisedBy());
    }

    /**
     * A further contact on an open case: it goes into the case history and its holder is told, with a promise of its
     * own, from the SLA policy for its own channel and from now. Where the case waits for the customer (a follow-up,
     * the quiet period after resolution), it is the reply that moves it on.
     */
    private void join(StoredContact contact, CaseRecord open) {
        String caseNumber = open.caseNumber();
        Channel channel = Channel.valueOf(contact.channel());
        Customer customer = customers.customer(contact.customerId());
        Instant from = contact.receivedAt().isAfter(EngineClock.now()) ? contact.receivedAt() : EngineClock.now();
        SlaPolicy policy = slaPolicies.policy(channel, customer.tier().name(), contact.publicPost());
        String regionId = caseFile.get(caseNumber).regionId();
        Instant start = regionId == null ? from : rings.firstMomentSomeoneCanAnswer(regionId, from).orElse(from);
        Instant promisedBy = slaClock.promise(regionId, from, start, policy).promisedBy();
        caseFile.contactJoined(caseNumber, channel, topic(contact), summary(contact), promisedBy);
        runtime.createMessageCorrelation(ContactLifecycleProcess.MESSAGE_CUSTOMER_REPLIED)
            .processInstanceBusinessKey(caseNumber)
            .setVariable(REPLY_CONTACT_ID, contact.id())
            .setVariable(CHANNEL, channel.name())
            .setVariable(PUBLIC_POST, contact.publicPost())
            .correlateAllWithResult();
        contacts.attachToCase(contact.id(), caseNumber, ContactStatus.JOINED_CASE, promisedBy);
    }

    private IntakeAnswer answer(StoredContact contact) {
        CaseRecord record = caseFile.get(contact.caseNumber());
        Optional<Rep> personal = directory.findRep(record.personalRepId());
        Optional<Rep> handler = directory.findRep(record.handlerId());
        String offeredTo = handler.isEmpty() && record.regionId() != null ? directory.region(record.regionId()).repGroup() : null;
        Instant promisedBy = contact.promisedBy() != null ? contact.promisedBy() : record.promisedBy();
        return new IntakeAnswer(record.caseNumber(), contact.id(), record.customerId(), record.regionId(),
                personal.map(r -> new Person(r.id(), r.name())).orElse(null),
                handler.map(r -> new Person(r.id(), r.name())).orElse(null), offeredTo, promisedBy,
                caseFile.timeIn(record.regionId(), promisedBy), contact.status() == ContactStatus.JOINED_CASE);
    }

    public List<StoredContact> contacts(ContactStatus status, int limit) {
        return contacts.withStatus(status, limit);
    }

    public Optional<StoredContact> contact(long id) {
        return contacts.find(id);
    }

    /** The case that the contact known to the channel by {@code externalId} opened or joined. */
    public Optional<String> caseOf(Channel channel, String externalId) {
        return contacts.caseOf(channel, externalId);
    }

    private static String topic(StoredContact contact) {
        return contact.subject() == null || contact.subject().isBlank() ? clip(contact.message(), 200) : contact.subject();
    }

    private static String summary(StoredContact contact) {
        String subject = contact.subject() == null ? "" : contact.subject() + ": ";
        return subject + clip(contact.message(), 1000);
    }

    private static String clip(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }

}
