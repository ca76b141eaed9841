package io.nohold.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.nohold.security.RegionAccess;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseSearch;
import io.nohold.customer.ChannelHandle;
import io.nohold.customer.Customer;
import io.nohold.customer.Tier;
import io.nohold.customer.CustomerRepository;
import io.nohold.customer.CustomerSearch;
import io.nohold.directory.RegionDirectory;
import io.nohold.web.ApiException;
import io.nohold.web.ResultPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerRepository customers;

    private final CaseFile cases;

    private final RegionDirectory directory;

    private final RegionAccess access;

    private final CustomerSearch search;

    private final CaseSearch caseSearch;

    CustomerController(CustomerRepository customers, CaseFile cases, RegionDirectory directory, RegionAccess access,
            CustomerSearch search, CaseSearch caseSearch) {
        this.access = access;
        this.search = search;
        this.caseSearch = caseSearch;
        this.customers = customers;
        this.cases = cases;
        this.directory = directory;
    }

    /**
     * Customers by name, e-mail or phone ({@code q}, see {@link io.nohold.customer.SearchTerms}), newest first, of the
     * regions the caller may see, each with their number of open cases.
     */
    @GetMapping
    ResultPage<CustomerItem> search(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var regions = access.visibleRegions();
        SearchRequest request = SearchRequest.of(q, page, size);
        ResultPage<CustomerSearch.Hit> hits = search.search(request.terms(), regions, request.paging());
        Map<String, Long> open = caseSearch.openCaseCounts(hits.items().stream().map(CustomerSearch.Hit::id).toList());
        return hits.map(hit -> new CustomerItem(hit.id(), hit.name(), hit.email(), hit.phone(), hit.tier(),
                hit.regionId() == null ? null : new Party(hit.regionId(), hit.regionName()),
                hit.personalRepId() == null ? null : new Party(hit.personalRepId(), hit.personalRepName()),
                open.getOrDefault(hit.id(), 0L)));
    }

    /** A customer in a list of customers. */
    record CustomerItem(String id, String name, String email, String phone, Tier tier, Party region, Party personalRep,
            long openCases) {
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
