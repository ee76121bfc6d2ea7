package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every event bus must do: deliver each event to every listener of its topic and no other, in publish order,
 * on every node, with its data intact; stop when a subscription is closed; survive a throwing listener. Each test
 * uses fresh topics, so suites can share a real server.
 */
public abstract class EventBusContract {
    /** How long a test waits for an event before failing (a deadline, not a measurement). */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** Two nodes sharing one backend; a single-process bus may be the same instance twice. */
    protected EventBus node1;
    protected EventBus node2;

    /** A bus on the backend under test; called twice per test, for two nodes that must see each other's events. */
    protected abstract EventBus newBus();

    /** How often the subscribe/unsubscribe race is run: enough to hit a window of a few instructions in-process. */
    protected int raceRounds() {
        return 3000;
    }

    @BeforeEach
    void startNodes() {
        node1 = newBus();
        node2 = newBus();
    }

    @AfterEach
    void stopNodes() throws Exception {
        if (node1 instanceof AutoCloseable closeable) closeable.close();
        if (node2 != node1 && node2 instanceof AutoCloseable closeable) closeable.close();
    }

    @Test
    void subscriber_receivesEventsOfItsTopicOnly() {
        String a = topic("video"), b = topic("video");
        Inbox inboxA = new Inbox(), inboxB = new Inbox();
        node1.subscribe(a, inboxA);
        node1.subscribe(b, inboxB);

        node1.publish(event(b, "video.progress"));
        node1.publish(event(a, "video.ready"));

        inboxA.awaitCount(1);
        inboxB.awaitCount(1);
        assertThat(inboxA.types()).containsExactly("video.ready");
        assertThat(inboxB.types()).containsExactly("video.progress");
    }

    @Test
    void everySubscriberOfATopic_receivesEachEvent() {
        String t = topic("video");
        List<Inbox> inboxes = List.of(new Inbox(), new Inbox(), new Inbox());
        inboxes.forEach(inbox -> node1.subscribe(t, inbox));

        node1.publish(event(t, "video.progress"));
        node1.publish(event(t, "video.ready"));

        for (Inbox inbox : inboxes) {
            inbox.awaitCount(2);
            assertThat(inbox.types()).containsExactly("video.progress", "video.ready");
        }
    }

    @Test
    void closedSubscription_receivesNoMoreEvents_whileOthersOnItsTopicDo() throws Exception {
        String t = topic("video");
        Inbox leaving = new Inbox(), staying = new Inbox();
        AutoCloseable subscription = node1.subscribe(t, leaving);
        node1.subscribe(t, staying);

        node1.publish(event(t, "first"));
        leaving.awaitCount(1);
        subscription.close();
        node1.publish(event(t, "second"));

        staying.awaitCount(2);
        assertThat(leaving.types()).containsExactly("first");
        assertThat(staying.types()).containsExactly("first", "second");
    }

    @Test
    void topicWhoseLastSubscriptionClosed_isNotDelivered_andCanBeSubscribedAgain() throws Exception {
        String t = topic("video"), marker = topic("user");
        Inbox gone = new Inbox(), markers = new Inbox(), again = new Inbox();
        node1.subscribe(marker, markers);
        node1.subscribe(t, gone).close();

        node1.publish(event(t, "unheard"));
        node1.publish(event(marker, "marker")); // published after: once it is here, "unheard" would have been too
        markers.awaitCount(1);
        node1.subscribe(t, again);
        node1.publish(event(t, "heard"));

        again.awaitCount(1);
        assertThat(gone.types()).isEmpty();
        assertThat(again.types()).containsExactly("heard");
    }

