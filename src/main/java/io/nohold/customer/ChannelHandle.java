package io.nohold.customer;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.nohold.web.SingleLine;

/**
 * A customer's handle on a channel: a social account such as {@code @maria}, or a chat user id. A key like e-mail and
 * phone: one customer per channel and handle ({@link ContactKeys#handle}).
 */
public record ChannelHandle(
        @NotNull(message = "is required: " + ChannelHandle.ACCEPTED) @Pattern(regexp = "CHAT|SOCIAL", message = "must be "
                + ChannelHandle.ACCEPTED) String channel,
        @NotBlank(message = "is required: the customer's account or user id on the channel")
        @Size(max = 200, message = "must be at most {max} characters") @SingleLine String handle) {

    /** The channels whose customers are known by a handle of their own (e-mail and phone have their keys already). */
    public static final List<String> CHANNELS = List.of("CHAT", "SOCIAL");

    static final String ACCEPTED = "one of CHAT, SOCIAL: the channel the handle belongs to";

    /** How the handle is compared; null for a blank one. */
    public String key() {
        return ContactKeys.handle(channel, handle);
    }

}
