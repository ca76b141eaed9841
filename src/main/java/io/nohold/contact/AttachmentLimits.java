package io.nohold.contact;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much of a contact's attachments NoHold keeps: {@code nohold.attachments.max-file-size} per file and
 * {@code nohold.attachments.max-per-contact} for all files of one contact together (the /api body limit of
 * {@code POST /api/contacts} grows with the latter).
 */
@Component
public class AttachmentLimits {

    private final DataSize perFile;

    private final DataSize perContact;

    AttachmentLimits(@Value("${nohold.attachments.max-file-size:10MB}") DataSize perFile,
            @Value("${nohold.attachments.max-per-contact:20MB}") DataSize perContact) {
        this.perFile = perFile;
        this.perContact = perContact;
    }

    public long perFileBytes() {
        return perFile.toBytes();
    }

    public long perContactBytes() {
        return perContact.toBytes();
    }

    /** Why a file of {@code size} bytes is not kept when the contact's files so far take {@code kept} bytes; empty: it is kept. */
    public Optional<String> refusal(long size, long kept) {
        if (size > perFile.toBytes()) {
            return Optional.of("larger than " + perFile.toBytes() + " bytes, the limit per file");
        }
        if (kept + size > perContact.toBytes()) {
            return Optional.of("the contact's files together would exceed " + perContact.toBytes()
                    + " bytes, the limit per contact");
        }
        return Optional.empty();
    }

}
