package io.toktik.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private folder beside an output file, where ffmpeg writes before the result is moved into place; deleted on close. */
final class ScratchDir implements AutoCloseable {

    private final Path dir;

    private ScratchDir(Path dir) {
        this.dir = dir;
    }

    /** A new folder in {@code target}'s folder (created when missing), so the final move stays on one file system. */
    static ScratchDir beside(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return new ScratchDir(Files.createTempDirectory(parent, "." + target.getFileName() + "-"));
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    Path path() {
        return dir;
    }

    /** Moves {@code from} onto {@code to}, atomically where the file system allows, replacing what is there. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScratchDir::deleteQuietly);
        } catch (IOException ignored) {
            // Best effort: the folder is hidden and uniquely named, so a leftover harms nothing.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // See close().
        }
    }
}
