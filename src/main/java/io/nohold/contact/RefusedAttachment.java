package io.nohold.contact;

/** A file that came with a contact and was not kept, recorded with the reason (a channel's own size check). */
public record RefusedAttachment(String name, String contentType, long size, String reason) {
}
