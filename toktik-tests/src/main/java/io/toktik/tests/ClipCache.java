package io.toktik.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files in one directory, each made once and moved into place whole: safe across threads and forked JVMs. */
final class ClipCache {

    private final Path dir;

    ClipCache(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    /** The file {@code name}, made by {@code maker} (into a temporary name) unless it is already there. */
    synchronized Path get(String name, Maker maker) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(dir);
            // The extension stays last so ffmpeg picks the container from it.
            Path partial = Files.createTempFile(dir, "partial-", "-" + name);
            try {
                maker.writeTo(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Maker {
        void writeTo(Path partial) throws IOException;
    }
}
