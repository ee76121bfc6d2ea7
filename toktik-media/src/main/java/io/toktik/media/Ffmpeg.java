package io.toktik.media;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An ffmpeg executable (the transcoder) and a safe way to run it with a timeout. */
public final class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final int STDERR_TAIL_BYTES = 4096;
    private static final int SPAWN_ATTEMPTS = 3;

    private final Path executable;
    private final Map<String, String> environment;
    private volatile String version;

    private Ffmpeg(Path executable, Map<String, String> environment) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Finds ffmpeg.
     *
     * @param override null or blank for the bundled static ffmpeg 4.4; otherwise a path to a binary or a bare
     *                 command name (such as {@code ffmpeg}) looked up on {@code PATH}
     * @param cacheDir where the bundled binary is extracted (reused across runs); null means a folder in java.io.tmpdir
     * @throws IllegalStateException when no usable binary is found
     */
    public static Ffmpeg locate(String override, Path cacheDir) {
        return locate(override, cacheDir, System.getenv("PATH"));
    }

    static Ffmpeg locate(String override, Path cacheDir, String searchPath) {
        if (override == null || override.isBlank()) {
            Path dir = cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "toktik-ffmpeg");
            return new Ffmpeg(BundledFfmpeg.extractTo(dir), BundledFfmpeg.environment(dir));
        }
        String name = override.strip();
        if (name.contains(File.separator)) {
            Path path = Path.of(name).toAbsolutePath();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException("ffmpeg override " + path + " is not an executable file.");
            }
            return new Ffmpeg(path, Map.of());
        }
        for (String dir : Objects.requireNonNullElse(searchPath, "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Ffmpeg(candidate.toAbsolutePath(), Map.of());
            }
        }
        throw new IllegalStateException("ffmpeg override '" + name + "' was not found on PATH.");
    }

    public Path executable() {
        return executable;
    }

    /**
     * The first line of {@code ffmpeg -version}, e.g. {@code ffmpeg version 4.4.1-static ...}.
     *
     * @throws IllegalStateException when the binary does not run
     */
    public String version() {
        String cached = version;
        if (cached != null) {
            return cached;
        }
        List<String> lines = new ArrayList<>();
        try {
            run(List.of("-version"), Duration.ofSeconds(30), line -> {
                synchronized (lines) {
                    lines.add(line);
                }
            }).orThrow("ffmpeg -version failed.");
        } catch (MediaException e) {
            throw new IllegalStateException("ffmpeg at " + executable + " does not run: " + e.getMessage()
                    + " " + e.detail(), e);
        }
        synchronized (lines) {
            version = lines.isEmpty() ? "ffmpeg (unknown version)" : lines.getFirst();
        }
        return version;
    }

    /** Runs ffmpeg with {@code args} (without the executable), discarding stdout. */
    public ProcessResult run(List<String> args, Duration timeout) throws MediaException {
        return run(args, timeout, null);
    }

    /**
     * Runs ffmpeg with {@code args} (without the executable). Both pipes are drained on their own threads, so a
     * chatty process can never block; stderr keeps only its last 4 KB. On timeout or interruption the process is
     * killed and {@code TIMEOUT} or {@code CANCELLED} is thrown. A non-zero exit is returned, not thrown: see
     * {@link ProcessResult#orThrow(String)}.
     *
     * @param stdoutLines receives each stdout line (on a reader thread); null discards stdout
     */
    public ProcessResult run(List<String> args, Duration timeout, Consumer<String> stdoutLines)
            throws MediaException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdoutLines == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = start(builder);
        TailBuffer stderr = new TailBuffer(STDERR_TAIL_BYTES);
        Thread stderrReader = drain("ffmpeg-stderr", () -> copyTail(process.getErrorStream(), stderr));
        Thread stdoutReader = stdoutLines == null ? null
                : drain("ffmpeg-stdout", () -> forwardLines(process.getInputStream(), stdoutLines));
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new MediaException(MediaException.Code.TIMEOUT,
                        "Processing took longer than " + describe(timeout) + " and was stopped.",
                        String.join(" ", command) + "\n" + stderr.text().strip());
            }
            join(stderrReader);
            join(stdoutReader);
            return new ProcessResult(process.exitValue(), stderr.text(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Code.CANCELLED, "Processing was cancelled.", null, e);
        } catch (IOException e) {
            kill(process);
            throw new MediaException(MediaException.Code.TRANSCODE_FAILED, "Processing failed.", e.toString(), e);
        }
    }

    private Process start(ProcessBuilder builder) throws MediaException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                // "Text file busy" (ETXTBSY) can happen right after extraction if another thread forked meanwhile.
                boolean busy = String.valueOf(e.getMessage()).contains("error=26");
                if (!busy || attempt == SPAWN_ATTEMPTS) {
                    throw new MediaException(MediaException.Code.TRANSCODE_FAILED,
                            "The video processor could not be started.", executable + ": " + e.getMessage(), e);
                }
                sleepBriefly(attempt);
            }
        }
    }

    private static void sleepBriefly(int attempt) throws MediaException {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Code.CANCELLED, "Processing was cancelled.", null, e);
        }
    }

    private static Thread drain(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon().start(body);
    }

    private static void copyTail(InputStream in, TailBuffer tail) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                tail.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The process was killed; whatever was read so far is kept.
        }
    }

    private static void forwardLines(InputStream in, Consumer<String> consumer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                try {
                    consumer.accept(line);
                } catch (RuntimeException e) {
                    // Keep draining: a stalled pipe would block ffmpeg.
                    log.warn("ffmpeg stdout consumer failed on line '{}'", line, e);
                }
            }
        } catch (IOException e) {
            // The process was killed.
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread reader) throws InterruptedException {
        if (reader != null) {
            reader.join();
        }
    }

    private static String describe(Duration timeout) {
        long seconds = timeout.toSeconds();
        return seconds >= 120 ? (seconds / 60) + " minutes" : Math.max(seconds, 1) + " seconds";
    }

    @Override
    public String toString() {
        return "Ffmpeg[" + executable + "]";
    }
}
