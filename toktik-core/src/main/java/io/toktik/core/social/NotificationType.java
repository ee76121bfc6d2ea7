package io.toktik.core.social;

/** What a notification is about. Batched types gather many actors into one unread notification (see {@link JdbcNotificationRepository}). */
public enum NotificationType {
    LIKE(true), COMMENT(false), REPLY(false), FOLLOW(true), VIDEO_READY(false), VIDEO_FAILED(false);

    private final boolean batched;

    NotificationType(boolean batched) {
        this.batched = batched;
    }

    public boolean batched() {
        return batched;
    }
}
