package io.nohold.contact;

/**
 * An attachment of a contact as the case lists it: name, media type and size; {@code refused} says why its content
 * was not kept (over a size limit), null when it was.
 */
public record AttachmentInfo(long id, long contactId, String name, String contentType, long size, String refused) {
}
