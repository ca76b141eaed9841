package io.nohold.directory;

import java.time.Instant;

import io.nohold.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rep's status: AVAILABLE, AWAY (optionally until a moment, after which they count as AVAILABLE again) or OFF. Going
 * AWAY hands on, in the same transaction, the contacts whose deadline falls in the absence ({@link RepWentAway});
 * going OFF hands on every contact the rep holds.
 * The one place that changes a status, whichever door it comes through ({@code /api/me/status},
 * {@code /api/reps/{id}/availability}).
 */
@Service
public class RepAvailability {

    private final RegionDirectory directory;

    private final ApplicationEventPublisher events;

    RepAvailability(RegionDirectory directory, ApplicationEventPublisher events) {
        this.directory = directory;
        this.events = events;
    }

    /** Sets the status of someone active in the directory; {@code until} only with AWAY (checked by the caller). */
    @Transactional
    public void change(String repId, RepStatus status, Instant until) {
        DirectoryEntry entry = directory.findEntry(repId)
            .filter(DirectoryEntry::active)
            .orElseThrow(() -> ApiException.notFound("rep", repId));
        directory.setStatus(repId, status, until);
        if (status == RepStatus.AWAY || status == RepStatus.OFF) {
            events.publishEvent(new RepWentAway(repId, entry.regionId(), status == RepStatus.AWAY ? until : null,
                    status == RepStatus.OFF));
        }
    }

}
