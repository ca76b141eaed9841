package io.nohold.contact;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a channel is told: the case, who holds it, and by when a human will have answered: {@code promisedBy} as an
 * instant, {@code promisedByText} as the customer reads it in their region's time zone ("Monday 7 December, 08:15
 * CET").
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntakeAnswer(String caseNumber, long contactId, String customerId, String region, Person personalRep,
        Person handler, String offeredTo, Instant promisedBy, String promisedByText, boolean joinedOpenCase) {

    public record Person(String id, String name) {
    }

}
