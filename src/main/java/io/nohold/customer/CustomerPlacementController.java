package io.nohold.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.SingleLine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators move a customer to another region or personal rep; the customer's own history says when and why. */
@RestController
class CustomerPlacementController {

    private final CustomerPlacement placement;

    private final CustomerRepository customers;

    private final RegionAccess access;

    CustomerPlacementController(CustomerPlacement placement, CustomerRepository customers, RegionAccess access) {
        this.placement = placement;
        this.customers = customers;
        this.access = access;
    }

    /** {@code personalRep} may be left out: the region's rep with the fewest customers is chosen at the next contact. */
    record Placement(@NotBlank(message = "is required") String region, String personalRep,
            @NotBlank(message = "is required: why the customer moves, kept in their history") @SingleLine @Size(max = 500, message = "must have at most 500 characters") String reason) {
    }

    record Placed(String id, String region, String personalRep, List<CustomerPlacement.Entry> history) {
    }

    @PutMapping("/api/customers/{id}/placement")
    Placed move(@PathVariable String id, @RequestBody @Valid Placement body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        Customer moved = placement.move(id, body.region(), body.personalRep(), body.reason().strip());
        return new Placed(moved.id(), moved.regionId(), moved.personalRepId(), placement.history(id));
    }

    /** The customer's own history (moves); for whoever may see the customer. */
    @GetMapping("/api/customers/{id}/history")
    List<CustomerPlacement.Entry> history(@PathVariable String id) {
        Customer customer = customers.findById(id).orElseThrow(() -> ApiException.notFound("customer", id));
        access.checkRegion(customer.regionId());
        return placement.history(id);
    }

}
