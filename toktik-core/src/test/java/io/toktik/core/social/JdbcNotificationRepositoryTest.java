package io.toktik.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Batching, read state and paging of notifications on the embedded PostgreSQL, migrated like production. */
class JdbcNotificationRepositoryTest {
    private static EmbeddedDatabase db;
    private static JdbcClient jdbc;

    private final JdbcNotificationRepository notifications = new JdbcNotificationRepository(jdbc, Duration.ofMinutes(1));

    @BeforeAll
    static void database() throws Exception {
        db = EmbeddedDatabase.start(Files.createTempDirectory("toktik-social-test"));
        Flyway.configure().dataSource(db.dataSource()).load().migrate();
        jdbc = JdbcClient.create(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void likesOfOneVideo_gatherIntoOneNotification_namingTheLatestLiker() {
        UUID owner = user();
        UUID video = video(owner);
        UUID ana = user();
        UUID bo = user();
        notifications.record(owner, NotificationType.LIKE, ana, video, "");
        notifications.record(owner, NotificationType.LIKE, ana, video, "");
        Notification n = notifications.record(owner, NotificationType.LIKE, bo, video, "");

        assertThat(n.actorCount()).isEqualTo(2);
        assertThat(n.actor().id()).isEqualTo(bo);
        assertThat(notifications.page(owner, null, 10)).hasSize(1);
    }

    @Test
    void likesOfDifferentVideos_areSeparateNotifications() {
        UUID owner = user();
        UUID liker = user();
        notifications.record(owner, NotificationType.LIKE, liker, video(owner), "");
        notifications.record(owner, NotificationType.LIKE, liker, video(owner), "");

        assertThat(notifications.page(owner, null, 10)).hasSize(2);
    }

    @Test
    void aBatchOlderThanTheWindow_isClosed_andANewOneOpens() {
        JdbcNotificationRepository noWindow = new JdbcNotificationRepository(jdbc, Duration.ZERO);
        UUID owner = user();
        UUID video = video(owner);
        noWindow.record(owner, NotificationType.LIKE, user(), video, "");
        Notification second = noWindow.record(owner, NotificationType.LIKE, user(), video, "");

        assertThat(second.actorCount()).isEqualTo(1);
        assertThat(noWindow.page(owner, null, 10)).hasSize(2);
    }

    @Test
    void concurrentLikers_joinOneBatch() throws Exception {
        UUID owner = user();
        UUID video = video(owner);
        List<UUID> likers = new ArrayList<>();
        for (int i = 0; i < 20; i++) likers.add(user());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(likers.size())) {
            List<Future<Notification>> done = new ArrayList<>();
            for (UUID liker : likers) {
                done.add(pool.submit(() -> {
                    start.await();
                    return notifications.record(owner, NotificationType.LIKE, liker, video, "");
                }));
            }
            start.countDown();
            for (Future<Notification> f : done) f.get();
        }
        List<Notification> page = notifications.page(owner, null, 10);
        assertThat(page).hasSize(1);
        assertThat(page.getFirst().actorCount()).isEqualTo(20);
    }

    @Test
    void markRead_ofSomeIds_leavesTheOthersUnread_andClosesTheirBatch() {
        UUID owner = user();
        UUID video = video(owner);
        Notification like = notifications.record(owner, NotificationType.LIKE, user(), video, "");
        notifications.record(owner, NotificationType.COMMENT, user(), video, "hi");
        notifications.markRead(owner, Set.of(like.id()));

        assertThat(notifications.unreadCount(owner)).isEqualTo(1);
        Notification next = notifications.record(owner, NotificationType.LIKE, user(), video, "");
        assertThat(next.id()).as("a read batch gathers no more likers").isNotEqualTo(like.id());
        notifications.markRead(owner, null);
        assertThat(notifications.unreadCount(owner)).isZero();
    }

    private static UUID user() {
        UUID id = UUID.randomUUID();
        String name = "u" + id.toString().substring(0, 8);
        jdbc.sql("insert into users (id, username, username_key, display_name, password_hash) values (?, ?, ?, ?, 'x')")
                .params(id, name, name, name).update();
        return id;
    }

    private static UUID video(UUID owner) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into videos (id, owner_id, title, visibility, status) values (?, ?, 'Sunset', 'PUBLIC', 'READY')")
                .params(id, owner).update();
        return id;
    }
}
