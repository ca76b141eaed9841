package io.nohold.lookup;

import java.time.Instant;
import java.util.List;

import io.nohold.casefile.CaseState;

/**
 * A case as the API shows it: where it stands, who holds it, the promise and deadlines, and its whole history.
 * {@code promisedByText} is the promise as the customer reads it, in the region's time zone.
 */
public record CaseView(String caseNumber, CaseState state, Party customer, Party region, boolean regionUnresolved,
        Party personalRep, Party handler, String offeredTo, String channel, String subject, Instant receivedAt,
        Instant promisedBy, String promisedByText, Deadlines deadlines, Instant resolvedAt, String resolvedBy, Instant closedAt,
        List<OpenTask> openTasks, History history) {

    public record Party(String id, String name) {
    }

    public record Deadlines(Instant personalWindowEndsAt, Instant firstResponse, Instant resolution) {
    }

    public record OpenTask(String id, String name, String assignee, List<String> candidateGroups, Instant due) {
    }

    public record ContactEntry(long id, String channel, String externalId, Instant receivedAt, String subject,
            String message, String status) {
    }

    public record Entry(Instant at, String type, String actor, String outcome, String detail) {
    }

    /** {@code deliverAfter}: held for the supervisors' business hours until then; null: at once. */
    public record NotificationEntry(Instant at, String recipientKind, String recipient, String kind, String text,
            Instant deliverAfter, Instant deliveredAt) {
    }

    /**
     * A file that came with a contact: {@code download} is its address under /api, null when it was refused
     * ({@code refused} says why: over a size limit).
     */
    public record AttachmentEntry(long id, long contactId, String name, String contentType, long size, String refused,
            String download) {
    }

    public record History(List<ContactEntry> contacts, List<Entry> completedTasks, List<Entry> slaEvents,
            List<Entry> escalations, List<Entry> caseEvents, List<NotificationEntry> notifications,
            List<AttachmentEntry> attachments) {
    }

}
