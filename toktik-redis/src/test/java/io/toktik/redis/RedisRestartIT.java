package io.toktik.redis;

import static io.toktik.tests.EventBusContract.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.toktik.core.events.DomainEvent;
import io.toktik.tests.EventBusContract.Inbox;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A bus keeps its subscriptions and publishes again after Redis itself restarts (a private server this test runs). */
class RedisRestartIT {
    private static final String TOPIC = "video:restart";

    @Test
    void subscriptions_andPublishing_surviveARestartOfRedis() throws Exception {
        int port = freePort();
        String url = "redis://127.0.0.1:" + port;
        PrivateRedis server = PrivateRedis.start(port);
        try (RedisEventBus bus = new RedisEventBus(url)) {
            Inbox inbox = new Inbox();
            bus.subscribe(TOPIC, inbox);

            server.stop();
            await(() -> "the bus to notice Redis is gone", () -> !pings(bus));
            server = PrivateRedis.start(port);
            await(() -> "SUBSCRIBE again on the restarted Redis", () -> subscribers(url) == 1);
            bus.publish(new DomainEvent(TOPIC, "video.ready", Map.of("rendition", "720p")));

            inbox.awaitCount(1);
            assertThat(inbox.types()).containsExactly("video.ready");
        } finally {
            server.stop();
        }
    }

    @Test
    void ping_failsClearlyWhileRedisIsAway() throws Exception {
        int port = freePort();
        PrivateRedis server = PrivateRedis.start(port);
        try (RedisEventBus bus = new RedisEventBus("redis://127.0.0.1:" + port)) {
            bus.ping();
            server.stop();

            await(() -> "the bus to notice Redis is gone", () -> !pings(bus));
            assertThatThrownBy(bus::ping).hasMessageContaining("127.0.0.1:" + port);
        } finally {
            server.stop();
        }
    }

    private static boolean pings(RedisEventBus bus) {
        try {
            bus.ping();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long subscribers(String url) {
        RedisClient client = RedisClient.create(url);
        try (var connection = client.connect()) {
            return connection.sync().pubsubNumsub(RedisEventBus.DEFAULT_CHANNEL_PREFIX + TOPIC)
                    .get(RedisEventBus.DEFAULT_CHANNEL_PREFIX + TOPIC);
        } catch (RuntimeException e) {
            return -1; // not up yet
        } finally {
            client.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A throwaway redis-server on {@code port} that keeps nothing on disk; skips the test where there is none. */
    private record PrivateRedis(Process process) {
        static PrivateRedis start(int port) throws Exception {
            Assumptions.assumeTrue(onPath("redis-server"), "redis-server is not on the PATH: skipping the restart test");
            Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            await(() -> "redis-server to listen on " + port, () -> !process.isAlive() || listening(port));
            assertThat(process.isAlive()).as("redis-server on port %d started", port).isTrue();
            return new PrivateRedis(process);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }

        private static boolean listening(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean onPath(String command) {
            return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> new File(dir, command).canExecute());
        }
    }
}
