package io.toktik.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.toktik.core.views.ViewBatch;
import io.toktik.core.views.ViewCounter;
import io.toktik.core.views.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ViewCounter} in Redis, shared by every api node. Each step is one Lua script, so it is atomic:
 * <ul>
 *   <li>record: {@code SET <prefix>seen:<viewer>:<video> 1 NX PX <window>}; when set, {@code HINCRBY <prefix>pending
 *       <video> 1} (and {@code HSET … w:<user>:<video> 1} for a signed-in viewer);
 *   <li>take: {@code RENAME <prefix>pending <prefix>batch:<uuid>} and {@code SADD <prefix>batches} of that name;
 *   <li>done: {@code DEL} the batch and {@code SREM} it from the set.
 * </ul>
 * A batch stays in {@code <prefix>batches} until done, so one left by a node that died is applied by another.
 */
public final class RedisViewCounter implements ViewCounter, AutoCloseable {
    public static final String DEFAULT_PREFIX = "toktik:views:";
    private static final String RECORD = """
            if redis.call('set', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
              redis.call('hincrby', KEYS[2], ARGV[2], 1)
              if ARGV[3] ~= '' then redis.call('hset', KEYS[2], ARGV[3], '1') end
              return 1
            end
            return 0""";
    private static final String TAKE = """
            if redis.call('exists', KEYS[1]) == 1 then
              redis.call('rename', KEYS[1], KEYS[2])
              redis.call('sadd', KEYS[3], KEYS[2])
              return 1
            end
            return 0""";
    private static final String WATCH = "w:";

    private final String prefix;
    private final long windowMillis;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    public RedisViewCounter(String url, String prefix, Duration window) {
        this.prefix = prefix;
        this.windowMillis = window.toMillis();
        RedisURI uri = RedisURI.create(url);
        if (uri.getClientName() == null) uri.setClientName("toktik-views");
        uri.setTimeout(RedisEventBus.COMMAND_TIMEOUT);
        this.client = RedisClient.create(uri);
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort() + ": "
                    + e.getMessage(), e);
        }
        this.redis = connection.sync();
    }

    @Override
    public boolean record(UUID videoId, Viewer viewer) {
        String watch = viewer.userId().map(user -> WATCH + user + ":" + videoId).orElse("");
        Long counted = redis.eval(RECORD, ScriptOutputType.INTEGER,
                new String[] {prefix + "seen:" + viewer.key() + ":" + videoId, pendingKey()},
                Long.toString(windowMillis), videoId.toString(), watch);
        return counted != null && counted == 1;
    }

    @Override
    public ViewBatch take() {
        String batchKey = prefix + "batch:" + UUID.randomUUID();
        Long taken = redis.eval(TAKE, ScriptOutputType.INTEGER, new String[] {pendingKey(), batchKey, batchesKey()});
        return taken != null && taken == 1 ? read(batchKey) : new ViewBatch(batchKey, Map.of(), Set.of());
    }

    @Override
    public List<ViewBatch> pending() {
        List<ViewBatch> batches = new ArrayList<>();
        for (String key : redis.smembers(batchesKey())) {
            ViewBatch batch = read(key);
            if (batch.isEmpty()) redis.srem(batchesKey(), key); // done by another node meanwhile
            else batches.add(batch);
        }
        return batches;
    }

    @Override
    public void done(ViewBatch batch) {
        redis.del(batch.id());
        redis.srem(batchesKey(), batch.id());
    }

    public void ping() {
        redis.ping();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private ViewBatch read(String batchKey) {
        Map<UUID, Long> counts = new HashMap<>();
        Set<ViewBatch.Watch> watched = new HashSet<>();
        redis.hgetall(batchKey).forEach((field, value) -> {
            if (field.startsWith(WATCH)) {
                String[] ids = field.substring(WATCH.length()).split(":");
                watched.add(new ViewBatch.Watch(UUID.fromString(ids[0]), UUID.fromString(ids[1])));
            } else {
                counts.put(UUID.fromString(field), Long.parseLong(value));
            }
        });
        return new ViewBatch(batchKey, counts, watched);
    }

    private String pendingKey() {
        return prefix + "pending";
    }

    private String batchesKey() {
        return prefix + "batches";
    }
}
