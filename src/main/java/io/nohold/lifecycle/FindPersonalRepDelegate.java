package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseRepository;
import io.nohold.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer's personal rep: assigned once, to the region's rep with the fewest customers, and kept. */
@Component
class FindPersonalRepDelegate implements JavaDelegate {

    private final CustomerService customers;

    private final CaseRepository cases;

    FindPersonalRepDelegate(CustomerService customers, CaseRepository cases) {
        this.customers = customers;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String regionId = Vars.required(execution, REGION_ID);
        String repId = customers.ensurePersonalRep(Vars.required(execution, CUSTOMER_ID), regionId)
            .orElseThrow(() -> new IllegalStateException("region " + regionId + " has no reps"));
        cases.setPersonalRep(Vars.required(execution, CASE_NUMBER), repId);
        execution.setVariable(PERSONAL_REP_ID, repId);
    }

}
