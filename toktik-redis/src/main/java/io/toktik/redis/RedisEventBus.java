package io.toktik.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * {@link EventBus} over Redis pub/sub, shared by every process connected to the same Redis.
 *
 * <ul>
 *   <li>{@link #publish} sends {@code PUBLISH <prefix><topic> <json>} without waiting: it never blocks the caller
 *       (it throws only for data that is not JSON). A failed publish is logged and the event dropped. While Redis is
 *       away, publishes wait up to {@link #COMMAND_TIMEOUT} for it, then are dropped; one in flight when the
 *       connection drops is sent again, so on a reconnect an event may rarely arrive twice. Delivery is best effort.
 *   <li>{@link #subscribe} SUBSCRIBEs this node to a topic's channel when its first local listener arrives (waiting
 *       for Redis to confirm, so that an event published afterwards is received), and UNSUBSCRIBEs when the last one
 *       leaves: a node receives only the topics its listeners want.
 *   <li>Every event goes through Redis, those published by this node too, so each listener sees a topic's events in
 *       one order. Listeners are called one at a time on one thread of this bus; one that throws is logged and the
 *       others still get the event.
 *   <li>When the connection drops (Redis restarted, say), Lettuce reconnects and subscribes again to the same
 *       channels; events published in between are lost.
 * </ul>
 */
public final class RedisEventBus implements EventBus, AutoCloseable {
    /** Channels are {@code toktik:<topic>} unless a bus is given another prefix. */
    public static final String DEFAULT_CHANNEL_PREFIX = "toktik:";
    /** Longest time any Redis command (publish, subscribe, ping) waits, for an answer or for Redis to come back. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    /** While Redis is away, reconnect attempts come at most this far apart (Lettuce's default is 30 s). */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** Commands waiting for a reconnect beyond this many fail at once. */
    private static final int MAX_QUEUED_COMMANDS = 10_000;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final String prefix;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private final ExecutorService dispatcher =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("toktik-redis-events").daemon().factory());
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final PublishFailures publishFailures;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param url e.g. {@code redis://127.0.0.1:6379}, {@code rediss://:password@host:6379/0?clientName=api-1} */
    public RedisEventBus(String url) {
        this(url, DEFAULT_CHANNEL_PREFIX);
    }

    /** @param channelPrefix put before each topic to name its channel; buses must share it to see each other */
    public RedisEventBus(String url, String channelPrefix) {
        RedisURI uri = parse(url);
        this.prefix = Objects.requireNonNull(channelPrefix, "channelPrefix");
        this.address = uri.getSocket() != null ? uri.getSocket() : uri.getHost() + ":" + uri.getPort();
        this.publishFailures = new PublishFailures(address);
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ZERO, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(MAX_QUEUED_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            this.publisher = client.connect(CODEC);
            this.subscriber = client.connectPubSub(CODEC);
        } catch (RuntimeException e) {
            shutdownClient();
            dispatcher.shutdownNow();
            throw new IllegalStateException("Cannot connect to Redis at " + address + ": " + e.getMessage(), e);
        }
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                dispatch(channel, message);
            }
        });
    }

    @Override
    public void publish(DomainEvent event) {
        byte[] json;
        try {
            json = EventJson.write(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "The data of " + event.type() + " on " + event.topic() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        try {
            publisher.async().publish(channel(event.topic()), json).whenComplete((receivers, error) -> {
                if (error == null) publishFailures.succeeded();
                else publishFailures.failed(event, error);
            });
        } catch (RuntimeException e) { // the command queue is full, or the bus is closed
            publishFailures.failed(event, e);
        }
    }

    /**
     * Blocks until Redis confirms the subscription (at once when this node already has the topic).
     *
     * @throws IllegalStateException when Redis does not confirm within {@link #COMMAND_TIMEOUT}
     */
    @Override
    public AutoCloseable subscribe(String topic, Consumer<DomainEvent> listener) {
        Subscription subscription = new Subscription(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(listener, "listener"));
        CompletableFuture<Void> subscribed;
        synchronized (topics) {
            if (closed.get()) throw new IllegalStateException("This event bus is closed");
            Topic t = topics.get(topic);
            if (t == null) {
                t = new Topic(sendSubscribe(topic), new CopyOnWriteArrayList<>());
                topics.put(topic, t);
            }
            t.subscriptions().add(subscription);
            subscribed = t.subscribed();
        }
        awaitSubscribed(subscription, subscribed);
        return subscription;
    }

    /**
     * Asks Redis for a PONG on both connections' behalf.
     *
     * @throws RuntimeException when a connection is down (reconnecting) or Redis does not answer within {@link #COMMAND_TIMEOUT}
     */
    public void ping() {
        if (!publisher.isOpen() || !subscriber.isOpen()) {
            throw new IllegalStateException("Not connected to Redis at " + address + " (reconnecting)");
        }
        publisher.sync().ping();
    }

    /** Ends every subscription and closes the connections; events not yet sent or delivered are dropped. */
    @Override
    public void close() {
        synchronized (topics) {
            if (!closed.compareAndSet(false, true)) return;
            topics.clear();
        }
        dispatcher.shutdownNow();
        shutdownClient();
    }

    private CompletableFuture<Void> sendSubscribe(String topic) {
        try {
            return subscriber.async().subscribe(channel(topic)).toCompletableFuture();
        } catch (RuntimeException e) { // the command queue is full
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitSubscribed(Subscription subscription, CompletableFuture<Void> subscribed) {
        Throwable failure;
        try {
            subscribed.get(2 * COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS); // Lettuce times out first
            return;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
        subscription.close();
        throw new IllegalStateException("Could not subscribe to " + channel(subscription.topic) + " on Redis at " + address
                + ": " + failure, failure);
    }

    private void unsubscribe(Subscription subscription) {
        synchronized (topics) {
            Topic t = topics.get(subscription.topic);
            if (t == null || !t.subscriptions().remove(subscription) || !t.subscriptions().isEmpty()) return;
            topics.remove(subscription.topic);
            try {
                subscriber.async().unsubscribe(channel(subscription.topic)).exceptionally(e -> {
                    log.debug("UNSUBSCRIBE {} failed: {}", channel(subscription.topic), e.toString());
                    return null;
                });
            } catch (RuntimeException e) {
                log.debug("UNSUBSCRIBE {} failed: {}", channel(subscription.topic), e.toString());
            }
        }
    }

    /** Called on Lettuce's I/O thread: hands the message to the listeners' thread. */
    private void dispatch(String channel, byte[] message) {
        try {
            dispatcher.execute(() -> deliver(channel.substring(prefix.length()), message));
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void deliver(String topic, byte[] message) {
        Topic t = topics.get(topic);
        if (t == null) return; // unsubscribed meanwhile
        DomainEvent event;
        try {
            event = EventJson.read(message);
        } catch (JacksonException e) {
            log.warn("Dropped a message on Redis channel {} that is not an event: {}", channel(topic), e.getOriginalMessage());
            return;
        }
        for (Subscription subscription : t.subscriptions()) {
            try {
                subscription.listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Listener on {} failed for {}", topic, event.type(), e);
            }
        }
    }

    private String channel(String topic) {
        return prefix + topic;
    }

    private void shutdownClient() {
        client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
        resources.shutdown(0, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static RedisURI parse(String url) {
        try {
            RedisURI uri = RedisURI.create(url);
            if (uri.getClientName() == null) uri.setClientName("toktik-events");
            return uri;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid Redis URL (expected redis://host:port): " + e.getMessage(), e);
        }
    }

    /** This node's listeners of one topic, and the SUBSCRIBE that brings the topic's events to the node. */
    private record Topic(CompletableFuture<Void> subscribed, List<Subscription> subscriptions) {}

    /** One listener of one topic; closing it (again and again) ends it. */
    private final class Subscription implements AutoCloseable {
        final String topic;
        final Consumer<DomainEvent> listener;

        Subscription(String topic, Consumer<DomainEvent> listener) {
            this.topic = topic;
            this.listener = listener;
        }

        @Override
        public void close() {
            unsubscribe(this);
        }
    }
}
