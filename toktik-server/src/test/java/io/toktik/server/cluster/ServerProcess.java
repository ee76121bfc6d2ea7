package io.toktik.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One TokTik server as its own JVM process, started from the packaged jar, as a Kubernetes pod would run it. */
public final class ServerProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "toktik-server.jar").toAbsolutePath();

    final String name;
    final int port;
    private final Path log;
    private final Process process;

    private ServerProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static ServerProcess start(String name, int port, Map<String, String> env, Path logDir) {
        return start(name, port, env, logDir, "-Xmx384m");
    }

    /** @param heap the JVM's heap option, such as {@code -Xmx256m} */
    public static ServerProcess start(String name, int port, Map<String, String> env, Path logDir, String heap) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException("Package the server first: " + JAR + " is missing");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Process process = builder.start();
            // However the test JVM ends, its servers end with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ServerProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until readiness says UP (database, broker, storage and event bus reachable). */
    public ServerProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited: " + tail());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return this;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ": " + tail());
    }

    /** The process id, to read its memory use. */
    public long pid() {
        return process.pid();
    }

    /** True while this process runs an ffmpeg (it is transcoding). */
    boolean isTranscoding() {
        return process.descendants().anyMatch(p -> p.info().command().map(c -> c.contains("ffmpeg")).orElse(false));
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the broker or the database. */
    void kill() {
        process.destroyForcibly();
        waitFor();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM: a graceful stop. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        waitFor();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
