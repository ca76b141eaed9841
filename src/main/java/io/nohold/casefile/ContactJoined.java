package io.nohold.casefile;

/** Published by {@link CaseFile} when a further contact of the customer joined this open case. */
public record ContactJoined(String caseNumber) {
}
