package io.nohold.contact;

import java.util.List;

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
        @Pattern(regexp = "NH-[0-9]{6,}", message = "must be a case number like NH-001001, or left out") String caseNumber,
        @Size(max = MAX_ATTACHMENTS, message = "must be at most {max} files") List<@NotNull(message = "must be an object "
                + "with name, contentType and content") @Valid Attachment> attachments) {

    static final int MESSAGE_LIMIT = 20_000;

    static final int MAX_ATTACHMENTS = 20;

    public ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
            Boolean isPublic, Boolean newTopic) {
        this(channel, externalId, customer, subject, message, isPublic, newTopic, null);
    }

    public ContactRequest(String channel, String externalId, CustomerDetails customer, String subject, String message,
            Boolean isPublic, Boolean newTopic, String caseNumber) {
        this(channel, externalId, customer, subject, message, isPublic, newTopic, caseNumber, null);
    }

    /**
     * A file sent with the contact: its name, media type and content in base64 (RFC 4648). Kept within
     * {@link AttachmentLimits}.
     */
    public record Attachment(
            @NotBlank(message = "is required: the file's name") @Size(max = 255, message = "must be at most {max} characters")
            @SingleLine String name,
            @NotBlank(message = "is required: a media type like application/pdf")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}",
                    message = "must be a media type like application/pdf or image/png") String contentType,
            @NotNull(message = "is required: the file's bytes in base64") String content) {
    }

    /** The same contact with the customer's details as NoHold stores them ({@link CustomerDetails#normalized}). */
    ContactRequest normalized() {
        return new ContactRequest(channel, externalId, customer == null ? null : customer.normalized(), subject, message,
                isPublic, newTopic, caseNumber, attachments);
    }

    List<Attachment> files() {
        return attachments == null ? List.of() : attachments;
    }

    boolean publicPost() {
        return Boolean.TRUE.equals(isPublic);
    }

    boolean startsNewTopic() {
        return Boolean.TRUE.equals(newTopic);
    }

}
