package io.nohold.board;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.nohold.board.BoardQueries.Entry;
import io.nohold.board.BoardQueries.OpenCase;
import io.nohold.board.BoardQueries.Outcome;
import io.nohold.board.BoardView.Broken;
import io.nohold.board.BoardView.ChannelPromises;
import io.nohold.board.BoardView.Contact;
import io.nohold.board.BoardView.Continuity;
import io.nohold.board.BoardView.FirstResponse;
import io.nohold.board.BoardView.Handovers;
import io.nohold.board.BoardView.Now;
import io.nohold.board.BoardView.Oldest;
import io.nohold.board.BoardView.Period;
import io.nohold.board.BoardView.Person;
import io.nohold.board.BoardView.Promises;
import io.nohold.board.BoardView.RegionBoard;
import io.nohold.board.BoardView.Slot;
import io.nohold.board.BoardView.SupervisorItem;
import io.nohold.board.BoardView.Task;
import io.nohold.board.BoardView.TeamMember;
import io.nohold.directory.People;
import io.nohold.directory.Region;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.directory.RepSchedules;
import io.nohold.engine.EngineClock;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's board of a region, computed from the case file's tables when asked: now (open contacts by ring,
 * the most urgent first, broken promises, escalations and approvals, each with its task), today and this week in the
 * region's calendar (promises, continuity, handovers, time to the first answer, accommodations), and the team.
 */
@Service
class Board {

    static final String OWN_REP = "ownRep";

    static final String BACKUP = "backup";

    static final String TEAM = "team";

    static final String SUPERVISOR = "supervisor";

    /** Handovers by the ring they moved a contact to, as the business metrics count them. */
    private static final List<String> HANDOVER_TYPES = List.of("HANDED_OVER_TO_BACKUP", "SHIFT_ENDED", "OFFERED_TO_TEAM",
            "ESCALATION_OPENED");

    private static final String ACCOMMODATION_GRANTED = "ACCOMMODATION_GRANTED";

    private static final Set<String> CASE_TASKS = Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT, ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION,
            SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final BoardQueries queries;

    private final RegionDirectory directory;

    private final RegionCalendars calendars;

    private final RepSchedules schedules;

    private final People people;

    private final TaskService tasks;

    private final RuntimeService runtime;

    private final Duration atRiskWithin;

    private final int contactsShown;

    private final String tasklist;

    Board(BoardQueries queries, RegionDirectory directory, RegionCalendars calendars, RepSchedules schedules,
            People people, TaskService tasks, RuntimeService runtime,
            @Value("${nohold.board.at-risk-within}") Duration atRiskWithin,
            @Value("${nohold.board.contacts-shown}") int contactsShown,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.queries = queries;
        this.directory = directory;
        this.calendars = calendars;
        this.schedules = schedules;
        this.people = people;
        this.tasks = tasks;
        this.runtime = runtime;
        this.atRiskWithin = atRiskWithin;
        this.contactsShown = contactsShown;
        this.tasklist = webappPath + "/app/tasklist/default/#/?task=";
    }

    Duration atRiskWithin() {
        return atRiskWithin;
    }

