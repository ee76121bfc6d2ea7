package io.toktik.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** An ffmpeg executable (the transcoder) and a safe way to run it with a timeout. */
public final class Ffmpeg {

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
     * @param override null or blank for the bundled static ffmpeg 4.4 (it links glibc statically, so it cannot
     *                 resolve host names: give it numeric URLs such as {@code http://127.0.0.1:8080/...});
     *                 otherwise a path to a binary or a bare command name (such as {@code ffmpeg}) looked up on
     *                 {@code PATH}
     * @param cacheDir where the bundled binary is extracted (reused across runs); null means a folder in java.io.tmpdir
     * @throws IllegalStateException when no usable binary is found
     */
    public static Ffmpeg locate(String override, Path cacheDir) {
        return locate(override, cacheDir, System.getenv("PATH"));
    }

    static Ffmpeg locate(String override, Path cacheDir, String searchPath) {
        if (override == null || override.isBlank()) {
            Path dir = (cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "toktik-ffmpeg"))
                    .toAbsolutePath();
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
        return ProcessRunner.run(command, environment, timeout, stdoutLines);
    }

    /** {@code -i <file>} restricted to local files, so a crafted input cannot make ffmpeg fetch other URLs. */
    static List<String> localInput(Path source) {
        return List.of("-protocol_whitelist", "file", "-i", source.toAbsolutePath().toString());
    }

    @Override
    public String toString() {
        return "Ffmpeg[" + executable + "]";
    }
}
