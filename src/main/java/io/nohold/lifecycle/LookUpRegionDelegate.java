package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import io.nohold.casefile.CaseFile;
import io.nohold.customer.ContactKeys;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.directory.RegionRouter;
import io.nohold.directory.RegionRouter.Placement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Places the case in the customer's region. A customer keeps the region they were first placed in; a contact
 * that matches no routing rule goes to the default region, marked unresolved, and its supervisors are told.
 */
@Component
class LookUpRegionDelegate implements JavaDelegate {

    private final CustomerService customers;

    private final RegionRouter router;

    private final CaseFile caseFile;

    LookUpRegionDelegate(CustomerService customers, RegionRouter router, CaseFile caseFile) {
        this.customers = customers;
        this.router = router;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseOf.number(execution);
        Customer customer = customers.customer(caseFile.get(caseNumber).customerId());
        Placement placement = router.place(customer.postalCode(), ContactKeys.phone(customer.phone()), customer.country());
        String regionId = customer.regionId() != null ? customer.regionId() : placement.regionId();
        customers.ensureRegion(customer.id(), regionId);
        caseFile.placeInRegion(caseNumber, regionId, placement.unresolved() ? "no routing rule matched postal code "
                + customer.postalCode() + ", phone " + customer.phone() + ", country " + customer.country() : null);
    }

}