    @Transactional(readOnly = true)
    RegionBoard of(Region region, Instant now) {
        ZoneId zone = calendars.at(region.id(), now).timeZone();
        ZonedDateTime local = now.atZone(zone);
        Instant dayStart = local.truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant weekStart = local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .toInstant();
        List<Outcome> outcomes = queries.outcomes(region.id(), weekStart);
        List<String> types = new ArrayList<>(HANDOVER_TYPES);
        types.add(ACCOMMODATION_GRANTED);
        List<Entry> entries = queries.entries(region.id(), types, weekStart);

        List<Contact> contacts = contacts(region.id(), now);
        List<OpenCase> withSupervisors = queries.withSupervisors(region.id(), contactsShown);
        List<Outcome> brokenToday = outcomes.stream()
            .filter(o -> "BROKEN".equals(o.outcome()) && !o.at().isBefore(dayStart))
            .sorted(Comparator.comparing(Outcome::at).reversed())
            .toList();
        List<Rep> reps = directory.repsOf(region.id());
        Map<String, OpenCase> oldest = new HashMap<>();
        for (Rep rep : reps) {
            queries.oldestHeldBy(rep.id()).ifPresent(c -> oldest.put(rep.id(), c));
        }

        Set<String> linked = new LinkedHashSet<>();
        contacts.forEach(c -> linked.add(c.caseNumber()));
        withSupervisors.forEach(c -> linked.add(c.caseNumber()));
        brokenToday.stream().limit(contactsShown).forEach(o -> linked.add(o.caseNumber()));
        oldest.values().forEach(c -> linked.add(c.caseNumber()));
        Map<String, List<org.camunda.bpm.engine.task.Task>> open = openTasks(linked);

        List<Contact> shown = contacts.stream()
            .map(c -> new Contact(c.caseNumber(), c.subject(), c.channel(), c.ring(), c.holder(), c.personalRep(),
                    c.deadline(), c.deadlineKind(), c.atRisk(), task(open, c.caseNumber(),
                            Set.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER, ContactLifecycleProcess.Elements.RESOLVE_CONTACT))))
            .toList();
        List<Broken> broken = new ArrayList<>();
        Set<String> brokenCases = new LinkedHashSet<>();
        for (Outcome o : brokenToday) {
            if (brokenCases.add(o.caseNumber() + "@" + o.at()) && broken.size() < contactsShown) {
                broken.add(new Broken(o.caseNumber(), o.at(), o.channel(), task(open, o.caseNumber(), CASE_TASKS)));
            }
        }
        List<SupervisorItem> escalations = new ArrayList<>();
        for (OpenCase c : withSupervisors) {
            boolean approval = "AWAITING_APPROVAL".equals(c.state());
            String key = approval ? ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION
                    : SupervisorEscalationProcess.Elements.HANDLE_ESCALATION;
            Optional<org.camunda.bpm.engine.task.Task> task = open.getOrDefault(c.caseNumber(), List.of())
                .stream()
                .filter(t -> key.equals(t.getTaskDefinitionKey()))
                .findFirst();
            Instant due = task.map(t -> t.getDueDate() == null ? null : t.getDueDate().toInstant()).orElse(null);
            escalations.add(new SupervisorItem(c.caseNumber(), c.subject(), approval ? "APPROVAL" : "ESCALATION", due,
                    due != null && due.isBefore(now), task.map(this::task).orElse(null)));
        }
        escalations.sort(Comparator.comparing(SupervisorItem::deadline, Comparator.nullsLast(Comparator.naturalOrder())));

