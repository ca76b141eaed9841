package io.nohold.contact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nohold.customer.CustomerDetails;

/** One contact as a channel submits it. */
public record ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
        @JsonProperty("public") Boolean isPublic, Boolean newTopic) {

    boolean publicPost() {
        return Boolean.TRUE.equals(isPublic);
    }

    boolean startsNewTopic() {
        return Boolean.TRUE.equals(newTopic);
    }

}
