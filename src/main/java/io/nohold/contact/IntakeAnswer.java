package io.nohold.contact;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a channel is told: the case, who holds it, and by when a human will have answered. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntakeAnswer(String caseNumber, long contactId, String customerId, String region, Person personalRep,
        Person handler, String offeredTo, Instant promisedBy, boolean joinedOpenCase) {

    public record Person(String id, String name) {
    }

}
