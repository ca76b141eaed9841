package io.nohold.privacy;

import java.time.Instant;
import java.util.List;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Notification;
import io.nohold.contact.AttachmentInfo;
import io.nohold.contact.StoredContact;
import io.nohold.customer.ChannelHandle;
import io.nohold.customer.CustomerPlacement;
import io.nohold.customer.Tier;
import io.nohold.privacy.EngineCaseData.EngineData;

/**
 * Everything NoHold holds about one customer, as {@code GET /api/customers/{id}/export} answers it; the files that came
 * with the contacts are listed (name, type, size), their content is downloaded from the case. {@code history}: the
 * customer's own history (moves to another region or personal rep, with the administrator's reason).
 */
record CustomerExport(Instant exportedAt, CustomerData customer, List<StoredContact> contacts,
        List<AttachmentInfo> attachments, List<CaseData> cases, List<CustomerPlacement.Entry> history) {

    /** The customer record with the keys they are found by (e-mail, phone, handles on channels). */
    record CustomerData(String id, String name, String email, String emailKey, String phone, String phoneKey,
            List<ChannelHandle> handles,
            String postalCode, String country, Tier tier, String regionId, String personalRepId, Instant createdAt,
            Instant erasedAt) {
    }

    /** A case with its history, its notifications and what the engine holds about it. */
    record CaseData(CaseRecord record, Instant erasedAt, List<CaseEvent> history, List<Notification> notifications,
            EngineData engine) {
    }

}
