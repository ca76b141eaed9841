package io.nohold.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds who a contact is from: by id, else e-mail, else phone, else a handle on a channel; registers a new customer
 * otherwise. The database holds at most one customer per e-mail key, per phone key and per channel handle, so two contacts of one new customer that arrive at the same
 * moment give one customer.
 */
@Service
public class CustomerService {

    /** Registrations tried before giving up; each lost race is followed by a look-up that finds the winner. */
    private static final int ATTEMPTS = 5;

    private final CustomerRepository customers;

    private final TransactionTemplate savepoint;

    private final HandlerRings rings;

    CustomerService(CustomerRepository customers, PlatformTransactionManager transactionManager, HandlerRings rings) {
        this.customers = customers;
        this.rings = rings;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The customer these details belong to: the one with this id, else the one holding the e-mail key, else the one
     * holding the phone key, else the one holding the channel handle; a new customer (id from the database sequence, or the id given) when none matches. The
     * API refuses ids it does not know before it gets here (intake), so only NoHold itself registers a given id. What
     * the customer record lacks is filled in from the details, except an e-mail or phone key that another customer
     * holds: a contact whose e-mail matches one customer and whose phone matches another belongs to the first, and the
     * second keeps the phone.
     * <p>
     * <b>Concurrency.</b> Two contacts of one new customer may both find nobody and both insert. The unique constraints
     * on the keys let one insert through; the other fails with a {@link DuplicateKeyException}, and {@code identify}
     * then looks the customer up again and returns the one the first contact registered. On PostgreSQL a failed
     * statement aborts the whole transaction it runs in, and intake calls {@code identify} inside the transaction that
     * stores the contact. So every insert or key update that can lose such a race runs in a nested transaction: a
     * savepoint on the caller's connection, rolled back on its own when the statement fails, after which the caller's
     * transaction carries on (without a caller transaction it is a transaction of its own). A savepoint rather than a
     * separate transaction ({@code REQUIRES_NEW}): it needs no second pooled connection while the caller holds one (a
     * full pool would make each waiting request wait for the others), and the new customer is committed together with
     * the contact that named them or not at all. The losing insert waits for the winner's transaction to commit before
     * it fails (PostgreSQL and H2 both do), so the look-up right after it finds the winner; further attempts, after a
     * short pause each, only cover a database that reports the conflict sooner.
     */
    public Customer identify(CustomerDetails details) {
        DuplicateKeyException lost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            Optional<Customer> known = find(details);
            if (known.isPresent()) {
                return complete(known.get(), details);
            }
            try {
                return savepoint.execute(status -> register(details));
            }
            catch (DuplicateKeyException e) {
                // another contact registered this customer a moment ago, or a channel gave the generated id earlier
                lost = e;
            }
        }
        throw lost;
    }

    /** The known customer these details identify, by id, else e-mail, else phone, else handle; registers nobody. */
    public Optional<Customer> find(CustomerDetails details) {
        return Optional.ofNullable(trim(details.id()))
            .flatMap(customers::findById)
            .or(() -> Optional.ofNullable(ContactKeys.email(details.email())).flatMap(customers::findByEmail))
            .or(() -> Optional.ofNullable(ContactKeys.phone(details.phone())).flatMap(customers::findByPhone))
            .or(() -> Optional.ofNullable(details.handle())
                .filter(handle -> handle.key() != null)
                .flatMap(handle -> customers.findByHandle(handle.channel(), handle.key())));
    }

    public Optional<Customer> findById(String id) {
        return id == null ? Optional.empty() : customers.findById(id);
    }

    /** Fills in what the customer record lacks and the details know; writes nothing when it lacks nothing. */
    private Customer complete(Customer known, CustomerDetails details) {
        boolean changed = false;
        if (lacks(known.name(), details.name()) || lacks(known.postalCode(), details.postalCode())
                || lacks(known.country(), details.country())
                || known.language() == null && Language.parse(details.language()).isPresent()) {
            customers.completeDetails(known.id(), details);
            changed = true;
        }
        if (lacks(known.email(), details.email())) {
            fillKey(() -> customers.completeEmail(known.id(), details.email()));
            changed = true;
        }
        if (known.phone() == null && ContactKeys.phone(details.phone()) != null) {
            fillKey(() -> customers.completePhone(known.id(), details.phone()));
            changed = true;
        }
        if (details.handle() != null && details.handle().key() != null
                && customers.handlesOf(known.id()).stream().noneMatch(h -> h.channel().equals(details.handle().channel()))) {
            fillKey(() -> customers.addHandle(known.id(), details.handle()));
        }
        return changed ? customers.findById(known.id()).orElseThrow() : known;
    }