    @Test
    void subscribeRacingTheLastUnsubscribe_keepsTheNewSubscription() throws Exception {
        for (int round = 0; round < raceRounds(); round++) {
            String t = topic("video");
            AutoCloseable leaving = node1.subscribe(t, new Inbox());
            Inbox arriving = new Inbox();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Void> unsubscribed = CompletableFuture.runAsync(() -> {
                await(start);
                try {
                    leaving.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await(start);
            node1.subscribe(t, arriving);
            unsubscribed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            node1.publish(event(t, "after-race"));
            arriving.awaitCount(1);
        }
    }

    @Test
    void throwingListener_doesNotStopOtherListenersNorLaterEvents() {
        String t = topic("video");
        Inbox before = new Inbox(), after = new Inbox();
        node1.subscribe(t, before);
        node1.subscribe(t, event -> {
            throw new IllegalStateException("listener bug");
        });
        node1.subscribe(t, after);

        assertThatCode(() -> {
            node1.publish(event(t, "first"));
            node1.publish(event(t, "second"));
        }).doesNotThrowAnyException();

        before.awaitCount(2);
        after.awaitCount(2);
        assertThat(after.types()).containsExactly("first", "second");
    }

    @Test
    void eventsOfATopic_arriveInPublishOrder() {
        String t = topic("video");
        Inbox inbox = new Inbox();
        node1.subscribe(t, inbox);
        List<String> published = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            published.add("step-" + i);
            node1.publish(event(t, "step-" + i));
        }

        inbox.awaitCount(50);
        assertThat(inbox.types()).containsExactlyElementsOf(published);
    }

    @Test
    void eventData_roundTripsStringsNumbersBooleansListsAndNestedMaps() {
        String t = topic("video");
        Inbox inbox = new Inbox();
        node1.subscribe(t, inbox);
        DomainEvent sent = new DomainEvent(t, "video.ready", Map.of(
                "title", "Ünïcödé ✓ \"quoted\"",
                "progress", 42,
                "bytes", 5_000_000_000L,
                "ratio", 0.25,
                "public", true,
                "deleted", false,
                "renditions", List.of("360p", "720p"),
                "poster", Map.of("width", 1280, "height", 720, "url", "/p.jpg", "tags", List.of())));

        node1.publish(sent);

        inbox.awaitCount(1);
        assertThat(inbox.events()).containsExactly(sent);
    }

    @Test
    void eventPublishedOnOneNode_reachesSubscribersOnEveryNode() {
        String t = topic("user");
        List<EventBus> nodes = List.of(node1, node2);
        List<Inbox> inboxes = new ArrayList<>();
        for (EventBus node : nodes) {
            Inbox inbox = new Inbox();
            node.subscribe(t, inbox);
            inboxes.add(inbox);
        }

        for (int i = 0; i < nodes.size(); i++) nodes.get(i).publish(event(t, "from-node-" + (i + 1)));

        for (Inbox inbox : inboxes) {
            inbox.awaitCount(2);
            assertThat(inbox.types()).containsExactlyInAnyOrder("from-node-1", "from-node-2");
        }
    }

    /** A topic no other test (nor another run against the same server) uses, such as {@code video:<uuid>}. */
    protected static String topic(String kind) {
        return kind + ":" + UUID.randomUUID();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The other thread never arrived", e);
        }
    }

    protected static DomainEvent event(String topic, String type) {
        return new DomainEvent(topic, type, Map.of("topic", topic));
    }

    /** Waits until {@code condition} holds, failing with {@code what} (and its state) after {@link #WAIT}. */
    public static void await(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Gave up after " + WAIT + " waiting for " + what.get());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what.get(), e);
            }
        }
    }

    /** A listener that keeps what it receives. */
    public static final class Inbox implements Consumer<DomainEvent> {
        private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        public Inbox() {}

        @Override
        public void accept(DomainEvent event) {
            events.add(event);
        }

        public List<DomainEvent> events() {
            return List.copyOf(events);
        }

        public List<String> types() {
            return events.stream().map(DomainEvent::type).toList();
        }

        public void awaitCount(int count) {
            await(() -> count + " events, received " + types(), () -> events.size() >= count);
        }
    }
}
