package io.nohold.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import io.nohold.calendar.OpeningInterval;

import static io.nohold.security.Groups.MONITORING;
import static io.nohold.security.Groups.HEAD_OF_SERVICE;

import java.util.List;

import io.nohold.customer.Customer;
import io.nohold.customer.CustomerRepository;
import io.nohold.customer.Tier;
import io.nohold.directory.Region;
import io.nohold.directory.RegionCalendar;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Absence;
import io.nohold.directory.Rep;
import io.nohold.directory.RepSchedule;
import io.nohold.directory.RepSchedules;
import io.nohold.directory.RepStatus;
import io.nohold.directory.RuleKind;
import io.nohold.engine.EngineClock;
import io.nohold.security.ChannelKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the {@code demo} profile: four regions with three reps, a backup order and a supervisor each,
 * routing rules, head of service, an admin, an intake user for channels, and 20 customers with their personal reps.
 * Every demo user's password is {@code nohold.demo.password}. Loading it again changes nothing.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final List<DemoRegion> REGIONS = List.of(
            new DemoRegion("north", "North", List.of("1", "2"), List.of("+4940", "+4930", "+45", "+46"), List.of("DK", "SE", "NO", "FI"),
                    List.of(new DemoUser("dana", "Dana", "Berg"), new DemoUser("nils", "Nils", "Olsen"),
                            new DemoUser("freya", "Freya", "Lund")),
                    new DemoUser("sam", "Sam", "Norden")),
            new DemoRegion("south", "South", List.of("7", "8"), List.of("+4989", "+49711", "+39", "+34"), List.of("IT", "ES", "PT", "AT"),
                    List.of(new DemoUser("marco", "Marco", "Rossi"), new DemoUser("lucia", "Lucia", "Ferrante"),
                            new DemoUser("pablo", "Pablo", "Ruiz")),
                    new DemoUser("sofia", "Sofia", "Moreno")),
            new DemoRegion("east", "East", List.of("0", "9"), List.of("+49351", "+49341", "+48", "+420"), List.of("PL", "CZ", "SK", "HU"),
                    List.of(new DemoUser("anna", "Anna", "Kowalska"), new DemoUser("jan", "Jan", "Novak"),
                            new DemoUser("irina", "Irina", "Petrova")),
                    new DemoUser("piotr", "Piotr", "Wolski")),
            new DemoRegion("west", "West", List.of("3", "4", "5", "6"), List.of("+49221", "+49211", "+33", "+31"),
                    List.of("FR", "BE", "NL", "LU"),
                    List.of(new DemoUser("claire", "Claire", "Dubois"), new DemoUser("tom", "Tom", "Jansen"),
                            new DemoUser("lea", "Lea", "Martin")),
                    new DemoUser("henri", "Henri", "Lefevre")));

    private static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("C-1001", "Maria Lopez", "maria.lopez@example.com", "+49 40 5550101", "20095", "DE", Tier.PREMIUM, "north", 0),
            new DemoCustomer("C-1002", "Ole Hansen", "ole.hansen@example.com", "+45 3355 0102", null, "DK", Tier.STANDARD, "north", 1),
            new DemoCustomer("C-1003", "Greta Schulz", "greta.schulz@example.com", "+49 30 5550103", "10115", "DE", Tier.STANDARD, "north", 2),
            new DemoCustomer("C-1004", "Lars Berg", "lars.berg@example.com", null, "22767", "DE", Tier.STANDARD, "north", 0),
            new DemoCustomer("C-1005", "Ingrid Sand", null, "+46 8 5550105", null, "SE", Tier.PREMIUM, "north", 1),
            new DemoCustomer("C-1006", "Giulia Bianchi", "giulia.bianchi@example.com", "+39 02 5550106", null, "IT", Tier.STANDARD, "south", 0),
            new DemoCustomer("C-1007", "Franz Huber", "franz.huber@example.com", "+49 89 5550107", "80331", "DE", Tier.PREMIUM, "south", 1),
            new DemoCustomer("C-1008", "Carmen Diaz", "carmen.diaz@example.com", "+34 91 5550108", null, "ES", Tier.STANDARD, "south", 2),
            new DemoCustomer("C-1009", "Lena Wolf", "lena.wolf@example.com", null, "70173", "DE", Tier.STANDARD, "south", 0),
            new DemoCustomer("C-1010", "Paulo Costa", null, "+351 21 5550110", null, "PT", Tier.STANDARD, "south", 1),
            new DemoCustomer("C-1011", "Katarzyna Nowak", "k.nowak@example.com", "+48 22 5550111", null, "PL", Tier.STANDARD, "east", 0),
            new DemoCustomer("C-1012", "Petr Svoboda", "petr.svoboda@example.com", "+420 2 5550112", null, "CZ", Tier.PREMIUM, "east", 1),
            new DemoCustomer("C-1013", "Uwe Richter", "uwe.richter@example.com", "+49 351 5550113", "01067", "DE", Tier.STANDARD, "east", 2),
            new DemoCustomer("C-1014", "Sabine Krause", "sabine.krause@example.com", null, "04109", "DE", Tier.STANDARD, "east", 0),
            new DemoCustomer("C-1015", "Laszlo Nagy", null, "+36 1 5550115", null, "HU", Tier.STANDARD, "east", 1),
            new DemoCustomer("C-1016", "Julie Bernard", "julie.bernard@example.com", "+33 1 5550116", null, "FR", Tier.STANDARD, "west", 0),
            new DemoCustomer("C-1017", "Daan de Vries", "daan.devries@example.com", "+31 20 5550117", null, "NL", Tier.PREMIUM, "west", 1),
            new DemoCustomer("C-1018", "Jonas Becker", "jonas.becker@example.com", "+49 221 5550118", "50667", "DE", Tier.STANDARD, "west", 2),
            new DemoCustomer("C-1019", "Emma Peeters", "emma.peeters@example.com", null, null, "BE", Tier.STANDARD, "west", 0),
            new DemoCustomer("C-1020", "Noah Schmitt", null, "+49 211 5550120", "40213", "DE", Tier.STANDARD, "west", 1));

    private final IdentityService identity;

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final RepSchedules schedules;

    private final CustomerRepository customers;

    private final TransactionTemplate transactions;

    private final ChannelKeys channels;

    private final String password;

    static final String INTAKE_CHANNEL = "intake";

    DemoData(IdentityService identity, RegionDirectory directory, RegionCalendars calendars, RepSchedules schedules,
            CustomerRepository customers, ChannelKeys channels, TransactionTemplate transactions,
            @Value("${nohold.demo.password}") String password) {
        this.identity = identity;
        this.directory = directory;
        this.calendars = calendars;
        this.schedules = schedules;
        this.customers = customers;
        this.transactions = transactions;
        this.channels = channels;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> load());
        log.info("demo data ready: {} regions, {} customers; every demo user's password is the configured demo password",
                REGIONS.size(), CUSTOMERS.size());
    }

    private void load() {
        group(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        group(HEAD_OF_SERVICE, "Head of service", Groups.GROUP_TYPE_WORKFLOW);
        group(MONITORING, "Monitoring", Groups.GROUP_TYPE_WORKFLOW);
        user(new DemoUser("admin", "Ada", "Admin"), Groups.CAMUNDA_ADMIN);
        user(new DemoUser(HEAD_OF_SERVICE, "Hanna", "Weiss"), HEAD_OF_SERVICE);
        user(new DemoUser("monitor", "Prometheus", "Scraper"), MONITORING);
        // the README's channel: `intake` with the demo password as its API key (HTTP Basic or Bearer)
        channels.createChannel(INTAKE_CHANNEL, "Intake (demo)");
        channels.ensureKey(INTAKE_CHANNEL, "demo", "demo key, known to everyone: demo profile only", password);
        for (DemoRegion demo : REGIONS) {
            Region region = new Region(demo.id(), demo.name());
            directory.saveRegion(region);
            demo.postalPrefixes().forEach(prefix -> directory.saveRule(region.id(), RuleKind.POSTAL_CODE, prefix));
            demo.phonePrefixes().forEach(prefix -> directory.saveRule(region.id(), RuleKind.PHONE, prefix));
            demo.countries().forEach(country -> directory.saveRule(region.id(), RuleKind.COUNTRY, country));
            if (!calendars.stored(region.id())) {
                calendars.save(region.id(), calendar(region.id()));
            }
            group(region.repGroup(), region.name() + " reps", Groups.GROUP_TYPE_WORKFLOW);
            group(region.supervisorGroup(), region.name() + " supervisors", Groups.GROUP_TYPE_WORKFLOW);
            for (int i = 0; i < demo.reps().size(); i++) {
                DemoUser rep = demo.reps().get(i);
                directory.saveRep(new Rep(rep.id(), rep.fullName(), region.id(), i + 1, RepStatus.AVAILABLE));
                if (!schedules.stored(rep.id())) {
                    schedules.save(rep.id(), schedule(region.id(), i, rep.id()));
                }
                user(rep, region.repGroup());
            }
            user(demo.supervisor(), region.supervisorGroup());
        }
        for (DemoCustomer demo : CUSTOMERS) {
            if (customers.findById(demo.id()).isPresent()) {
                continue;
            }
            if (customers.keyTaken(demo.email(), demo.phone())) {
                log.warn("demo customer {} not loaded: another customer has their e-mail address or phone number", demo.id());
                continue;
            }
            String rep = REGIONS.stream().filter(r -> r.id().equals(demo.regionId())).findFirst().orElseThrow()
                .reps().get(demo.repIndex()).id();
            // counts the customer for the rep, too
            customers.insert(new Customer(demo.id(), demo.name(), demo.email(), demo.phone(), demo.postalCode(),
                    demo.country(), demo.tier(), demo.regionId(), rep, EngineClock.now()));
        }
    }

    /**
     * Realistic calendars in four European zones: Hamburg's holidays for North, a lunch break in the South, Saturday
     * mornings in the North.
     */
    static RegionCalendar calendar(String regionId) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY);
        return switch (regionId) {
            case "north" -> {
                weekdays.forEach(day -> hours.put(day, List.of(hours("08:00", "18:00"))));
                hours.put(DayOfWeek.SATURDAY, List.of(hours("09:00", "13:00")));
                yield new RegionCalendar(ZoneId.of("Europe/Berlin"), hours, "DE", "HH",
                        List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)));
            }
            case "south" -> {
                weekdays.forEach(day -> hours.put(day, List.of(hours("09:00", "13:00"), hours("14:00", "18:00"))));
                yield new RegionCalendar(ZoneId.of("Europe/Rome"), hours, "IT", null, List.of(LocalDate.of(2026, 12, 24)));
            }
            case "east" -> {
                weekdays.forEach(day -> hours.put(day, List.of(hours("08:00", "16:00"))));
                yield new RegionCalendar(ZoneId.of("Europe/Warsaw"), hours, "PL", null, List.of(LocalDate.of(2026, 12, 24)));
            }
            default -> {
                weekdays.forEach(day -> hours.put(day, List.of(hours("09:00", "19:00"))));
                yield new RegionCalendar(ZoneId.of("Europe/Paris"), hours, "FR", null, List.of());
            }
        };
    }

    /**
     * Two overlapping shifts that cover the region's opening hours: the first rep of each region works the early
     * shift, the others the late one; everyone is on shift from 09:00 to 12:00 on weekdays. North's third rep also
     * works the Saturday morning. Irina of East is on vacation for two weeks in August 2027.
     */
    static RepSchedule schedule(String regionId, int index, String repId) {
        boolean early = index == 0;
        List<OpeningInterval> shifts = switch (regionId) {
            case "north" -> early ? List.of(hours("08:00", "14:00")) : List.of(hours("09:00", "18:00"));
            case "south" -> early ? List.of(hours("09:00", "13:00"), hours("14:00", "16:00"))
                    : List.of(hours("09:00", "13:00"), hours("14:00", "18:00"));
            case "east" -> early ? List.of(hours("08:00", "14:00")) : List.of(hours("09:00", "16:00"));
            default -> early ? List.of(hours("09:00", "15:00")) : List.of(hours("09:00", "13:00"), hours("14:00", "19:00"));
        };
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, shifts);
        }
        if ("north".equals(regionId) && index == 2) {
            week.put(DayOfWeek.SATURDAY, List.of(hours("09:00", "13:00")));
        }
        List<Absence> absences = "irina".equals(repId)
                ? List.of(new Absence(java.time.OffsetDateTime.parse("2027-08-02T00:00:00+02:00").toInstant(),
                        java.time.OffsetDateTime.parse("2027-08-14T00:00:00+02:00").toInstant(), Absence.Kind.VACATION,
                        "summer holiday"))
                : List.of();
        return new RepSchedule(week, absences);
    }

    private static OpeningInterval hours(String from, String to) {
        return new OpeningInterval(OpeningInterval.minutes(from), OpeningInterval.minutes(to));
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void user(DemoUser demo, String groupId) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@nohold.example");
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(demo.id(), groupId);
        }
    }

    private record DemoUser(String id, String firstName, String lastName) {

        String fullName() {
            return firstName + " " + lastName;
        }

    }

    private record DemoRegion(String id, String name, List<String> postalPrefixes, List<String> phonePrefixes,
            List<String> countries, List<DemoUser> reps, DemoUser supervisor) {
    }

    private record DemoCustomer(String id, String name, String email, String phone, String postalCode, String country,
            Tier tier, String regionId, int repIndex) {
    }

}
