package io.toktik.server.social;

import io.toktik.server.api.Caller;
import io.toktik.server.api.PathIds;
import io.toktik.core.Cursor;
import io.toktik.core.social.JdbcNotificationRepository;
import io.toktik.core.social.Notification;
import io.toktik.server.config.ConditionalOnRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications, newest first, with the unread count; marking some or all read. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class NotificationController {
    private final JdbcNotificationRepository notifications;

    NotificationController(JdbcNotificationRepository notifications) {
        this.notifications = notifications;
    }

    record NotificationPage(List<Map<String, Object>> items, String nextCursor, long unreadCount) {}

    record ReadRequest(List<String> ids) {}

    @GetMapping("/api/notifications")
    NotificationPage list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "20") int limit) {
        UUID me = Caller.required(jwt);
        var page = Pages.of(notifications.page(me, Pages.after(cursor), Pages.checkLimit(limit) + 1), limit,
                n -> new Cursor(n.createdAt(), n.id()), Notification::data);
        return new NotificationPage(page.items(), page.nextCursor(), notifications.unreadCount(me));
    }

    @PostMapping("/api/notifications/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) ReadRequest req) {
        UUID me = Caller.required(jwt);
        List<UUID> ids = req == null || req.ids() == null ? null
                : req.ids().stream().flatMap(id -> PathIds.parse(id).stream()).toList();
        notifications.markRead(me, ids);
        return ResponseEntity.noContent().build();
    }
}
