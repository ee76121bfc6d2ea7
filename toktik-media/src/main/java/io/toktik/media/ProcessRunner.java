package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a child process with a timeout, draining both pipes on their own threads so it can never block. */
final class ProcessRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);
    private static final int STDERR_TAIL_BYTES = 4096;
    private static final int SPAWN_ATTEMPTS = 3;

    private ProcessRunner() {
    }

    /**
     * Runs {@code command}; stderr keeps only its last 4 KB. On timeout or interruption the process (and any
     * children) is killed and {@code TIMEOUT} or {@code CANCELLED} is thrown; a non-zero exit is returned.
     *
     * @param stdoutLines receives each stdout line on a reader thread; null discards stdout
     * @param stdin       fed to the process on a thread of its own (null: none); its end closes the process's stdin,
     *                    while a failure to read it — any exception — kills the process, so that a cut-off input is
     *                    never taken for a whole one, nor waited for until the timeout; closed when the process ends
     * @param onStart     told of the process once it runs
     */
    static ProcessResult run(List<String> command, Map<String, String> environment, Duration timeout,
                             Consumer<String> stdoutLines, InputStream stdin, Consumer<ProcessHandle> onStart)
            throws MediaException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdoutLines == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = start(builder);
        onStart.accept(process.toHandle());
        TailBuffer stderr = new TailBuffer(STDERR_TAIL_BYTES);
        Thread stderrReader = onThread("ffmpeg-stderr", () -> copyTail(process.getErrorStream(), stderr));
        Thread stdoutReader = stdoutLines == null ? null
                : onThread("ffmpeg-stdout", () -> forwardLines(process.getInputStream(), stdoutLines));
        Thread feeder = stdin == null ? null : onThread("ffmpeg-stdin", () -> feed(stdin, process));
        try {
            if (feeder == null) process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new MediaException(Code.TIMEOUT,
                        "Processing took longer than " + describe(timeout) + " and was stopped.",
                        String.join(" ", command) + "\n" + stderr.text().strip());
            }
            join(stderrReader);
            join(stdoutReader);
            return new ProcessResult(process.exitValue(), stderr.text(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new MediaException(Code.CANCELLED, "Processing was cancelled.", null, e);
        } catch (IOException e) {
            kill(process);
            throw new MediaException(Code.TRANSCODE_FAILED, "Processing failed.", e.toString(), e);
        } finally {
            if (stdin != null) closeQuietly(stdin);
        }
    }

    private static void feed(InputStream in, Process process) {
        OutputStream out = process.getOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException | RuntimeException e) {
                log.info("Stopping {}: its input broke off: {}", process.pid(), e.toString());
                kill(process);
                return;
            }
            if (n < 0) break;
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                return; // the process stopped reading: its exit status says why
            }
        }
        closeQuietly(out);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private static Process start(ProcessBuilder builder) throws MediaException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                // "Text file busy" (ETXTBSY) can happen right after extraction if another thread forked meanwhile.
                boolean busy = String.valueOf(e.getMessage()).contains("error=26");
                if (!busy || attempt == SPAWN_ATTEMPTS) {
                    throw new MediaException(Code.TRANSCODE_FAILED, "The video processor could not be started.",
                            builder.command().getFirst() + ": " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) throws MediaException {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Code.CANCELLED, "Processing was cancelled.", null, e);
        }
    }

    private static Thread onThread(String name, Runnable body) {
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
        int failures = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                try {
                    consumer.accept(line);
                } catch (RuntimeException e) {
                    // Keep draining: a stalled pipe would block the process. Log the first failure only.
                    if (failures++ == 0) {
                        log.warn("stdout consumer failed on line '{}'; later failures are not logged", line, e);
                    }
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
}
