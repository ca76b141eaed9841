package io.nohold.privacy;

import java.util.ArrayList;
import java.util.List;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseFile.Erasure;
import io.nohold.casefile.CaseRecord;
import io.nohold.contact.AttachmentRepository;
import io.nohold.contact.ContactRepository;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerPlacement;
import io.nohold.customer.CustomerRepository;
import io.nohold.customer.CustomerService;
import io.nohold.engine.EngineClock;
import io.nohold.mailbox.MailboxFailures;
import io.nohold.privacy.CustomerExport.CaseData;
import io.nohold.privacy.CustomerExport.CustomerData;
import io.nohold.security.ApiUser;
import io.nohold.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Export and erasure of one customer's personal data, across NoHold's tables and the engine. */
@Service
class PersonalData {

    /** The delete reason of a lifecycle withdrawn for an erasure; it names nobody. */
    static final String WITHDRAWN_FOR_ERASURE = "personal data erased at the customer's request";

    private final CustomerRepository customers;

    private final CustomerService customerService;

    private final ContactRepository contacts;

    private final CaseFile caseFile;

    private final EngineCaseData engine;

    private final RuntimeService runtime;

    private final AttachmentRepository attachments;

    private final MailboxFailures mailboxFailures;

    private final CustomerPlacement placement;

    PersonalData(CustomerRepository customers, CustomerService customerService, ContactRepository contacts,
            CaseFile caseFile, EngineCaseData engine, RuntimeService runtime, AttachmentRepository attachments,
            MailboxFailures mailboxFailures, CustomerPlacement placement) {
        this.placement = placement;
        this.attachments = attachments;
        this.mailboxFailures = mailboxFailures;
        this.customers = customers;
        this.customerService = customerService;
        this.contacts = contacts;
        this.caseFile = caseFile;
        this.engine = engine;
        this.runtime = runtime;
    }

    @Transactional(readOnly = true)
    CustomerExport export(String customerId) {
        Customer customer = known(customerId);
        CustomerRepository.Keys keys = customers.keysOf(customerId).orElse(new CustomerRepository.Keys(null, null));
        List<CaseData> cases = caseFile.casesOf(customerId)
            .stream()
            .map(record -> new CaseData(record, caseFile.erasedAt(record.caseNumber()).orElse(null),
                    caseFile.history(record.caseNumber()), caseFile.notifications(record.caseNumber()),
                    engine.export(record.caseNumber(), record.processInstanceId())))
            .toList();
        return new CustomerExport(EngineClock.now(),
                new CustomerData(customer.id(), customer.name(), customer.email(), keys.emailKey(), customer.phone(),
                        keys.phoneKey(), customers.handlesOf(customerId), customer.postalCode(), customer.country(), customer.tier(), customer.regionId(),
                        customer.personalRepId(), customer.createdAt(), customers.erasedAt(customerId).orElse(null)),
                contacts.ofCustomer(customerId), attachments.ofCustomer(customerId), cases, placement.history(customerId));
    }

    /**
     * Erases the customer's personal data in one transaction. Open cases are refused with 409 unless
     * {@code withdrawOpenCases}: then their lifecycles are ended as an administrator ends them, which closes each case
     * as withdrawn. The customer's row is locked first, so a contact arriving meanwhile waits and then finds an
     * anonymous customer (or, by e-mail or phone, none). Repeating it changes nothing more.
     */
    @Transactional
    ErasureReport erase(String customerId, boolean withdrawOpenCases) {
        known(customerId);
        customerService.lockForIntake(customerId);
        // read again under the lock: an address a contact added just before is erased with the rest
        Customer customer = known(customerId);
        List<CaseRecord> open = caseFile.openCasesOf(customerId);
        if (!open.isEmpty() && !withdrawOpenCases) {
            throw new ApiException(HttpStatus.CONFLICT, "customer " + customerId + " has open cases ("
                    + String.join(", ", open.stream().map(CaseRecord::caseNumber).toList())
                    + "); erasure ends their handling: repeat with withdrawOpenCases=true, or wait until they are closed",
                    List.of());
        }
        List<String> withdrawn = new ArrayList<>();
        for (CaseRecord record : open) {
            if (record.processInstanceId() != null
                    && runtime.createProcessInstanceQuery().processInstanceId(record.processInstanceId()).count() == 1) {
                runtime.deleteProcessInstance(record.processInstanceId(), WITHDRAWN_FOR_ERASURE);
            }
            // closes a case whose lifecycle did not close it (or never ran); a closed one is left alone
            caseFile.withdrawnWithoutProcess(record.caseNumber(), WITHDRAWN_FOR_ERASURE);
            withdrawn.add(record.caseNumber());
        }
        String administrator = ApiUser.current().map(ApiUser::id).orElse(null);
        List<String> erased = new ArrayList<>();
        for (CaseRecord record : caseFile.casesOf(customerId)) {
            caseFile.erase(record.caseNumber(), Erasure.REQUESTED, administrator);
            engine.erase(record.caseNumber(), record.processInstanceId());
            erased.add(record.caseNumber());
        }
        contacts.eraseOfCustomer(customerId);
        mailboxFailures.eraseFrom(customer.email());
        customers.anonymise(customerId, EngineClock.now());
        return new ErasureReport(customerId, customers.erasedAt(customerId).orElse(null), withdrawn, erased);
    }

    private Customer known(String customerId) {
        return customers.findById(customerId).orElseThrow(() -> ApiException.notFound("customer", customerId));
    }

}
