package io.nohold.casefile;

/**
 * An entry went into a case's history, published in the transaction that wrote it. Listeners that must not count what
 * is rolled back wait for its commit.
 */
public record CaseEventRecorded(String caseNumber, CaseEventType type, String actor, String outcome) {
}
