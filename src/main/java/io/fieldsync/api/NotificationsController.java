package io.fieldsync.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.alerts.AlertMessage;
import io.fieldsync.alerts.AlertOutbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts and run reports, newest first, whether mailed or kept internal (no SMTP host): what a
 * person would have been told, and whether the mail went out.
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationsController {

    /** delivery: MAIL (sent, or waiting for SMTP) or INTERNAL (no SMTP host when it was written). */
    @JsonInclude(JsonInclude.Include.ALWAYS) // sentAt null says "not sent": keep it in the answer
    public record NotificationView(long id, String kind, String condition, String subject, String body, Long runId,
                                   Instant createdAt, Instant sentAt, int attempts, String lastError,
                                   String delivery) {
        static NotificationView of(AlertMessage message) {
            return new NotificationView(message.getId(), message.getKind().name(), message.getCondition(),
                    message.getSubject(), message.getBody(), message.getRunId(), message.getCreatedAt(),
                    message.getSentAt(), message.getAttempts(), message.getLastError(), message.getDelivery());
        }
    }

    private final AlertOutbox outbox;

    public NotificationsController(AlertOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    public List<NotificationView> notifications(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be between 1 and 500", "limit");
        }
        return outbox.recent(limit).stream().map(NotificationView::of).toList();
    }
}
