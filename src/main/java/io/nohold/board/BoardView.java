package io.nohold.board;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The board as {@code GET /api/board} answers it: one entry per region asked for, and the regions the caller may choose
 * from (the region filter).
 */
record BoardView(Instant generatedAt, Duration atRiskWithin, List<Choice> choices, List<RegionBoard> regions) {

    record Person(String id, String name) {
    }

    record Choice(String id, String name) {
    }

    record RegionBoard(String region, String name, String timeZone, Now now, Period today, Period week, List<TeamMember> team) {
    }

    /**
     * Now. {@code rings}: open contacts by ring ({@code ownRep}, {@code backup}, {@code team}, {@code supervisor});
     * {@code contacts}: the most urgent of them (at risk first, then by deadline); {@code atRisk}: how many are at risk.
     */
    record Now(Map<String, Long> rings, long atRisk, List<Contact> contacts, List<Broken> brokenToday,
            List<SupervisorItem> escalations) {
    }

    /**
     * An open contact: its ring, who holds it ({@code null}: the team), its next deadline and what that is
     * ({@code PERSONAL_WINDOW}: the fallback to the named backup, {@code PROMISE}, {@code RESOLUTION}).
     */
    record Contact(String caseNumber, String subject, String channel, String ring, Person holder, Person personalRep,
            Instant deadline, String deadlineKind, boolean atRisk, Task task) {
    }

    record Broken(String caseNumber, Instant at, String channel, Task task) {
    }

    /** An escalation or an approval waiting for the supervisors ({@code kind} ESCALATION, APPROVAL). */
    record SupervisorItem(String caseNumber, String subject, String kind, Instant deadline, boolean overdue, Task task) {
    }

    /** The task to open in the Tasklist. */
    record Task(String id, String name, String link) {
    }

    /** Today or this week, in the region's calendar: from its start until now. */
    record Period(Instant from, Instant to, Promises promises, Continuity continuity, Handovers handovers,
            FirstResponse firstResponse, long accommodationsGranted, List<Slot> keptAndBroken) {
    }

    /** {@code keptShare}: kept / (kept + broken), null when neither happened. */
    record Promises(long kept, long broken, Double keptShare, Map<String, ChannelPromises> byChannel) {
    }

    record ChannelPromises(long kept, long broken, Double keptShare) {
    }

    /** Contacts reached, how many of them by the customer's own rep, and the share. */
    record Continuity(long reached, long byOwnRep, Double share) {
    }

    record Handovers(long total, long backup, long team, long supervisor) {
    }

    /** Time from the promise to the first human answer, in seconds; null without answers. */
    record FirstResponse(long answered, Long p50Seconds, Long p90Seconds) {
    }

    /** Promises kept and broken in one hour (today) or day (this week), labelled in the region's time. */
    record Slot(Instant from, String label, long kept, long broken) {
    }

    /**
     * A rep of the region: their status, whether they are on shift and until when (or when their next shift begins),
     * the contacts they hold and the oldest of them.
     */
    record TeamMember(String id, String name, String status, boolean onShift, Instant shiftEndsAt, Instant nextShiftAt,
            long openContacts, Oldest oldest) {
    }

    record Oldest(String caseNumber, Instant receivedAt, Task task) {
    }

}
