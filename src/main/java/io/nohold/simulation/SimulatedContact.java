package io.nohold.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.nohold.casefile.CaseEventType;

/** What the simulator knows about one contact: what intake answered, and what happened to it after. */
final class SimulatedContact {

    /** A move of the contact to another ring, as the case history recorded it. */
    record Handover(String ring, CaseEventType type, Instant at) {
    }

    final Arrival arrival;

    final String customerId;

    final String personalRepId;

    String caseNumber;

    String processInstanceId;

    Instant promisedBy;

    Instant personalWindowEndsAt;

    String firstHandler;

    Instant reachedAt;

    String reachedBy;

    Instant resolvedAt;

    Instant escalatedAt;

    /** The rep working on it now (reached and not yet resolved). */
    String inHandsOf;

    final List<Handover> handovers = new ArrayList<>();

    SimulatedContact(Arrival arrival, String customerId, String personalRepId) {
        this.arrival = arrival;
        this.customerId = customerId;
        this.personalRepId = personalRepId;
    }

    boolean settled() {
        return reachedAt != null || escalatedAt != null;
    }

    Double waitSeconds() {
        return reachedAt == null ? null : (reachedAt.toEpochMilli() - arrival.at().toEpochMilli()) / 1000.0;
    }

}
