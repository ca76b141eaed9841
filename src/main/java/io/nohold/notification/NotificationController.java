package io.nohold.notification;

import java.util.List;

import io.nohold.system.ApiException;
import io.nohold.system.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What channel adapters read from the outbox, and how they mark a notification delivered. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationOutbox outbox;

    NotificationController(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<Notification> list(@RequestParam(required = false) String caseNumber,
            @RequestParam(required = false) String recipient, @RequestParam(defaultValue = "false") boolean pending,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid(List.of(new FieldProblem("limit", "must be between 1 and 1000")));
        }
        if (caseNumber != null) {
            return outbox.ofCase(caseNumber)
                .stream()
                .filter(n -> recipient == null || recipient.equals(n.recipient()))
                .filter(n -> !pending || n.deliveredAt() == null)
                .limit(limit)
                .toList();
        }
        return outbox.query(recipient, pending, limit);
    }

    @PostMapping("/{id}/delivered")
    void delivered(@PathVariable long id) {
        if (!outbox.markDelivered(id)) {
            throw ApiException.notFound("notification", String.valueOf(id));
        }
    }

}
