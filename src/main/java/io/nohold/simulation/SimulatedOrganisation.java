package io.nohold.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.calendar.OpeningInterval;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerRepository;
import io.nohold.customer.CustomerService;
import io.nohold.customer.Tier;
import io.nohold.directory.Absence;
import io.nohold.directory.Region;
import io.nohold.directory.RegionCalendar;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.directory.RepSchedule;
import io.nohold.directory.RepSchedules;
import io.nohold.directory.RepService;
import io.nohold.directory.RepStatus;
import io.nohold.directory.Role;
import io.nohold.directory.RuleKind;
import io.nohold.engine.EngineClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a scenario's organisation into NoHold through its own services, as an administrator would: regions with a
 * routing rule and a calendar, reps and a supervisor (directory entry, Camunda user, group), their shifts and
 * absences, the share of reps away, and the customers, each given a personal rep by NoHold's own even spread. Every
 * id carries the run's prefix, so that several runs live side by side in one database without meeting.
 */
@Component
class SimulatedOrganisation {

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final RepService people;

    private final RepSchedules schedules;

    private final CustomerRepository customerRecords;

    private final CustomerService customers;

    private final TransactionTemplate transactions;

    SimulatedOrganisation(RegionDirectory directory, RegionCalendars calendars, RepService people, RepSchedules schedules,
            CustomerRepository customerRecords, CustomerService customers, TransactionTemplate transactions) {
        this.directory = directory;
        this.calendars = calendars;
        this.people = people;
        this.schedules = schedules;
        this.customerRecords = customerRecords;
        this.customers = customers;
        this.transactions = transactions;
    }

    /** One region as seeded: its NoHold id, its reps in backup order, its customers with their personal reps. */
    record SeededRegion(Scenario.RegionSpec spec, String regionId, String repGroup, List<SeededRep> reps,
            List<SeededCustomer> customers, BusinessCalendar calendar) {
    }

    record SeededRep(String id, int number, boolean away, BusinessCalendar workingTime) {
    }

    record SeededCustomer(String id, String personalRepId) {
    }

    /** Seeds everything with the engine clock at {@code at} (before the simulated period, so every calendar applies). */
    List<SeededRegion> seed(Scenario scenario, String prefix, Instant at) {
        List<SeededRegion> seeded = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(scenario.seed() * 7919 + 17);
        for (int index = 0; index < scenario.regions().size(); index++) {
            Scenario.RegionSpec spec = scenario.regions().get(index);
            int regionIndex = index;
            seeded.add(transactions.execute(status -> seedRegion(scenario, spec, prefix, regionIndex, at, random)));
        }
        return seeded;
    }

