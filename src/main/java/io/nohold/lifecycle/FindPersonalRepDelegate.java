package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer's personal rep: assigned once, to the region's rep with the fewest customers, and kept. */
@Component
class FindPersonalRepDelegate implements JavaDelegate {

    private final CustomerService customers;

    private final CaseFile caseFile;

    FindPersonalRepDelegate(CustomerService customers, CaseFile caseFile) {
        this.customers = customers;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        String repId = customers.ensurePersonalRep(record.customerId(), record.regionId())
            .orElseThrow(() -> new IllegalStateException("region " + record.regionId() + " has no reps"));
        caseFile.assignPersonalRep(record.caseNumber(), repId);
    }

}
