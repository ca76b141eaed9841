package io.nohold.simulation;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.nohold.calendar.BusinessCalendar;
import io.nohold.casefile.CaseEventRecorded;
import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeAnswer;
import io.nohold.contact.IntakeService;
import io.nohold.customer.CustomerDetails;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.lifecycle.ShiftEndHandover;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a scenario on NoHold itself: seeds its organisation through NoHold's services, submits its contacts through the
 * intake service, and moves the engine clock from event to event (the next contact, the next rep finishing, the next
 * due job, the next shift start or end), executing due jobs as the job executor would, so that the SLA timers fire
 * as in production. Reps on shift take work the way the desk offers it ({@link Desk}) and complete the tasks with
 * the values their forms send. One run at a time; the engine's job executor must be off.
 */
@Component
public class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final SimulatedOrganisation organisation;

    private final IntakeService intake;

    private final CaseFile caseFile;

    private final TaskService tasks;

    private final RuntimeService runtime;

    private final ManagementService management;

    private final ShiftEndHandover shiftEnds;

    private final Desk desk;

    private final JdbcClient jdbc;

    private final String jobTable;

    private final String executionTable;

    private final DataSource dataSource;

    /**
     * After how many contacts of a run the database plans its statements anew ({@link #replan}); about the first ten
     * simulated minutes of a busy region.
     */
    static final int REPLAN_AFTER_CONTACTS = 100;

    /** The contacts of the run in progress by case number, for the case history's events; null between runs. */
    private volatile Map<String, SimulatedContact> byCase;

    /** The contacts of the last run, whose process instances the next run removes first. */
    private List<SimulatedContact> previous = List.of();

    /** The run in progress, told when the team is offered a contact. */
    private volatile Loop running;

    Simulator(SimulatedOrganisation organisation, IntakeService intake, CaseFile caseFile, TaskService tasks,
            RuntimeService runtime, ManagementService management, ShiftEndHandover shiftEnds, Desk desk, JdbcClient jdbc,
            DataSource dataSource) {
        this.organisation = organisation;
        this.intake = intake;
        this.caseFile = caseFile;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.shiftEnds = shiftEnds;
        this.desk = desk;
        this.jdbc = jdbc;
        this.jobTable = management.getTableName(Job.class);
        this.executionTable = management.getTableName(ExecutionEntity.class);
        this.dataSource = dataSource;
    }

    /**
     * The simulation's database keeps each connection's parsed statements with their plans (a query cache of 1024 in
     * the {@code simulation} profile: parsing SQL was a sixth of a run). A plan is made when a statement is first
     * prepared, at the start of a run, on nearly empty engine tables, and a plan made then can be very wrong later: the
     * engine's load of an execution's variables then walks every variable row (docs/performance.md, "The simulator").
     * So once the first contacts have filled the tables, the database gathers statistics and the pool's connections are
     * replaced: every statement is planned again, for tables as they are.
     */
    private void replan() {
        // H2's ANALYZE commits whatever transaction its connection has open: the simulator replans between transactions
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the simulation's database is replanned between transactions only");
        }
        jdbc.sql("ANALYZE").update();
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** A rep during a run: on shift or not, busy until when, with which contact. */
    static final class SimulatedRep {

        final String id;

        final int region;

        final boolean away;

        final BusinessCalendar workingTime;

        Instant busyUntil;

        SimulatedContact current;

        Task currentTask;

        Instant idleSince;

        double busySeconds;

        SimulatedRep(String id, int region, boolean away, BusinessCalendar workingTime, Instant idleSince) {
            this.id = id;
            this.region = region;
            this.away = away;
            this.workingTime = workingTime;
            this.idleSince = idleSince;
        }

        boolean free(Instant now) {
            return busyUntil == null && !away && workingTime.isOpen(now);
        }

    }

    /** Everything a run leaves for the figures. */
    record Run(Scenario scenario, RoutingMode mode, List<SimulatedOrganisation.SeededRegion> regions,
            List<SimulatedContact> contacts, List<SimulatedRep> reps, Instant end, Instant stoppedAt, int jobsExecuted,
            int jobsFailed, Duration took) {
    }

    public RunFigures simulate(Scenario scenario, RoutingMode mode) {
        return RunFigures.of(run(scenario, mode));
    }

    Run run(Scenario scenario, RoutingMode mode) {
        long began = System.nanoTime();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBegan = cpu.getCurrentThreadCpuTime();
        String prefix = "s" + RUNS.incrementAndGet() + "-";
        Instant start = scenario.start().toInstant();
        Instant end = start.plus(scenario.length());
        Instant hardEnd = end.plus(Duration.ofMillis(Math.round(scenario.drainHours() * 3_600_000)));
        // the process instances of the run before go first, with their timers, so that this run never meets them
        cleanUp(previous);
        previous = List.of();
        ClockUtil.setCurrentTime(Date.from(start.minus(Duration.ofDays(1))));
        try {
            List<SimulatedOrganisation.SeededRegion> regions = organisation.seed(scenario, prefix,
                    start.minus(Duration.ofDays(1)));
            List<SimulatedRep> reps = new ArrayList<>();
            for (int r = 0; r < regions.size(); r++) {
                for (SimulatedOrganisation.SeededRep rep : regions.get(r).reps()) {
                    reps.add(new SimulatedRep(rep.id(), r, rep.away(), rep.workingTime(), start));
                }
            }
            List<Arrival> arrivals = Arrivals.draw(scenario, regions.stream().map(r -> r.customers().size()).toList());
            log.info("run {} ({}): {} contacts in {} regions, {} reps", prefix, mode.id(), arrivals.size(), regions.size(),
                    reps.size());
            long seeded = cpu.getCurrentThreadCpuTime();
            Loop loop = new Loop(scenario, mode, prefix, regions, reps, arrivals, start, end, hardEnd);
            byCase = loop.byCase;
            running = loop;
            loop.run();
            running = null;
            long ran = cpu.getCurrentThreadCpuTime();
            List<SimulatedContact> unsettled = loop.contacts.stream().filter(c -> !c.settled()).toList();
            if (!unsettled.isEmpty()) {
                log.warn("run {} stopped at {} with {} contacts neither reached nor escalated, e.g. {}", prefix, loop.now,
                        unsettled.size(), unsettled.stream().limit(3).map(c -> c.caseNumber + " (arrived " + c.arrival.at()
                                + ", own rep " + c.personalRepId + ", task " + desk.reachTask(c.processInstanceId)
                                    .map(t -> t.getAssignee() + " due " + t.getDueDate())
                                    .orElse("none") + ", handovers " + c.handovers + ")").toList());
            }
            Run run = new Run(scenario, mode, regions, loop.contacts, reps, end, loop.now, loop.jobsExecuted,
                    loop.jobsFailed, Duration.ofNanos(System.nanoTime() - began));
            byCase = null;
            previous = loop.contacts;
            log.info("run {} took {} s; CPU: seeding {} s, event loop {} s (intake {} s, jobs {} s, desk {} s), clean-up {} s",
                    prefix, run.took().toMillis() / 1000.0, (seeded - cpuBegan) / 1e9, (ran - seeded) / 1e9,
                    loop.intakeNanos / 1e9, loop.jobNanos / 1e9, loop.deskNanos / 1e9,
                    (cpu.getCurrentThreadCpuTime() - ran) / 1e9);
            return run;
        }
        finally {
            byCase = null;
            running = null;
            ClockUtil.reset();
        }
    }

    /** The run's process instances go, with their timers, so that a later run in the same database never meets them. */
    private void cleanUp(List<SimulatedContact> contacts) {
        List<String> ids = contacts.stream().map(c -> c.processInstanceId).filter(id -> id != null).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            List<String> running = runtime.createProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(batch))
                .list()
                .stream()
                .map(ProcessInstance::getId)
                .toList();
            if (!running.isEmpty()) {
                runtime.deleteProcessInstances(running, "simulation over", true, true, false);
            }
        }
    }

    /** The case history as it is written: handovers and escalations of the run's contacts, at the engine's time. */
    @EventListener
    void recorded(CaseEventRecorded event) {
        Map<String, SimulatedContact> contacts = byCase;
        if (contacts == null) {
            return;
        }
        SimulatedContact contact = contacts.get(event.caseNumber());
        if (contact == null) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String ring = switch (event.type()) {
            case HANDED_OVER_TO_BACKUP -> "backup";
            case SHIFT_ENDED -> event.actor() == null ? "team" : "backup";
            case OFFERED_TO_TEAM -> "team";
            case ESCALATION_OPENED -> "supervisor";
            default -> null;
        };
        if (ring != null) {
            contact.handovers.add(new SimulatedContact.Handover(ring, event.type(), now));
        }
        Loop loop = running;
        if (loop != null && "team".equals(ring)) {
            loop.teamMayHaveWork[contact.arrival.region()] = true;
        }
        if (event.type() == CaseEventType.ESCALATION_OPENED && contact.escalatedAt == null) {
            contact.escalatedAt = now;
        }
    }

    /**
     * What the job executor would acquire of the timers: the engine's job table asked directly (the job query's
     * criteria, {@code timers().withRetriesLeft()}), as this is asked before every event of a run.
     */
    private static final String TIMERS = "J.TYPE_ = 'timer' AND J.RETRIES_ > 0";

    private record DueTimer(String id, String processInstanceId) {
    }

    /** One run's event loop. */
    private final class Loop {

        final Scenario scenario;

        final RoutingMode mode;

        final String prefix;

        final List<SimulatedOrganisation.SeededRegion> regions;

        final List<SimulatedRep> reps;

        final List<Arrival> arrivals;

        final Instant end;

        final Instant hardEnd;

        final List<SimulatedContact> contacts = new ArrayList<>();

        final Map<String, SimulatedContact> byCase = new java.util.concurrent.ConcurrentHashMap<>();

        final Map<String, SimulatedContact> byProcess = new HashMap<>();

        final TreeSet<Instant> boundaries = new TreeSet<>();

        /** Per personal rep, their customers' contacts in order of arrival (the personal mode's queue per rep). */
        final Map<String, java.util.Deque<SimulatedContact>> waiting = new HashMap<>();

        final boolean[] dirty;

        /**
         * Whether the region's team may have been offered something since its list was last found empty: contacts are
         * offered to the team by the rings' events, by intake when nobody is on shift, and in the pooled mode.
         */
        final boolean[] teamMayHaveWork;

        Instant now;

        int nextArrival;

        int jobsExecuted;

        int jobsFailed;

        long intakeNanos;

        long jobNanos;

        long deskNanos;

        Loop(Scenario scenario, RoutingMode mode, String prefix, List<SimulatedOrganisation.SeededRegion> regions,
                List<SimulatedRep> reps, List<Arrival> arrivals, Instant start, Instant end, Instant hardEnd) {
            this.scenario = scenario;
            this.mode = mode;
            this.prefix = prefix;
            this.regions = regions;
            this.reps = reps;
            this.arrivals = arrivals;
            this.end = end;
            this.hardEnd = hardEnd;
            this.now = start;
            this.dirty = new boolean[regions.size()];
            this.teamMayHaveWork = new boolean[regions.size()];
            java.util.Arrays.fill(teamMayHaveWork, true);
            for (SimulatedRep rep : reps) {
                boundaries.addAll(shiftBoundaries(rep.workingTime, start, hardEnd));
            }
        }

        void run() {
            while (true) {
                Instant other = earliest(nextArrivalAt(), nextCompletionAt(), nextBoundaryAfter(now));
                long tq = System.nanoTime();
                Instant timer = nextTimerBefore(other == null || other.isAfter(hardEnd) ? hardEnd : other);
                jobNanos += System.nanoTime() - tq;
                Instant next = earliest(other, timer);
                if (next == null || next.isAfter(hardEnd)) {
                    break;
                }
                if (nextArrival >= arrivals.size() && contacts.stream().allMatch(SimulatedContact::settled)
                        && reps.stream().allMatch(rep -> rep.busyUntil == null)) {
                    break;
                }
                if (next.isBefore(now)) {
                    next = now;
                }
                now = next;
                ClockUtil.setCurrentTime(Date.from(now));
                long t0 = System.nanoTime();
                if (timer != null && !timer.isAfter(now)) {
                    executeDueJobs();
                }
                long t1 = System.nanoTime();
                finishHandling();
                long t2 = System.nanoTime();
                takeInArrivals();
                long t3 = System.nanoTime();
                jobNanos += t1 - t0;
                deskNanos += t2 - t1;
                intakeNanos += t3 - t2;
                if (boundaries.contains(now)) {
                    shiftEnds.run();
                    java.util.Arrays.fill(dirty, true);
                    executeDueJobs();
                }
                long t4 = System.nanoTime();
                for (int r = 0; r < regions.size(); r++) {
                    if (dirty[r]) {
                        dirty[r] = false;
                        dispatch(r);
                    }
                }
                deskNanos += System.nanoTime() - t4;
            }
        }

        private Instant nextArrivalAt() {
            return nextArrival < arrivals.size() ? arrivals.get(nextArrival).at() : null;
        }

        private Instant nextCompletionAt() {
            Instant next = null;
            for (SimulatedRep rep : reps) {
                if (rep.busyUntil != null && (next == null || rep.busyUntil.isBefore(next))) {
                    next = rep.busyUntil;
                }
            }
            return next;
        }

        private Instant nextBoundaryAfter(Instant moment) {
            return boundaries.higher(moment);
        }

        /**
         * Every due timer, oldest due first, as the job executor acquires them. The models have no asynchronous
         * continuations, so timers are all the jobs a contact makes; the engine's own jobs (history clean-up) are not
         * the simulation's.
         */
        private void executeDueJobs() {
            while (true) {
                // timers due at the same moment (promises made for the same opening hour) in the order they were set,
                // then by case number and timer, so that the same scenario and seed give the same day
                List<DueTimer> due = jdbc.sql("SELECT J.ID_, J.PROCESS_INSTANCE_ID_ FROM " + jobTable + " J LEFT JOIN "
                        + executionTable + " P ON P.ID_ = J.PROCESS_INSTANCE_ID_ WHERE " + TIMERS
                        + " AND J.DUEDATE_ <= ? ORDER BY J.DUEDATE_ ASC, J.CREATE_TIME_ ASC, P.BUSINESS_KEY_ ASC, J.HANDLER_CFG_ ASC")
                    .param(Date.from(now))
                    .query((row, n) -> new DueTimer(row.getString(1), row.getString(2)))
                    .list();
                if (due.isEmpty()) {
                    return;
                }
                for (DueTimer job : due) {
                    try {
                        management.executeJob(job.id());
                        jobsExecuted++;
                    }
                    catch (RuntimeException e) {
                        jobsFailed++;
                        log.warn("job {} of process instance {} failed: {}", job.id(), job.processInstanceId(),
                                e.getMessage());
                    }
                }
                java.util.Arrays.fill(dirty, true);
            }
        }

        /**
         * The due date of the first timer before {@code bound} (the next arrival, completion or shift change), or null:
         * asked with a due-date range, so the week-long quiet periods waiting further out are never read.
         */
        private Instant nextTimerBefore(Instant bound) {
            List<Date> first = jdbc.sql("SELECT J.DUEDATE_ FROM " + jobTable + " J WHERE " + TIMERS
                    + " AND J.DUEDATE_ < ? ORDER BY J.DUEDATE_ ASC FETCH FIRST 1 ROWS ONLY")
                .param(Date.from(bound))
                .query(Date.class)
                .list();
            return first.isEmpty() ? null : first.get(0).toInstant();
        }

        /** Reps whose handle time is up complete "Resolve contact" and are free again. */
        private void finishHandling() {
            for (SimulatedRep rep : reps) {
                if (rep.busyUntil != null && !rep.busyUntil.isAfter(now)) {
                    SimulatedContact contact = rep.current;
                    desk.resolve(contact.processInstanceId);
                    contact.resolvedAt = now;
                    contact.inHandsOf = null;
                    rep.busyUntil = null;
                    rep.current = null;
                    rep.idleSince = now;
                    dirty[rep.region] = true;
                }
            }
        }

        private void takeInArrivals() {
            while (nextArrival < arrivals.size() && !arrivals.get(nextArrival).at().isAfter(now)) {
                Arrival arrival = arrivals.get(nextArrival++);
                SimulatedOrganisation.SeededRegion region = regions.get(arrival.region());
                SimulatedOrganisation.SeededCustomer customer = region.customers().get(arrival.customer());
                SimulatedContact contact = new SimulatedContact(arrival, customer.id(), customer.personalRepId());
                contacts.add(contact);
                if (contacts.size() == REPLAN_AFTER_CONTACTS) {
                    replan();
                }
                IntakeAnswer answer = intake.submit(new ContactRequest(arrival.channel().name(),
                        prefix + "contact-" + arrival.number(), new CustomerDetails(customer.id(), null, null, null, null, null),
                        "Simulated contact " + arrival.number(), "A simulated contact on " + arrival.channel().name() + ".",
                        false, true))
                    .answer();
                CaseRecord record = caseFile.get(answer.caseNumber());
                contact.caseNumber = answer.caseNumber();
                contact.processInstanceId = record.processInstanceId();
                contact.promisedBy = answer.promisedBy();
                contact.personalWindowEndsAt = record.personalWindowEndsAt();
                contact.firstHandler = answer.handler() == null ? null : answer.handler().id();
                byCase.put(contact.caseNumber, contact);
                byProcess.put(contact.processInstanceId, contact);
                waiting.computeIfAbsent(contact.personalRepId, id -> new java.util.ArrayDeque<>()).add(contact);
                if (mode == RoutingMode.POOLED) {
                    desk.offerToTeam(contact.processInstanceId);
                }
                if (mode == RoutingMode.POOLED || contact.firstHandler == null) {
                    teamMayHaveWork[arrival.region()] = true;
                }
                dirty[arrival.region()] = true;
            }
        }

        /** The free reps of a region on shift take work, the longest idle first, as the desk offers it to them. */
        private void dispatch(int region) {
            List<SimulatedRep> free = reps.stream()
                .filter(rep -> rep.region == region && rep.free(now))
                .sorted(Comparator.comparing((SimulatedRep rep) -> rep.idleSince))
                .toList();
            if (free.isEmpty()) {
                return;
            }
            if (mode == RoutingMode.PERSONAL) {
                for (SimulatedRep rep : free) {
                    ownCustomersNext(rep).ifPresent(contact -> desk.reachTask(contact.processInstanceId)
                        .ifPresent(task -> take(rep, task, contact)));
                }
                return;
            }
            Desk.Offers offers = desk.offers(free.stream().map(rep -> rep.id).toList(), regions.get(region).repGroup(),
                    teamMayHaveWork[region], task -> Optional.ofNullable(byProcess.get(task.getProcessInstanceId()))
                        .map(contact -> contact.inHandsOf == null)
                        .orElse(false));
            for (SimulatedRep rep : free) {
                Optional<Task> task = offers.next(rep.id);
                if (task.isEmpty()) {
                    continue;
                }
                SimulatedContact contact = byProcess.get(task.get().getProcessInstanceId());
                take(rep, task.get(), contact);
            }
            if (offers.teamFoundEmpty()) {
                teamMayHaveWork[region] = false;
            }
        }

        /**
         * The personal mode: the rep's own customers' waiting contact with the earliest promise, wherever the rings
         * put its task.
         */
        private Optional<SimulatedContact> ownCustomersNext(SimulatedRep rep) {
            java.util.Deque<SimulatedContact> queue = waiting.get(rep.id);
            while (queue != null && !queue.isEmpty()) {
                SimulatedContact first = queue.peek();
                if (first.settled() || first.inHandsOf != null) {
                    queue.poll();
                    continue;
                }
                return Optional.of(first);
            }
            return Optional.empty();
        }

        private void take(SimulatedRep rep, Task task, SimulatedContact contact) {
            boolean reaching = REACH_CUSTOMER.equals(task.getTaskDefinitionKey());
            desk.take(rep.id, task, reaching);
            if (reaching) {
                contact.reachedAt = now;
                contact.reachedBy = rep.id;
            }
            contact.inHandsOf = rep.id;
            rep.current = contact;
            rep.busyUntil = now.plusMillis(Math.max(1, Math.round(contact.arrival.handleSeconds() * 1000)));
            Instant busyFrom = now.isBefore(end) ? now : end;
            Instant busyTo = rep.busyUntil.isBefore(end) ? rep.busyUntil : end;
            rep.busySeconds += Math.max(0, (busyTo.toEpochMilli() - busyFrom.toEpochMilli()) / 1000.0);
        }

    }

    private static Instant earliest(Instant... moments) {
        Instant earliest = null;
        for (Instant moment : moments) {
            if (moment != null && (earliest == null || moment.isBefore(earliest))) {
                earliest = moment;
            }
        }
        return earliest;
    }

    /** The moments a working time opens or closes between two instants. */
    static List<Instant> shiftBoundaries(BusinessCalendar time, Instant from, Instant to) {
        List<Instant> moments = new ArrayList<>();
        Instant at = from;
        Duration horizon = Duration.between(from, to).plusDays(1);
        while (at.isBefore(to)) {
            Instant next;
            if (time.isOpen(at)) {
                next = time.openUntil(at, horizon);
            }
            else {
                Optional<Instant> opening = time.nextOpening(at, horizon);
                if (opening.isEmpty()) {
                    break;
                }
                next = opening.get();
            }
            if (!next.isAfter(at)) {
                break;
            }
            if (next.isBefore(to)) {
                moments.add(next);
            }
            at = next;
        }
        return moments;
    }

    static Map<String, Long> countRings(List<SimulatedContact> contacts) {
        Map<String, Long> rings = new LinkedHashMap<>();
        rings.put("backup", 0L);
        rings.put("team", 0L);
        rings.put("supervisor", 0L);
        contacts.forEach(contact -> contact.handovers.forEach(h -> rings.merge(h.ring(), 1L, Long::sum)));
        return rings;
    }

    static final String REACH = ContactLifecycleProcess.Elements.REACH_CUSTOMER;

    static final String RESOLVE = RESOLVE_CONTACT;

}
