package io.nohold.casefile;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.nohold.calendar.BusinessCalendar;
import io.nohold.customer.Customer;
import io.nohold.customer.CustomerService;
import io.nohold.customer.Language;
import io.nohold.directory.People;
import io.nohold.directory.Region;
import io.nohold.directory.RegionCalendars;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaPolicy;
import org.springframework.stereotype.Service;

/**
 * The one owner of a case's record: its state, handler, deadlines, history and the notifications it causes. Nothing
 * else writes {@code support_case}, {@code case_event} or {@code notification}. Each command states what happened,
 * records it as a typed {@link CaseEventType} and puts what it implies into the outbox, all in the caller's
 * transaction, so the record, its history and its notifications exist together or not at all.
 * <p>
 * Commands take the case number from their caller, which takes it from the process instance's business key or from
 * the contact being taken in, never from anything a task can write.
 */
@Service
public class CaseFile {

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    private final RegionDirectory directory;

    private final People people;

    private final CustomerService customers;

    private final RegionCalendars calendars;

    private final CustomerTexts texts;

    private final MailDeliveries mailDeliveries;

    private final PromiseOutcomes outcomes;

    CaseFile(CaseRepository cases, CaseHistory history, NotificationOutbox outbox, RegionDirectory directory,
            People people, CustomerService customers, RegionCalendars calendars, CustomerTexts texts,
            MailDeliveries mailDeliveries, PromiseOutcomes outcomes) {
        this.mailDeliveries = mailDeliveries;
        this.outcomes = outcomes;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
        this.directory = directory;
        this.people = people;
        this.customers = customers;
        this.calendars = calendars;
        this.texts = texts;
    }

    /**
     * How a point in time reads for the region's customers and people, in the history, the forms and the messages:
     * in the time zone of the region's calendar, with the date and the zone ({@link PromiseTime}); in UTC for a case
     * not yet placed in a region.
     */
    public String timeIn(String regionId, Instant instant) {
        return PromiseTime.format(instant, zoneOf(regionId), EngineClock.now());
    }

    private String time(CaseRecord record, Instant instant) {
        return timeIn(record.regionId(), instant);
    }

    /**
     * To the region's supervisors, within their business hours: written while the region is closed, it is handed out
     * at the next opening (what broke meanwhile is also on their morning list, see {@link MorningLists}).
     */
    private void toSupervisors(String caseNumber, Region region, NotificationKind kind, String text) {
        Instant now = EngineClock.now();
        BusinessCalendar calendar = calendars.businessCalendar(region.id(), now);
        Instant deliverAfter = null;
        if (!calendar.isOpen(now)) {
            try {
                deliverAfter = calendar.nextOpening(now);
            }
            catch (IllegalStateException neverOpen) {
                // a calendar without opening hours: better told at once than never
            }
        }
        outbox.toGroup(caseNumber, region.supervisorGroup(), kind, text, deliverAfter);
    }

    /**
     * To the customer, in their language, from the kind's template ({@link CustomerTexts}). Every template gets the
     * case number, the region's name, the customer's name ("" if unknown) and the channel it answers on (one of
     * {@code phone}, {@code chat}, {@code email}, {@code web}, {@code social} is true); a time among the values reads
     * in the region's zone and the customer's language, an amount in the language's number format.
     */
    private void toCustomer(CaseRecord record, NotificationKind kind, Channel channel, Map<String, Object> values) {
        Customer customer = customers.customer(record.customerId());
        Language language = customer.readsIn();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("caseNumber", record.caseNumber());
        all.put("regionName", record.regionId() == null ? "" : directory.region(record.regionId()).name());
        all.put("customerName", customer.name() == null ? "" : customer.name());
        for (Channel each : Channel.values()) {
            all.put(each.label(), each == channel);
        }
        values.forEach((name, value) -> all.put(name, readable(record, value, language.locale())));
        outbox.toCustomer(record.caseNumber(), record.customerId(), kind, texts.render(kind, language, all));
    }

