package io.nohold.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.nohold.casefile.Channel;
import io.nohold.customer.CustomerDetails;
import io.nohold.web.EnumName;
import io.nohold.web.PlainText;
import io.nohold.web.SingleLine;

/**
 * One contact as a channel submits it; {@code caseNumber} optionally names the open case it belongs to. The
 * constraints are what the API accepts; the message may have several lines, every other text is one line.
 */
public record ContactRequest(
        @EnumName(value = Channel.class, required = true) String channel,
        @NotBlank(message = "is required: the channel's own id of this contact")
        @Size(max = 200, message = "must be at most {max} characters") @SingleLine String externalId,
        @NotNull(message = "is required: an object with at least one of id, email, phone, handle") @Valid CustomerDetails customer,
        @Size(max = 300, message = "must be at most {max} characters") @SingleLine String subject,
        @NotBlank(message = "is required: what the customer said")
        @Size(max = MESSAGE_LIMIT, message = "must be at most {max} characters") @PlainText String message,
        @JsonProperty("public") Boolean isPublic, Boolean newTopic,
        @Pattern(regexp = "NH-[0-9]{6,}", message = "must be a case number like NH-001001, or left out") String caseNumber) {

    static final int MESSAGE_LIMIT = 20_000;

    public ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
            Boolean isPublic, Boolean newTopic) {
        this(channel, externalId, customer, subject, message, isPublic, newTopic, null);
    }

    /** The same contact with the customer's details as NoHold stores them ({@link CustomerDetails#normalized}). */
    ContactRequest normalized() {
        return new ContactRequest(channel, externalId, customer == null ? null : customer.normalized(), subject, message,
                isPublic, newTopic, caseNumber);
    }

    boolean publicPost() {
        return Boolean.TRUE.equals(isPublic);
    }

    boolean startsNewTopic() {
        return Boolean.TRUE.equals(newTopic);
    }

}