    private static boolean lacks(String known, String given) {
        return known == null && trim(given) != null;
    }

    /** A key that another customer took at this very moment stays with them; the customer is found all the same. */
    private void fillKey(Runnable update) {
        try {
            savepoint.executeWithoutResult(status -> update.run());
        }
        catch (DuplicateKeyException e) {
            // the other customer holds the key now
        }
    }

    /**
     * An id that is not known yet is registered as given (the API refuses unknown ids before this). Generated ids come
     * from a sequence and cannot collide with each other; if an id like one of them was given first, the insert fails
     * and the next attempt takes the next number.
     */
    private Customer register(CustomerDetails details) {
        String given = trim(details.id());
        Customer customer = new Customer(given != null ? given : customers.nextId(), trim(details.name()),
                trim(details.email()), trim(details.phone()), trim(details.postalCode()),
                details.country() == null || details.country().isBlank() ? null : details.country().trim().toUpperCase(Locale.ROOT),
                Tier.STANDARD, null, null, EngineClock.now(), Language.parse(details.language()).map(Language::code).orElse(null));
        customers.insert(customer);
        if (details.handle() != null && details.handle().key() != null) {
            // in the same savepoint: a handle another contact registered a moment ago fails the whole registration,
            // and the next attempt finds that customer by it
            if (!customers.addHandle(customer.id(), details.handle())) {
                throw new DuplicateKeyException("the handle was registered for another customer a moment ago");
            }
        }
        return customer;
    }

    public Customer customer(String id) {
        return customers.findById(id).orElseThrow(() -> new IllegalStateException("unknown customer " + id));
    }

    /**
     * Locks the customer for the rest of the caller's transaction, so that contacts of one customer open or join cases
     * one after the other: the second sees the case the first opened. Call it inside a transaction.
     */
    public void lockForIntake(String customerId) {
        if (!customers.lock(customerId)) {
            throw new IllegalStateException("unknown customer " + customerId);
        }
    }

    /**
     * The customer's personal rep, assigned once and kept: a customer without one gets the rep of the region with
     * the fewest customers (each rep's count is kept on the rep, so the choice reads only the region's reps). Two new
     * customers assigned at the same moment may both get the same rep; the counts stay exact, and the next choice
     * evens it out.
     */
    public Optional<String> ensurePersonalRep(String customerId, String regionId) {
        return ensurePersonalRep(customerId, () -> eligibleRepIds(regionId));
    }

    /**
     * {@link #ensurePersonalRep} for many customers of one region, one after the other, as a bulk import of customers
     * needs it: the region's reps who may hold contacts are read once for all of them. By customer id, each customer's
     * personal rep; a customer left without one (the region has nobody who may hold contacts) is not in it.
     */
    public Map<String, String> ensurePersonalReps(List<String> customerIds, String regionId) {
        List<String> eligible = eligibleRepIds(regionId);
        Map<String, String> personalReps = new LinkedHashMap<>();
        for (String customerId : customerIds) {
            ensurePersonalRep(customerId, () -> eligible).ifPresent(repId -> personalReps.put(customerId, repId));
        }
        return personalReps;
    }

    /** Only reps who may hold contacts: never someone who left or whose Camunda user is gone. */
    private List<String> eligibleRepIds(String regionId) {
        return rings.eligibleReps(regionId).stream().map(Rep::id).toList();
    }

    /** The customer's rep, or one of {@code eligibleRepIds} (read only when the customer has none) assigned now. */
    private Optional<String> ensurePersonalRep(String customerId, Supplier<List<String>> eligibleRepIds) {
        String known = customer(customerId).personalRepId();
        if (known != null) {
            return Optional.of(known);
        }
        customers.repWithFewestCustomers(eligibleRepIds.get()).ifPresent(repId -> customers.assignPersonalRep(customerId, repId));
        // read again: a customer assigned at the same moment by someone else keeps that rep
        return Optional.ofNullable(customer(customerId).personalRepId());
    }

    public void ensureRegion(String customerId, String regionId) {
        customers.assignRegion(customerId, regionId);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while identifying a customer", e);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