        Now nowPart = new Now(rings(region.id()), queries.atRisk(region.id(), now, now.plus(atRiskWithin)), shown, broken,
                escalations);
        Period today = period(zone, dayStart, now, local.truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant(),
                ChronoUnit.HOURS, outcomes, entries);
        Period week = period(zone, weekStart, now,
                local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1)
                    .toInstant(),
                ChronoUnit.DAYS, outcomes, entries);
        return new RegionBoard(region.id(), region.name(), zoneName(zone), nowPart, today, week, team(reps, now, oldest, open));
    }

    // now

    private Map<String, Long> rings(String regionId) {
        Map<String, Long> rings = new LinkedHashMap<>();
        for (String ring : List.of(OWN_REP, BACKUP, TEAM, SUPERVISOR)) {
            rings.put(ring, 0L);
        }
        for (BoardQueries.RingCount count : queries.ringCounts(regionId)) {
            String ring = "ESCALATED".equals(count.state()) ? SUPERVISOR
                    : !count.held() ? TEAM : count.ownRep() ? OWN_REP : BACKUP;
            rings.merge(ring, count.count(), Long::sum);
        }
        return rings;
    }

    /** The most urgent open contacts: at risk first, then by their next deadline. */
    private List<Contact> contacts(String regionId, Instant now) {
        Map<String, OpenCase> candidates = new LinkedHashMap<>();
        for (List<OpenCase> list : List.of(queries.awaitingFirstResponse(regionId, contactsShown),
                queries.personalWindowsRunning(regionId, now, contactsShown),
                queries.beingResolved(regionId, contactsShown))) {
            list.forEach(c -> candidates.putIfAbsent(c.caseNumber(), c));
        }
        Instant horizon = now.plus(atRiskWithin);
        Map<String, Person> names = new HashMap<>();
        return candidates.values()
            .stream()
            .map(c -> contact(c, now, horizon, names))
            .sorted(Comparator.comparing((Contact c) -> !c.atRisk())
                .thenComparing(Contact::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(contactsShown)
            .toList();
    }

    private Contact contact(OpenCase c, Instant now, Instant horizon, Map<String, Person> names) {
        boolean ownRep = c.handlerId() != null && c.handlerId().equals(c.personalRepId());
        String ring = c.handlerId() == null ? TEAM : ownRep ? OWN_REP : BACKUP;
        Instant deadline;
        String kind;
        if (c.responseDueAt() != null) {
            boolean window = ownRep && c.personalWindowEndsAt() != null && c.personalWindowEndsAt().isAfter(now)
                    && c.personalWindowEndsAt().isBefore(c.responseDueAt());
            deadline = window ? c.personalWindowEndsAt() : c.responseDueAt();
            kind = window ? "PERSONAL_WINDOW" : "PROMISE";
        }
        else {
            deadline = c.resolutionDueAt();
            kind = "RESOLUTION";
        }
        boolean atRisk = deadline != null && !deadline.isAfter(horizon);
        return new Contact(c.caseNumber(), c.subject(), c.channel(), ring, person(c.handlerId(), names),
                person(c.personalRepId(), names), deadline, kind, atRisk, null);
    }

    private Person person(String id, Map<String, Person> names) {
        return id == null ? null : names.computeIfAbsent(id, key -> new Person(key, people.nameOf(key)));
    }

    /** The open tasks of these cases, by case number: the lifecycle's and the escalation's. */
    private Map<String, List<org.camunda.bpm.engine.task.Task>> openTasks(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        String[] keys = caseNumbers.toArray(String[]::new);
        List<org.camunda.bpm.engine.task.Task> found = tasks.createTaskQuery()
            .processInstanceBusinessKeyIn(keys)
            .taskDefinitionKeyIn(CASE_TASKS.toArray(String[]::new))
            .list();
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, String> caseOfInstance = new HashMap<>();
        runtime.createProcessInstanceQuery()
            .processInstanceIds(found.stream().map(t -> t.getProcessInstanceId()).collect(java.util.stream.Collectors.toSet()))
            .list()
            .forEach((ProcessInstance instance) -> caseOfInstance.put(instance.getId(), instance.getBusinessKey()));
        Map<String, List<org.camunda.bpm.engine.task.Task>> byCase = new HashMap<>();
        for (org.camunda.bpm.engine.task.Task task : found) {
            String caseNumber = caseOfInstance.get(task.getProcessInstanceId());
            if (caseNumber != null) {
                byCase.computeIfAbsent(caseNumber, key -> new ArrayList<>()).add(task);
            }
        }
        return byCase;
    }

    private Task task(Map<String, List<org.camunda.bpm.engine.task.Task>> open, String caseNumber, Set<String> keys) {
        return open.getOrDefault(caseNumber, List.of())
            .stream()
            .filter(t -> keys.contains(t.getTaskDefinitionKey()))
            .findFirst()
            .map(this::task)
            .orElse(null);
    }

    private Task task(org.camunda.bpm.engine.task.Task task) {
        return new Task(task.getId(), task.getName(), tasklist + task.getId());
    }

    // today and this week

    private Period period(ZoneId zone, Instant from, Instant now, Instant end, ChronoUnit slot, List<Outcome> all,
            List<Entry> allEntries) {
        List<Outcome> outcomes = all.stream().filter(o -> !o.at().isBefore(from)).toList();
        List<Entry> entries = allEntries.stream().filter(e -> !e.at().isBefore(from)).toList();

        long kept = count(outcomes, o -> "KEPT".equals(o.outcome()));
        long broken = count(outcomes, o -> "BROKEN".equals(o.outcome()));
        Map<String, ChannelPromises> byChannel = new TreeMap<>();
        outcomes.stream().map(Outcome::channel).distinct().forEach(channel -> {
            long k = count(outcomes, o -> channel.equals(o.channel()) && "KEPT".equals(o.outcome()));
            long b = count(outcomes, o -> channel.equals(o.channel()) && "BROKEN".equals(o.outcome()));
            if (k + b > 0) {
                byChannel.put(channel, new ChannelPromises(k, b, share(k, k + b)));
            }
        });
        List<Outcome> reached = outcomes.stream().filter(Outcome::reached).toList();
        long byOwnRep = count(reached, o -> Boolean.TRUE.equals(o.ownRep()));
        List<Long> waits = reached.stream().map(Outcome::waitedSeconds).filter(w -> w != null).sorted().toList();

        long backup = 0;
        long team = 0;
        long supervisor = 0;
        long accommodations = 0;
        for (Entry e : entries) {
            switch (e.type()) {
                case "HANDED_OVER_TO_BACKUP" -> backup++;
                case "SHIFT_ENDED" -> {
                    if (e.actor() == null) {
                        team++;
                    }
                    else {
                        backup++;
                    }
                }
                case "OFFERED_TO_TEAM" -> team++;
                case "ESCALATION_OPENED" -> supervisor++;
                case ACCOMMODATION_GRANTED -> accommodations++;
                default -> {
                }
            }
        }

        List<Slot> slots = new ArrayList<>();
        ZonedDateTime at = from.atZone(zone);
        while (at.toInstant().isBefore(end)) {
            ZonedDateTime next = at.plus(1, slot);
            Instant a = at.toInstant();
            Instant b = next.toInstant();
            long k = count(outcomes, o -> "KEPT".equals(o.outcome()) && !o.at().isBefore(a) && o.at().isBefore(b));
            long x = count(outcomes, o -> "BROKEN".equals(o.outcome()) && !o.at().isBefore(a) && o.at().isBefore(b));
            slots.add(new Slot(a, (slot == ChronoUnit.HOURS ? HOUR : DAY).format(at), k, x));
            at = next;
        }

        return new Period(from, now, new Promises(kept, broken, share(kept, kept + broken), byChannel),
                new Continuity(reached.size(), byOwnRep, share(byOwnRep, reached.size())),
                new Handovers(backup + team + supervisor, backup, team, supervisor),
                new FirstResponse(waits.size(), percentile(waits, 50), percentile(waits, 90)), accommodations, slots);
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static <T> long count(List<T> items, Predicate<T> which) {
        return items.stream().filter(which).count();
    }

    // the team

    private List<TeamMember> team(List<Rep> reps, Instant now, Map<String, OpenCase> oldest,
            Map<String, List<org.camunda.bpm.engine.task.Task>> open) {
        Map<String, Long> load = new HashMap<>();
        if (!reps.isEmpty()) {
            queries.holderLoads(reps.get(0).regionId()).forEach(l -> load.put(l.handlerId(), l.open()));
        }
        List<TeamMember> team = new ArrayList<>();
        for (Rep rep : reps) {
            boolean onShift = schedules.onShift(rep, now);
            Instant shiftEnd = onShift ? schedules.shiftEnd(rep, now).orElse(null) : null;
            Instant nextShift = schedules.nextShiftStart(rep, now).orElse(null);
            OpenCase first = oldest.get(rep.id());
            team.add(new TeamMember(rep.id(), rep.name(), rep.status().name(), onShift, shiftEnd, nextShift,
                    load.getOrDefault(rep.id(), 0L), first == null ? null
                            : new Oldest(first.caseNumber(), first.receivedAt(), task(open, first.caseNumber(), CASE_TASKS))));
        }
        return team;
    }

    static Instant now() {
        return EngineClock.now();
    }

    /**
     * The zone as browsers name it: a region without a calendar of its own runs on UTC, whose Java id {@code Z} no
     * browser accepts as a time zone; a fixed offset is named as {@code +01:00}.
     */
    static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        return java.time.ZoneOffset.UTC.equals(normalized) ? "UTC" : zone.getId();
    }

}
