package io.toktik.media;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** An ffmpeg executable (the transcoder) and a safe way to run it with a timeout. */
public final class Ffmpeg {

    /** CFS weight of nice 10 is about a tenth of nice 0: urgent work runs first, background work soaks up the rest. */
    static final String BACKGROUND_NICENESS = "10";
    /** Nice 19 weighs about a seventh of nice 10: work nobody waits for yields even to background work. */
    private static final String IDLE_NICENESS = "19";

    private final Path executable;
    private final Map<String, String> environment;
    private final List<String> launcher;
    private final Demotion demotion;
    private volatile String version;

    private Ffmpeg(Path executable, Map<String, String> environment) {
        this(executable, environment, List.of(), null);
    }

    private Ffmpeg(Path executable, Map<String, String> environment, List<String> launcher, Demotion demotion) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.launcher = List.copyOf(launcher);
        this.demotion = demotion;
    }

    /**
     * The same ffmpeg, run at a lower CPU priority ({@code nice -n 10}) when {@code nice} is on the PATH: for work
     * that should only use what more urgent work leaves, such as renditions after the first playable one.
     */
    public Ffmpeg inBackground() {
        return niced(BACKGROUND_NICENESS);
    }

    /**
     * The same ffmpeg at the lowest CPU priority ({@code nice -n 19}): for work nobody waits for, such as seek
     * previews, so that it does not slow the renditions that make a video complete.
     */
    public Ffmpeg whenIdle() {
        return niced(IDLE_NICENESS);
    }

    private Ffmpeg niced(String niceness) {
        return findOnPath("nice", System.getenv("PATH"))
                .map(nice -> new Ffmpeg(executable, environment, List.of(nice.toString(), "-n", niceness), demotion))
                .orElse(this);
    }

    /** The same ffmpeg, its runs moved to the background priority when {@code demotion} says so. */
    public Ffmpeg demotedBy(Demotion demotion) {
        return new Ffmpeg(executable, environment, launcher, demotion);
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
        return findOnPath(name, searchPath).map(path -> new Ffmpeg(path, Map.of()))
                .orElseThrow(() -> new IllegalStateException("ffmpeg override '" + name + "' was not found on PATH."));
    }

    static Optional<Path> findOnPath(String name, String searchPath) {
        for (String dir : Objects.requireNonNullElse(searchPath, "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
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
        return run(args, timeout, stdoutLines, null);
    }

    /**
     * As {@link #run(List, Duration, Consumer)}, with {@code stdin} fed to ffmpeg's standard input (read with
     * {@link #pipedInput()}); a failure to read it kills ffmpeg, so a cut-off input fails the run.
     */
    public ProcessResult run(List<String> args, Duration timeout, Consumer<String> stdoutLines, InputStream stdin)
            throws MediaException {
        List<String> command = new ArrayList<>(launcher.size() + args.size() + 1);
        command.addAll(launcher);
        command.add(executable.toString());
        command.addAll(args);
        return ProcessRunner.run(command, environment, timeout, stdoutLines, stdin,
                demotion == null ? process -> {} : demotion::started);
    }

    /** {@code -i <file>} restricted to local files, so a crafted input cannot make ffmpeg fetch other URLs. */
    static List<String> localInput(Path source) {
        return List.of("-protocol_whitelist", "file", "-i", source.toAbsolutePath().toString());
    }

    /** {@code -i pipe:0}: the input is what {@link #run(List, Duration, Consumer, InputStream)} feeds, and nothing else. */
    static List<String> pipedInput() {
        return List.of("-protocol_whitelist", "pipe", "-i", "pipe:0");
    }

    @Override
    public String toString() {
        return "Ffmpeg[" + executable + "]";
    }
}
