package io.nohold.lookup;

import java.time.Instant;
import java.util.List;

import io.nohold.security.RegionAccess;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseFile;
import io.nohold.customer.ChannelHandle;
import io.nohold.customer.Customer;
import io.nohold.customer.Tier;
import io.nohold.customer.CustomerRepository;
import io.nohold.directory.RegionDirectory;
import io.nohold.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerRepository customers;

    private final CaseFile cases;

    private final RegionDirectory directory;

    private final RegionAccess access;

    CustomerController(CustomerRepository customers, CaseFile cases, RegionDirectory directory,
            RegionAccess access) {
        this.access = access;
        this.customers = customers;
        this.cases = cases;
        this.directory = directory;
    }

    @GetMapping("/{id}")
    CustomerView view(@PathVariable String id) {
        Customer customer = customers.findById(id).orElseThrow(() -> ApiException.notFound("customer", id));
        access.checkRegion(customer.regionId());
        List<CaseRecord> all = cases.casesOf(id);
        return new CustomerView(customer.id(), customer.name(), customer.email(), customer.phone(), customer.postalCode(),
                customer.country(), customer.readsIn().code(), customers.handlesOf(id), customer.tier(),
                customer.regionId() == null ? null
                        : directory.findRegion(customer.regionId()).map(r -> new Party(r.id(), r.name())).orElse(null),
                directory.findRep(customer.personalRepId()).map(r -> new Party(r.id(), r.name())).orElse(null),
                all.stream().filter(c -> c.state().open()).map(CustomerController::summary).toList(),
                all.stream().filter(c -> !c.state().open()).map(CustomerController::summary).toList());
    }

    private static CaseSummary summary(CaseRecord record) {
        return new CaseSummary(record.caseNumber(), record.state().name(), record.channel(), record.subject(),
                record.receivedAt(), record.handlerId(), record.resolvedAt(), record.closedAt());
    }

    record Party(String id, String name) {
    }

    record CaseSummary(String caseNumber, String state, String channel, String subject, Instant receivedAt,
            String handlerId, Instant resolvedAt, Instant closedAt) {
    }

    record CustomerView(String id, String name, String email, String phone, String postalCode, String country,
            String language, List<ChannelHandle> handles, Tier tier,
            Party region, Party personalRep, List<CaseSummary> openCases, List<CaseSummary> pastCases) {
    }

}
