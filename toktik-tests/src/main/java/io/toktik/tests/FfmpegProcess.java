package io.toktik.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an ffmpeg executable to completion, killed after a timeout; its output goes to a file, so it cannot block. */
final class FfmpegProcess {

    private static final int REPORTED_CHARS = 2000;

    private final Path executable;
    private final Map<String, String> environment;
    private final Duration timeout;

    FfmpegProcess(Path executable, Map<String, String> environment, Duration timeout) {
        this.executable = executable.toAbsolutePath();
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * Runs {@code ffmpeg <args>}, logging to a temporary file in {@code logDir}.
     *
     * @throws IllegalStateException on a non-zero exit, a timeout or an interruption, with the end of the output
     */
    void run(List<String> args, Path logDir) throws IOException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable.toString());
        command.addAll(args);
        Path log = Files.createTempFile(logDir, "ffmpeg-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!finishes(process)) {
                throw failure(command, "was killed after " + timeout, log);
            }
            if (process.exitValue() != 0) {
                throw failure(command, "exited with " + process.exitValue(), log);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private boolean finishes(Process process) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            kill(process);
            return false;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + executable, e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    private static IllegalStateException failure(List<String> command, String what, Path log) throws IOException {
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        String tail = output.substring(Math.max(0, output.length() - REPORTED_CHARS));
        return new IllegalStateException(String.join(" ", command) + " " + what + ":\n" + tail);
    }
}
