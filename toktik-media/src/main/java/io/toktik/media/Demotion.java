package io.toktik.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the ffmpeg runs it watches ({@link Ffmpeg#demotedBy}) to the background CPU priority of
 * {@link Ffmpeg#inBackground()} while they run, on demand: for a run whose first output is urgent and whose remainder
 * is not, such as the rendition that makes a video playable once its first segment is out. Every thread of the
 * process is reniced (Linux keeps a nice value per thread). Without {@code renice} on the PATH it does nothing.
 */
public final class Demotion {
    private static final Logger log = LoggerFactory.getLogger(Demotion.class);
    private static final long RENICE_TIMEOUT_SECONDS = 5;

    private final Set<ProcessHandle> running = ConcurrentHashMap.newKeySet();
    private volatile boolean demoted;

    /** Demotes the runs going on now and any started from now on. */
    public void now() {
        demoted = true;
        running.forEach(Demotion::renice);
    }

    void started(ProcessHandle process) {
        running.removeIf(p -> !p.isAlive());
        running.add(process);
        if (demoted) renice(process);
    }

    private static void renice(ProcessHandle process) {
        Path renice = Ffmpeg.findOnPath("renice", System.getenv("PATH")).orElse(null);
        if (renice == null || !process.isAlive()) return;
        List<String> command = new ArrayList<>(List.of(renice.toString(), "-n", Ffmpeg.BACKGROUND_NICENESS, "-p"));
        command.addAll(threads(process));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (IOException e) {
            log.debug("Could not renice process {}: {}", process.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process's thread ids from {@code /proc}, or its own id where there is no such thing. */
    private static List<String> threads(ProcessHandle process) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            return tasks.map(t -> t.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of(String.valueOf(process.pid()));
        }
    }
}
