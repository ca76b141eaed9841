package io.nohold.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.nohold.system.EngineClock;
import org.springframework.stereotype.Service;

/** Finds who a contact is from: by id, else e-mail, else phone; registers a new customer otherwise. */
@Service
public class CustomerService {

    private final CustomerRepository customers;

    CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The known customer these details identify, by id, else e-mail, else phone; registers nobody. */
    public Optional<Customer> find(CustomerDetails details) {
        return Optional.ofNullable(details.id())
            .filter(id -> !id.isBlank())
            .flatMap(customers::findById)
            .or(() -> Optional.ofNullable(ContactKeys.email(details.email())).flatMap(customers::findByEmail))
            .or(() -> Optional.ofNullable(ContactKeys.phone(details.phone())).flatMap(customers::findByPhone));
    }

    public Customer identify(CustomerDetails details) {
        Optional<Customer> known = find(details);
        if (known.isPresent()) {
            customers.completeDetails(known.get().id(), details);
            return customers.findById(known.get().id()).orElseThrow();
        }
        return register(details);
    }

    private Customer register(CustomerDetails details) {
        String id = details.id() != null && !details.id().isBlank() ? details.id().trim()
                : "CU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Customer customer = new Customer(id, trim(details.name()), trim(details.email()), trim(details.phone()),
                trim(details.postalCode()), details.country() == null ? null : details.country().trim().toUpperCase(Locale.ROOT),
                Tier.STANDARD, null, null, EngineClock.now());
        customers.insert(customer);
        return customer;
    }

    /** Holds a lock on the customer until the transaction ends: one contact of a customer is taken in at a time. */
    public void lockForIntake(String customerId) {
        customers.lock(customerId);
    }

    public Customer customer(String id) {
        return customers.findById(id).orElseThrow(() -> new IllegalStateException("unknown customer " + id));
    }

    /**
     * The customer's personal rep, assigned once and kept: a customer without one gets the rep of the region with
     * the fewest customers.
     */
    public Optional<String> ensurePersonalRep(String customerId, String regionId) {
        Customer customer = customer(customerId);
        if (customer.personalRepId() != null) {
            return Optional.of(customer.personalRepId());
        }
        Optional<String> rep = customers.repWithFewestCustomers(regionId);
        rep.ifPresent(repId -> customers.assignPersonalRep(customerId, repId));
        return Optional.ofNullable(customer(customerId).personalRepId());
    }

    public void ensureRegion(String customerId, String regionId) {
        customers.assignRegion(customerId, regionId);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
