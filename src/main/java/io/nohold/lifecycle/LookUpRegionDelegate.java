package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.customer.ContactKeys;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.Region;
import io.nohold.region.RegionDirectory;
import io.nohold.region.RegionRouter;
import io.nohold.region.RegionRouter.Placement;
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

    private final RegionDirectory directory;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    LookUpRegionDelegate(CustomerService customers, RegionRouter router, RegionDirectory directory, CaseRepository cases,
            CaseHistory history, NotificationOutbox outbox) {
        this.customers = customers;
        this.router = router;
        this.directory = directory;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Customer customer = customers.customer(Vars.required(execution, CUSTOMER_ID));
        Placement placement = router.place(customer.postalCode(), ContactKeys.phone(customer.phone()), customer.country());
        String regionId = customer.regionId() != null ? customer.regionId() : placement.regionId();
        customers.ensureRegion(customer.id(), regionId);
        cases.setRegion(caseNumber, regionId, placement.unresolved());
        execution.setVariable(REGION_ID, regionId);
        execution.setVariable(REGION_UNRESOLVED, placement.unresolved());
        if (placement.unresolved()) {
            Region region = directory.region(regionId);
            history.record(caseNumber, Category.CASE, "REGION_UNRESOLVED", null, null, "no routing rule matched postal code "
                    + customer.postalCode() + ", phone " + customer.phone() + ", country " + customer.country()
                    + "; placed in " + region.name());
            outbox.toGroup(caseNumber, region.supervisorGroup(), "REGION_UNRESOLVED", "Case " + caseNumber + " of "
                    + customer.displayName() + " matched no region and was placed in " + region.name() + ". Please check.");
        }
    }

}
