package io.nohold.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.nohold.directory.DirectoryAudit;
import io.nohold.directory.DirectoryEntry;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import io.nohold.security.ApiUser;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator moves a customer to another region or personal rep, with a reason: the customer's row, the reps'
 * customer counts, an entry in the customer's own history ({@code customer_event}) and the directory audit change in
 * one transaction. The next contact goes to the new region and rep; a case already open stays with whoever holds it.
 */
@Service
public class CustomerPlacement {

    private final JdbcClient jdbc;

    private final CustomerRepository customers;

    private final RegionDirectory directory;

    private final HandlerRings rings;

    private final DirectoryAudit audit;

    CustomerPlacement(JdbcClient jdbc, CustomerRepository customers, RegionDirectory directory, HandlerRings rings,
            DirectoryAudit audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.directory = directory;
        this.rings = rings;
        this.audit = audit;
    }

    /** An entry of a customer's own history. */
    public record Entry(Instant at, String actor, String type, String detail) {
    }

    /**
     * Places the customer in {@code regionId} with {@code personalRepId} (a rep of that region who may hold contacts),
     * or, with no rep given, with none: the region's rep with the fewest customers is chosen at their next contact.
     */
    @Transactional
    public Customer move(String customerId, String regionId, String personalRepId, String reason) {
        Customer customer = customers.findById(customerId)
            .filter(found -> customers.erasedAt(customerId).isEmpty())
            .orElseThrow(() -> ApiException.notFound("customer", customerId));
        Region region = directory.findRegion(regionId)
            .orElseThrow(() -> ApiException.invalid(List.of(new FieldProblem("region", "must be one of "
                    + String.join(", ", directory.regions().stream().map(Region::id).toList())))));
        if (personalRepId != null && rings.eligibleReps(regionId).stream().noneMatch(rep -> rep.id().equals(personalRepId))) {
            throw ApiException.invalid(List.of(new FieldProblem("personalRep", "must be a rep of region " + regionId
                    + " who may hold contacts: " + String.join(", ", rings.eligibleReps(regionId).stream().map(Rep::id).toList()))));
        }
        if (regionId.equals(customer.regionId()) && java.util.Objects.equals(personalRepId, customer.personalRepId())) {
            throw new ApiException(HttpStatus.CONFLICT, "the customer is in this region with this personal rep already",
                    List.of());
        }
        customers.place(customerId, regionId, personalRepId, customer.personalRepId());
        String detail = "from " + place(customer.regionId(), customer.personalRepId()) + " to " + place(regionId, personalRepId)
                + ": " + reason;
        jdbc.sql("INSERT INTO customer_event (customer_id, at, actor, type, detail) VALUES (?, ?, ?, 'MOVED', ?)")
            .param(customerId)
            .param(EngineClock.utc(EngineClock.now()))
            .param(ApiUser.current().map(ApiUser::id).orElse("nohold"))
            .param(detail)
            .update();
        // the reason stays in the customer's history, which erasure clears; the audit keeps who moved whom where
        audit.record("CUSTOMER_MOVED", "customer " + customerId, "from " + place(customer.regionId(), customer.personalRepId())
                + " to " + place(regionId, personalRepId));
        return customers.findById(customerId).orElseThrow();
    }

    public List<Entry> history(String customerId) {
        return jdbc.sql("SELECT at, actor, type, detail FROM customer_event WHERE customer_id = ? ORDER BY id")
            .param(customerId)
            .query((rs, n) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    rs.getString("type"), rs.getString("detail")))
            .list();
    }

    private String place(String regionId, String repId) {
        String region = regionId == null ? "no region" : directory.findRegion(regionId).map(Region::name).orElse(regionId);
        String rep = repId == null ? "no personal rep" : directory.findEntry(repId).map(DirectoryEntry::name).orElse(repId);
        return region + " (" + rep + ")";
    }


}
