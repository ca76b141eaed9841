package io.nohold.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nohold.customer.CustomerDetails;

/** One contact as a channel submits it; {@code caseNumber} optionally names the open case it belongs to. */
public record ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
        @JsonProperty("public") Boolean isPublic, Boolean newTopic, String caseNumber) {

    public ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
            Boolean isPublic, Boolean newTopic) {
        this(channel, externalId, customer, subject, message, isPublic, newTopic, null);
    }

    boolean publicPost() {
        return Boolean.TRUE.equals(isPublic);
    }

    boolean startsNewTopic() {
        return Boolean.TRUE.equals(newTopic);
    }

}
