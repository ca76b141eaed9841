package io.nohold.notification;

import java.time.Instant;
import java.util.List;

import io.nohold.casefile.MorningLists;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationOutbox;
import io.nohold.engine.EngineClock;
import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What channel adapters read from the outbox, and how they mark a notification delivered. A notification to a
 * region's supervisors written while the region was closed is handed out from the region's next opening; a region that
 * has opened gets its morning list before the outbox is read.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationController.class);

    /** Channel adapters deliver the outbox; head of service and admins may read it. */
    private static final List<String> READERS = List.of(Groups.CHANNELS, Groups.HEAD_OF_SERVICE, Groups.ADMIN);

    private final NotificationOutbox outbox;

    private final RegionAccess access;

    private final MorningLists morningLists;

    NotificationController(NotificationOutbox outbox, RegionAccess access, MorningLists morningLists) {
        this.outbox = outbox;
        this.access = access;
        this.morningLists = morningLists;
    }

    @GetMapping
    List<Notification> list(@RequestParam(required = false) String caseNumber,
            @RequestParam(required = false) String recipient, @RequestParam(defaultValue = "false") boolean pending,
            @RequestParam(defaultValue = "100") int limit) {
        access.checkAnyOf(READERS);
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid(List.of(new FieldProblem("limit", "must be between 1 and 1000")));
        }
        try {
            morningLists.composeDue();
        }
        catch (RuntimeException e) {
            // the outbox is read all the same; the scheduled composition tries again
            log.warn("morning lists not composed before reading the outbox", e);
        }
        if (caseNumber != null) {
            Instant now = EngineClock.now();
            return outbox.ofCase(caseNumber)
                .stream()
                .filter(n -> n.due(now))
                .filter(n -> recipient == null || recipient.equals(n.recipient()))
                .filter(n -> !pending || n.deliveredAt() == null)
                .limit(limit)
                .toList();
        }
        return outbox.query(recipient, pending, limit);
    }

    @PostMapping("/{id}/delivered")
    void delivered(@PathVariable long id) {
        access.checkAnyOf(List.of(Groups.CHANNELS, Groups.ADMIN));
        switch (outbox.markDelivered(id)) {
            case NOT_FOUND -> throw ApiException.notFound("notification", String.valueOf(id));
            case NOT_YET_DUE -> throw new ApiException(HttpStatus.CONFLICT, "notification " + id
                    + " is held until its recipients' business hours and cannot have been delivered yet", List.of());
            case DELIVERED -> {
            }
        }
    }

}