    private Object readable(CaseRecord record, Object value, Locale locale) {
        if (value instanceof Instant at) {
            return PromiseTime.format(at, zoneOf(record.regionId()), EngineClock.now(), locale);
        }
        if (value instanceof java.math.BigDecimal amount) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            format.setGroupingUsed(false);
            return format.format(amount);
        }
        return value == null ? "" : value;
    }

    /** Names and values, in pairs. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static Channel channelOf(CaseRecord record) {
        return Channel.parse(record.channel()).orElse(Channel.WEB);
    }

    private ZoneId zoneOf(String regionId) {
        return regionId == null ? ZoneOffset.UTC : calendars.at(regionId, EngineClock.now()).timeZone();
    }

    // reading

    public CaseRecord get(String caseNumber) {
        return cases.get(caseNumber);
    }

    public Optional<CaseRecord> find(String caseNumber) {
        return cases.find(caseNumber);
    }

    /** The customer's most recent open case. */
    public Optional<CaseRecord> openCaseOf(String customerId) {
        return cases.findOpenCaseOf(customerId);
    }

    /** The customer's open case of this number; empty when it is closed or another customer's. */
    public Optional<CaseRecord> openCaseOf(String customerId, String caseNumber) {
        return cases.findOpenCaseOf(customerId, caseNumber);
    }

    public List<CaseRecord> openCasesOf(String customerId) {
        return cases.openCasesOf(customerId);
    }

    public List<CaseRecord> casesOf(String customerId) {
        return cases.casesOf(customerId);
    }

    public List<CaseEvent> history(String caseNumber) {
        return history.of(caseNumber);
    }

    public List<Notification> notifications(String caseNumber) {
        return outbox.ofCase(caseNumber);
    }

    // intake

    /** A contact opened a new case; returns its number. */
    public String open(String customerId, Channel channel, String subject, Instant receivedAt, String contactSummary) {
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, customerId, channel.name(), subject, receivedAt);
        history.record(caseNumber, CaseEventType.CONTACT_RECEIVED, customerId, channel.name(), contactSummary);
        return caseNumber;
    }

    public void processStarted(String caseNumber, String processInstanceId) {
        cases.setProcessInstance(caseNumber, processInstanceId);
    }

    /**
     * Another contact of the customer joined the open case. Its holder (or, with nobody holding it, the region's team)
     * is told, with the promise made for this contact.
     */
    public void contactJoined(String caseNumber, Channel channel, String topic, String contactSummary, Instant promisedBy) {
        CaseRecord record = cases.get(caseNumber);
        history.record(caseNumber, CaseEventType.CONTACT_JOINED, record.customerId(), channel.name(), contactSummary);
        String text = customers.customer(record.customerId()).displayName() + " wrote again on case " + caseNumber + " ("
                + channel.label() + "): " + topic + (promisedBy == null ? "" : "; promised by " + time(record, promisedBy)) + ".";
        if (record.handlerId() != null) {
            outbox.toUser(caseNumber, record.handlerId(), NotificationKind.CONTACT_JOINED, text);
        }
        else if (record.regionId() != null) {
            outbox.toGroup(caseNumber, directory.region(record.regionId()).repGroup(), NotificationKind.CONTACT_JOINED, text);
        }
    }

    // placing and promising

    /** The case belongs to this region; {@code unresolvedBecause} says why no routing rule matched, or is null. */
    public void placeInRegion(String caseNumber, String regionId, String unresolvedBecause) {
        boolean unresolved = unresolvedBecause != null;
        cases.setRegion(caseNumber, regionId, unresolved);
        if (unresolved) {
            Region region = directory.region(regionId);
            CaseRecord record = cases.get(caseNumber);
            history.record(caseNumber, CaseEventType.REGION_UNRESOLVED, null, null, unresolvedBecause + "; placed in "
                    + region.name());
            toSupervisors(caseNumber, region, NotificationKind.REGION_UNRESOLVED, "Case " + caseNumber
                    + " of " + customers.customer(record.customerId()).displayName() + " matched no region and was placed in "
                    + region.name() + ". Please check.");
        }
    }

    /**
     * The row of the SLA policy chosen for the case's contact ("Determine SLA policy"): its promise is counted from it,
     * and later steps of the case (a reminder, a return from the supervisors, a follow-up, the quiet period, the
     * tasks' priority) use the same row until a reply chooses again.
     */
    public void choosePolicy(String caseNumber, SlaPolicy policy) {
        cases.setSlaPolicy(caseNumber, policy);
    }

    public void assignPersonalRep(String caseNumber, String repId) {
        cases.setPersonalRep(caseNumber, repId);
    }

    /**
     * The promise of a contact: its handler ({@code null}: nobody of the region is available, the team is offered
     * it) and its deadlines. The customer is told who and by when.
     */
    public void makePromise(String caseNumber, Channel channel, Rep handler, Instant personalWindowEndsAt,
            Instant promisedBy, Instant resolutionDueAt) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        cases.setPromise(caseNumber, handler == null ? null : handler.id(), promisedBy, personalWindowEndsAt, resolutionDueAt);
        String by = time(record, promisedBy);
        if (handler != null) {
            String role = handler.id().equals(record.personalRepId()) ? "personal rep"
                    : "named backup for " + people.nameOf(record.personalRepId());
            history.record(caseNumber, CaseEventType.PROMISE_MADE, handler.id(), null, handler.name() + " (" + role + ") by " + by);
            toCustomer(record, NotificationKind.PROMISE, channel, values("handlerFirstName", handler.firstName(), "by", promisedBy));
            outbox.toUser(caseNumber, handler.id(), NotificationKind.NEW_CONTACT, "New " + channel.label() + " contact on case "
                    + caseNumber + " (" + role + "); promised by " + by + ".");
        }
        else {
            history.record(caseNumber, CaseEventType.PROMISE_MADE, null, null, "the " + region.name() + " team by " + by
                    + " (no rep available)");
            history.record(caseNumber, CaseEventType.OFFERED_TO_TEAM, null, null, "nobody of " + region.name()
                    + " is available; offered to " + region.repGroup());
            toCustomer(record, NotificationKind.PROMISE, channel, values("handlerFirstName", "", "by", promisedBy));
            outbox.toGroup(caseNumber, region.repGroup(), NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber
                    + " needs a rep: nobody is available; promised by " + by + ".");
            toSupervisors(caseNumber, region, NotificationKind.NO_REP_AVAILABLE, "No rep of " + region.name()
                    + " is available for case " + caseNumber + "; it is offered to the team, promised by " + by + ".");
        }
    }

    // the rings

    /** Whoever took the handler's task holds the case now; {@code null}: it is offered to the team. */
    public void assignHandler(String caseNumber, String userId) {
        if (!java.util.Objects.equals(cases.get(caseNumber).handlerId(), userId)) {
            cases.setHandler(caseNumber, userId);
        }
    }

    public void handedOverToBackup(String caseNumber, String from, Rep backup) {
        CaseRecord record = cases.get(caseNumber);
        cases.setHandler(caseNumber, backup.id());
        history.record(caseNumber, CaseEventType.HANDED_OVER_TO_BACKUP, backup.id(), null,
                "personal window elapsed; from " + people.nameOf(from) + " to " + backup.name());
        outbox.toUser(caseNumber, from, NotificationKind.HANDED_OVER, "Case " + caseNumber + " was handed to "
                + backup.name() + " because the personal window passed. The customer stays yours.");
        outbox.toUser(caseNumber, backup.id(), NotificationKind.HANDED_OVER, "You are the named backup for case "
                + caseNumber + " of " + customers.customer(record.customerId()).displayName() + "; promised by "
                + time(record, record.promisedBy()) + ".");
    }

    /**
     * The holder of the case left the directory: it goes to the next named backup, or (none available, {@code to} is
     * null) it is offered to the region's team. The backup is told; the customer's promise stands.
     */
    public void holderLeft(String caseNumber, String leaver, Rep to) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        cases.setHandler(caseNumber, to == null ? null : to.id());
        if (to != null) {
            history.record(caseNumber, CaseEventType.HANDED_OVER_TO_BACKUP, to.id(), null,
                    people.nameOf(leaver) + " left the team; from " + people.nameOf(leaver) + " to " + to.name());
            outbox.toUser(caseNumber, to.id(), NotificationKind.HANDED_OVER, "You are the named backup for case "
                    + caseNumber + " of " + customers.customer(record.customerId()).displayName() + " because "
                    + people.nameOf(leaver) + " left the team; promised by " + time(record, record.promisedBy()) + ".");
            return;
        }
        history.record(caseNumber, CaseEventType.OFFERED_TO_TEAM, null, null,
                people.nameOf(leaver) + " left the team; offered to " + region.repGroup());
        outbox.toGroup(caseNumber, region.repGroup(), NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber + " of "
                + customers.customer(record.customerId()).displayName() + " needs someone: " + people.nameOf(leaver)
                + " left the team. It was promised by " + time(record, record.promisedBy()) + ".");
    }

    /**
     * The holder's shift ended and the case's promise falls before their next shift: the next named backup on shift
     * holds it, or, with nobody on shift, it is offered to the region's team.
     */
    public void shiftEnded(String caseNumber, String leaver, Rep to) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        cases.setHandler(caseNumber, to == null ? null : to.id());
        if (to != null) {
            history.record(caseNumber, CaseEventType.SHIFT_ENDED, to.id(), null,
                    people.nameOf(leaver) + "'s shift ended; from " + people.nameOf(leaver) + " to " + to.name());
            outbox.toUser(caseNumber, to.id(), NotificationKind.HANDED_OVER, "You are the named backup for case "
                    + caseNumber + " of " + customers.customer(record.customerId()).displayName() + " because "
                    + people.nameOf(leaver) + "'s shift ended; promised by " + time(record, record.promisedBy()) + ".");
            return;
        }
        history.record(caseNumber, CaseEventType.SHIFT_ENDED, null, null,
                people.nameOf(leaver) + "'s shift ended and no backup is on shift; offered to " + region.repGroup());
        outbox.toGroup(caseNumber, region.repGroup(), NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber + " of "
                + customers.customer(record.customerId()).displayName() + " needs someone: " + people.nameOf(leaver)
                + "'s shift ended. It was promised by " + time(record, record.promisedBy()) + ".");
    }

    /**
     * The holder went AWAY (until {@code until}, or without a time to return) and the case's deadline falls within the
     * absence, or went OFF ({@code offDuty}): the next named backup on shift holds it, or, with nobody on shift, it is
     * offered to the region's team.
     */
    public void wentAway(String caseNumber, String holder, Instant until, boolean offDuty, Rep to) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        String away = people.nameOf(holder)
                + (offDuty ? " is off duty" : " is away" + (until == null ? "" : " until " + time(record, until)));
        cases.setHandler(caseNumber, to == null ? null : to.id());
        if (to != null) {
            history.record(caseNumber, CaseEventType.WENT_AWAY, to.id(), null,
                    away + "; from " + people.nameOf(holder) + " to " + to.name());
            outbox.toUser(caseNumber, to.id(), NotificationKind.HANDED_OVER, "You are the named backup for case "
                    + caseNumber + " of " + customers.customer(record.customerId()).displayName() + " because " + away
                    + "; promised by " + time(record, record.promisedBy()) + ".");
            return;
        }
        history.record(caseNumber, CaseEventType.WENT_AWAY, null, null,
                away + " and no backup is on shift; offered to " + region.repGroup());
        outbox.toGroup(caseNumber, region.repGroup(), NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber + " of "
                + customers.customer(record.customerId()).displayName() + " needs someone: " + away
                + ". It was promised by " + time(record, record.promisedBy()) + ".");
    }

    public void personalWindowElapsedWithoutBackup(String caseNumber, String handler) {
        CaseRecord record = cases.get(caseNumber);
        history.record(caseNumber, CaseEventType.PERSONAL_WINDOW_ELAPSED, handler, null,
                "no named backup available; stays with " + people.nameOf(handler));
        outbox.toUser(caseNumber, handler, NotificationKind.PERSONAL_WINDOW_ELAPSED, "Case " + caseNumber
                + ": your personal window has passed and no backup is available. Please reach the customer by "
                + time(record, record.promisedBy()) + ".");
    }

    /**
     * The promise falls due soon and the customer has not been reached: the holder is reminded, or the region's team
     * when nobody holds the case.
     */
    public void promiseDueSoon(String caseNumber) {
        CaseRecord record = cases.get(caseNumber);
        String text = "Case " + caseNumber + ": the customer was promised an answer by " + time(record, record.promisedBy())
                + ". Please reach them now.";
        history.record(caseNumber, CaseEventType.PROMISE_DUE_SOON, record.handlerId(), null,
                "reminded " + (record.handlerId() == null ? "the team" : people.nameOf(record.handlerId())) + "; promised by "
                        + time(record, record.promisedBy()));
        if (record.handlerId() != null) {
            outbox.toUser(caseNumber, record.handlerId(), NotificationKind.PROMISE_DUE_SOON, text);
        }
        else {
            outbox.toGroup(caseNumber, directory.region(record.regionId()).repGroup(), NotificationKind.PROMISE_DUE_SOON, text);
        }
    }

    /**
     * The first-response promise passed: the contact is offered to the region's whole team, its supervisors told. The
     * customer gets an apology and a new promise: the region's team answers on {@code channel} by {@code newPromisedBy},
     * which the case keeps as its promise from now on.
     */
    public void promiseBroken(String caseNumber, String previousHandler, Channel channel, Instant newPromisedBy) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        String promised = time(record, record.promisedBy());
        String renewed = time(record, newPromisedBy);
        cases.setHandler(caseNumber, null);
        cases.setPromisedBy(caseNumber, newPromisedBy);
        outcomes.broken(record, channel == null ? channelOf(record) : channel);
        if (previousHandler != null) {
            outbox.toUser(caseNumber, previousHandler, NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber
                    + " passed its promised time and is now offered to the " + region.name() + " team.");
        }
        history.record(caseNumber, CaseEventType.PROMISE_BROKEN, previousHandler, null, "first response promised by " + promised
                + "; the customer was told sorry and promised an answer from the " + region.name() + " team by " + renewed);
        history.record(caseNumber, CaseEventType.OFFERED_TO_TEAM, null, null, "offered to " + region.repGroup());
        outbox.toGroup(caseNumber, region.repGroup(), NotificationKind.OFFERED_TO_TEAM, "Case " + caseNumber + " of "
                + customers.customer(record.customerId()).displayName() + " needs someone now: it was promised by " + promised
                + "; the customer has been promised a new answer by " + renewed + ".");
        toSupervisors(caseNumber, region, NotificationKind.PROMISE_BROKEN, "Promise broken on case "
                + caseNumber + ": the customer was promised an answer by " + promised + ". It is now offered to the "
                + region.name() + " team; the customer has been promised a new answer by " + renewed + ".");
        toCustomer(record, NotificationKind.NEW_PROMISE, channel, values("brokenBy", record.promisedBy(), "handlerFirstName", "",
                "by", newPromisedBy));
    }

    // handling

    /** How a first response went: kept or not, and whether the customer's own rep gave it. */
    public record FirstResponse(String regionId, boolean kept, boolean ownRep) {
    }

    /**
     * A human reached the customer ("Reach customer" completed) on {@code channel}: the promise is kept when it is done
     * by the time promised and was not broken since the contact came in (a promise renewed after breaking it does not
     * count as kept as well). Recorded for the board with who did it and how long the customer waited since the promise
     * was made; nobody waits for a first answer any more.
     */
    public FirstResponse customerReached(String caseNumber, String by, Channel channel) {
        CaseRecord record = cases.get(caseNumber);
        Instant now = EngineClock.now();
        boolean brokenSinceContact = false;
        Instant promiseMade = record.receivedAt();
        for (CaseEvent entry : history.of(caseNumber)) {
            switch (entry.type()) {
                case CONTACT_RECEIVED, CONTACT_JOINED -> brokenSinceContact = false;
                case PROMISE_BROKEN -> brokenSinceContact = true;
                case PROMISE_MADE -> promiseMade = entry.at();
                default -> {
                }
            }
        }
        boolean late = record.promisedBy() != null && now.isAfter(record.promisedBy());
        boolean kept = !late && !brokenSinceContact;
        boolean ownRep = by != null && by.equals(record.personalRepId());
        PromiseOutcomes.Outcome outcome = kept ? PromiseOutcomes.Outcome.KEPT
                : brokenSinceContact ? PromiseOutcomes.Outcome.LATE : PromiseOutcomes.Outcome.BROKEN;
        outcomes.reached(record, channel == null ? channelOf(record) : channel, outcome, by, ownRep,
                java.time.Duration.between(promiseMade, now));
        cases.setResponded(caseNumber);
        return new FirstResponse(record.regionId(), kept, ownRep);
    }

    /**
     * Cases opened before the case file kept the first answer they wait for (V16): those whose process waits at
     * {@code reachTaskKey} wait for it by their promise. Finds nothing once done; returns how many it set.
     */
    public int rememberFirstAnswersAwaited(String reachTaskKey) {
        return cases.setResponseDueOfWaitingCases(reachTaskKey);
    }

    public void taskCompleted(String caseNumber, String taskName, String actor, String outcome, String notes) {
        history.record(caseNumber, CaseEventType.TASK_COMPLETED, taskName, actor, outcome, notes);
    }

    /**
     * A rep wrote to the customer when completing a task: the text goes to the customer as a {@link NotificationKind#REPLY}
     * on the case's channel, signed with the rep's name, and into the history. A blank text sends nothing.
     */
    public void repliedToCustomer(String caseNumber, String taskName, String actor, Channel channel, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        CaseRecord record = cases.get(caseNumber);
        String reply = text.strip();
        history.record(caseNumber, CaseEventType.REPLIED_TO_CUSTOMER, taskName, actor, null, reply);
        toCustomer(record, NotificationKind.REPLY, channel == null ? channelOf(record) : channel, values("replyText", reply,
                "handlerName", actor == null ? "" : people.nameOf(actor)));
    }

    public void resolutionDeadlineMissed(String caseNumber) {
        CaseRecord record = cases.get(caseNumber);
        history.record(caseNumber, CaseEventType.RESOLUTION_DEADLINE_MISSED, record.handlerId(), null,
                "resolution was due " + time(record, record.resolutionDueAt()));
    }

    /**
     * {@code how}: WITHIN_AUTHORITY on the rep's own word, APPROVED by a supervisor. The history keeps the reason; the
     * customer is told at resolution what was granted, never why.
     */
    public void accommodationGranted(String caseNumber, String by, String how, Accommodation granted) {
        history.record(caseNumber, CaseEventType.ACCOMMODATION_GRANTED, by, how, granted.summary());
        cases.setGranted(caseNumber, granted.type() == null ? "OTHER" : granted.type(), granted.amount());
    }

    public void approvalRequested(String caseNumber, String requestedBy, String summary, Instant due) {
        CaseRecord record = cases.get(caseNumber);
        cases.setState(caseNumber, CaseState.AWAITING_APPROVAL);
        history.record(caseNumber, CaseEventType.APPROVAL_REQUESTED, requestedBy, null, summary);
        toSupervisors(caseNumber, directory.region(record.regionId()), NotificationKind.APPROVAL_REQUESTED,
                "Case " + caseNumber + ": " + people.nameOf(requestedBy) + " asks you to approve a " + summary + ", by "
                        + time(record, due) + ".");
    }

    /** The supervisor's decision goes back to the handler; returns it as the handler's form shows it. */
    public String approvalDecided(String caseNumber, String supervisor, boolean approved, Accommodation accommodation,
            String guidance) {
        CaseRecord record = cases.get(caseNumber);
        String summary = accommodation.summary();
        String decision = (approved ? "Approved" : "Rejected") + " by " + people.nameOf(supervisor) + ": " + summary
                + (guidance == null || guidance.isBlank() ? "" : ". Guidance: " + guidance);
        if (approved) {
            accommodationGranted(caseNumber, supervisor, "APPROVED", accommodation);
        }
        history.record(caseNumber, CaseEventType.APPROVAL_DECIDED, supervisor, approved ? "APPROVED" : "REJECTED", guidance);
        cases.setState(caseNumber, CaseState.OPEN);
        if (record.handlerId() != null) {
            outbox.toUser(caseNumber, record.handlerId(), NotificationKind.APPROVAL_DECIDED, "Case " + caseNumber + ": " + decision);
        }
        return decision;
    }

    public enum SupervisorDeadline {
        APPROVAL, ESCALATION
    }

    public void supervisorDeadlineMissed(String caseNumber, SupervisorDeadline deadline, String headOfServiceGroup) {
        CaseRecord record = cases.get(caseNumber);
        boolean approval = deadline == SupervisorDeadline.APPROVAL;
        CaseEventType type = approval ? CaseEventType.APPROVAL_OVERDUE : CaseEventType.ESCALATION_OVERDUE;
        history.record(caseNumber, type, null, null, "head of service notified");
        outbox.toGroup(caseNumber, headOfServiceGroup, approval ? NotificationKind.APPROVAL_OVERDUE
                : NotificationKind.ESCALATION_OVERDUE, "Case " + caseNumber + ": the "
                        + directory.region(record.regionId()).name() + " supervisors' "
                        + (approval ? "approval" : "escalation") + " deadline has passed.");
    }

    /** The case goes to the region's supervisors; a customer who asked for one is told when. */
    public void escalated(String caseNumber, String reason, String reasonText, boolean customerAsked, Instant due) {
        CaseRecord record = cases.get(caseNumber);
        Region region = directory.region(record.regionId());
        cases.setState(caseNumber, CaseState.ESCALATED);
        history.record(caseNumber, CaseEventType.ESCALATION_OPENED, null, reason, reasonText);
        toSupervisors(caseNumber, region, NotificationKind.ESCALATION, "Case " + caseNumber
                + " is escalated to you: " + reasonText + ". Please handle it by " + time(record, due) + ".");
        if (customerAsked) {
            toCustomer(record, NotificationKind.ESCALATION, channelOf(record), values("by", due));
        }
    }

    public void returnedToHandler(String caseNumber, String supervisor, String guidance, Instant resolutionDueAt) {
        CaseRecord record = cases.get(caseNumber);
        cases.setState(caseNumber, CaseState.OPEN);
        cases.setResolutionDue(caseNumber, resolutionDueAt);
        history.record(caseNumber, CaseEventType.RETURNED_TO_HANDLER, supervisor, null, guidance);
        if (record.handlerId() != null) {
            outbox.toUser(caseNumber, record.handlerId(), NotificationKind.RETURNED_TO_HANDLER, "Case " + caseNumber
                    + " is back with you from " + people.nameOf(supervisor) + ": " + guidance);
        }
    }

    public void followUpPlanned(String caseNumber, Instant at, Instant resolutionDueAt) {
        CaseRecord record = cases.get(caseNumber);
        cases.setState(caseNumber, CaseState.FOLLOW_UP);
        cases.setResolutionDue(caseNumber, resolutionDueAt);
        history.record(caseNumber, CaseEventType.FOLLOW_UP_PLANNED, record.handlerId(), null, "follow up " + time(record, at));
        toCustomer(record, NotificationKind.FOLLOW_UP, channelOf(record), values("handlerName",
                record.handlerId() == null ? "" : people.nameOf(record.handlerId()), "at", at));
    }

    /** The follow-up date came, or the customer replied first: the case is back with its handler. */
    public void backToHandler(String caseNumber, boolean customerReplied) {
        CaseRecord record = cases.get(caseNumber);
        cases.setState(caseNumber, CaseState.OPEN);
        String why = customerReplied ? "the customer replied" : "the follow-up date has come";
        history.record(caseNumber, CaseEventType.BACK_TO_HANDLER, record.handlerId(), null, why);
        if (record.handlerId() != null) {
            outbox.toUser(caseNumber, record.handlerId(), NotificationKind.FOLLOW_UP_DUE, "Case " + caseNumber
                    + " is back with you: " + why + ".");
        }
    }

    // the end

    /**
     * Resolved: the customer is told the outcome plainly, with what was granted (never the rep's reason for it), and
     * that a reply reaches their own rep. The case enters its quiet period.
     */
    public void resolved(String caseNumber, String resolvedBy) {
        cases.resolve(caseNumber, EngineClock.now(), resolvedBy);
        history.record(caseNumber, CaseEventType.RESOLVED, resolvedBy, null, null);
        CaseRecord record = cases.get(caseNumber);
        Optional<Accommodation> granted = Optional.ofNullable(record.granted());
        String type = granted.map(Accommodation::type).orElse("");
        toCustomer(record, NotificationKind.RESOLVED, channelOf(record), values("granted", granted.isPresent(),
                "refund", "REFUND".equals(type), "credit", "CREDIT".equals(type), "replacement", "REPLACEMENT".equals(type),
                "otherAccommodation", granted.isPresent() && !List.of("REFUND", "CREDIT", "REPLACEMENT").contains(type),
                "amount", granted.map(Accommodation::amount).orElse(null), "personalRepName",
                record.personalRepId() == null ? "" : people.nameOf(record.personalRepId())));
        // told once: a later resolution of this case does not repeat it
        if (granted.isPresent()) {
            cases.setGranted(caseNumber, null, null);
        }
    }

    public void reopened(String caseNumber) {
        CaseRecord record = cases.get(caseNumber);
        cases.setState(caseNumber, CaseState.OPEN);
        history.record(caseNumber, CaseEventType.REOPENED, record.customerId(), null, "the customer replied");
    }

    public void closed(String caseNumber) {
        cases.close(caseNumber, EngineClock.now());
        history.record(caseNumber, CaseEventType.CLOSED, null, null, "no reply within the quiet period");
    }

    /** The case's process was ended by an operator; the case closes with the reason in its history. */
    public void withdrawn(String caseNumber, String reason) {
        cases.close(caseNumber, EngineClock.now());
        history.record(caseNumber, CaseEventType.WITHDRAWN, null, null, reason);
    }


    // privacy

    /** Why a case's personal text is erased; the reason is recorded in its history. */
    public enum Erasure {

        /** The customer asked for their personal data to be erased. */
        REQUESTED("at the customer's request"),
        /** The case has been closed for longer than the retention. */
        RETENTION_ENDED("retention period ended");

        private final String text;

        Erasure(String text) {
            this.text = text;
        }

    }

    /**
     * Erases the personal text of a closed case: its subject, the details of history entries that can quote the
     * customer ({@link CaseEventType#freeText()}) and the texts of its notifications. Case number, customer id,
     * state, channel, region, people, times and outcomes stay, and so does every entry of the history. An
     * {@link CaseEventType#ERASED} entry without personal text is recorded once: the caller that marked the case
     * erased records it; a second call, on this node or another at the same moment, records nothing and changes
     * nothing more. {@code actor}: the administrator who erased it on request, null for the retention. Returns whether
     * this call erased the case.
     */
    public boolean erase(String caseNumber, Erasure why, String actor) {
        CaseRecord record = cases.get(caseNumber);
        if (record.state().open()) {
            throw new IllegalStateException("case " + caseNumber + " is open; only a closed case is erased");
        }
        if (!cases.markErased(caseNumber, EngineClock.now())) {
            return false;
        }
        history.eraseFreeText(caseNumber);
        outbox.eraseTexts(caseNumber);
        history.record(caseNumber, CaseEventType.ERASED, actor, why.name(), "personal text erased, " + why.text);
        return true;
    }

    /** When the case's personal text was erased; empty while it is kept. */
    public Optional<Instant> erasedAt(String caseNumber) {
        return cases.erasedAt(caseNumber);
    }

    /** Closed cases whose personal text is still kept and that closed before the cutoff, oldest first. */
    public List<String> closedBeforeNotErased(Instant cutoff, int limit) {
        return cases.closedBeforeNotErased(cutoff, limit);
    }

    /** An open case whose lifecycle no longer runs is closed as withdrawn, so that it can be erased. */
    public void withdrawnWithoutProcess(String caseNumber, String reason) {
        if (cases.get(caseNumber).state().open()) {
            withdrawn(caseNumber, reason);
        }
    }


    // customer notifications by e-mail (io.nohold.mail); each call records the outcome of one attempt

    /** The mail server took the mail of the notification: it is delivered, in the history with its attempt. */
    public void notificationSent(MailDeliveries.MailJob mail, String messageId) {
        mailDeliveries.sent(mail.notificationId(), messageId);
        history.record(mail.caseNumber(), CaseEventType.MAIL_SENT, null, mail.kind().name(), "e-mail to the customer sent"
                + (mail.attempt() > 1 ? " at attempt " + mail.attempt() : "") + " (notification " + mail.notificationId() + ")");
    }

    /**
     * The mail server could not take the mail; it is tried again from {@code next}. The history tells it once, at the
     * first failed attempt; the attempt that succeeds or gives up tells the rest.
     */
    public void notificationRetrying(MailDeliveries.MailJob mail, String messageId, Instant next, String why) {
        mailDeliveries.retryAt(mail.notificationId(), messageId, next);
        if (mail.attempt() == 1) {
            history.record(mail.caseNumber(), CaseEventType.MAIL_RETRYING, null, mail.kind().name(), "e-mail to the customer not sent yet: "
                    + why + "; trying again from " + time(cases.get(mail.caseNumber()), next) + " (notification "
                    + mail.notificationId() + ")");
        }
    }

    /** Given up: the mail was refused, or every attempt failed. It stays undelivered in the outbox. */
    public void notificationFailed(MailDeliveries.MailJob mail, String messageId, String why) {
        mailDeliveries.failed(mail.notificationId(), messageId);
        history.record(mail.caseNumber(), CaseEventType.MAIL_FAILED, null, mail.kind().name(), "e-mail to the customer failed after "
                + mail.attempt() + (mail.attempt() == 1 ? " attempt: " : " attempts: ") + why + " (notification "
                + mail.notificationId() + ")");
    }

}