    private SeededRegion seedRegion(Scenario scenario, Scenario.RegionSpec spec, String prefix, int index, Instant at,
            SplittableRandom random) {
        String regionId = prefix + spec.id();
        Region region = new Region(regionId, spec.name() != null ? spec.name() : capitalised(spec.id()));
        directory.saveRegion(region);
        String postalPrefix = postalPrefix(prefix, index);
        directory.saveRule(regionId, RuleKind.POSTAL_CODE, postalPrefix);
        RegionCalendar calendar = calendar(spec);
        calendars.save(regionId, calendar);
        List<String> repIds = new ArrayList<>();
        for (int n = 1; n <= spec.reps(); n++) {
            String id = regionId + "-rep" + n;
            people.add(new RepService.NewPerson(id, "Rep", capitalised(spec.id()) + " " + n, id + "@simulation.invalid",
                    regionId, Role.REP, null, n));
            repIds.add(id);
        }
        people.add(new RepService.NewPerson(regionId + "-supervisor", "Supervisor", capitalised(spec.id()),
                regionId + "-supervisor@simulation.invalid", regionId, Role.SUPERVISOR, null, null));
        List<Boolean> away = awayFlags(spec.reps(), scenario.awayShare(), random);
        List<SeededRep> reps = new ArrayList<>();
        for (int n = 1; n <= spec.reps(); n++) {
            String id = repIds.get(n - 1);
            schedules.save(id, schedule(spec, n, calendar.timeZone()));
            if (away.get(n - 1)) {
                directory.setStatus(id, RepStatus.AWAY);
            }
        }
        // a rep's working time: their shifts and absences under the region calendar, as the rings see it
        for (int n = 1; n <= spec.reps(); n++) {
            String id = repIds.get(n - 1);
            Rep rep = directory.findRep(id).orElseThrow();
            reps.add(new SeededRep(id, n, away.get(n - 1), schedules.workingTime(rep, at)));
        }
        int population = spec.customers() != null ? spec.customers() : spec.reps() * 40;
        double premium = spec.premiumShare() == null ? 0 : spec.premiumShare();
        List<String> customerIds = new ArrayList<>();
        for (int c = 1; c <= population; c++) {
            String id = regionId + "-c" + c;
            Tier tier = random.nextDouble() < premium ? Tier.PREMIUM : Tier.STANDARD;
            customerRecords.insert(new Customer(id, "Customer " + c + " of " + region.name(), null, null,
                    postalPrefix + c, null, tier, regionId, null, EngineClock.now()));
            customerIds.add(id);
        }
        Map<String, String> personalReps = customers.ensurePersonalReps(customerIds, regionId);
        List<SeededCustomer> seededCustomers = customerIds.stream()
            .map(id -> new SeededCustomer(id, Objects.requireNonNull(personalReps.get(id), id)))
            .toList();
        return new SeededRegion(spec, regionId, region.repGroup(), reps, seededCustomers, calendar.business());
    }

    private static List<Boolean> awayFlags(int reps, double share, SplittableRandom random) {
        int awayCount = (int) Math.round(reps * share);
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            flags.add(i < awayCount);
        }
        // which reps are away is drawn, so that it is not always the first of the backup order
        for (int i = flags.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Boolean swap = flags.get(i);
            flags.set(i, flags.get(j));
            flags.set(j, swap);
        }
        return flags;
    }

    /** A region open around the clock unless the scenario gives opening hours, holidays or closed dates. */
    private static RegionCalendar calendar(Scenario.RegionSpec spec) {
        ZoneId zone = spec.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(spec.timeZone());
        Map<DayOfWeek, List<OpeningInterval>> hours = spec.openingHours() != null ? week(spec.openingHours())
                : RegionCalendar.AROUND_THE_CLOCK.openingHours();
        return new RegionCalendar(zone, hours, spec.holidays() == null ? null : spec.holidays().country(),
                spec.holidays() == null ? null : spec.holidays().subdivision(),
                spec.closedDates() == null ? List.of() : spec.closedDates());
    }

    /** The shifts of the shift group rep {@code number} belongs to (none: whenever the region is open), and absences. */
    private static RepSchedule schedule(Scenario.RegionSpec spec, int number, ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> shifts = Map.of();
        if (spec.shifts() != null) {
            int first = 1;
            for (Scenario.ShiftGroup group : spec.shifts()) {
                if (number >= first && number < first + group.reps()) {
                    shifts = week(group.shifts());
                }
                first += group.reps();
            }
        }
        List<Absence> absences = spec.absences() == null ? List.of()
                : spec.absences()
                    .stream()
                    .filter(a -> a.rep() == number)
                    .map(a -> new Absence(a.from().toInstant(), a.to().toInstant(), Absence.Kind.OTHER, "simulated absence"))
                    .toList();
        return new RepSchedule(shifts, absences);
    }

    private static Map<DayOfWeek, List<OpeningInterval>> week(Map<DayOfWeek, List<Scenario.Interval>> given) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        given.forEach((day, intervals) -> week.put(day, intervals.stream()
            .map(i -> new OpeningInterval(OpeningInterval.minutes(i.from()), OpeningInterval.minutes(i.to())))
            .sorted(java.util.Comparator.comparingInt(OpeningInterval::from))
            .toList()));
        return week;
    }

    private static String postalPrefix(String prefix, int index) {
        return (prefix + "R" + index + "-").toUpperCase(Locale.ROOT);
    }

    private static String capitalised(String id) {
        return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

}
