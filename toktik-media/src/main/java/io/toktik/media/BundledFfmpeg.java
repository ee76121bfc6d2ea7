package io.toktik.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Extracts the static ffmpeg 4.4 shipped in {@code jave-nativebin-linux64} to a cache directory, once. */
final class BundledFfmpeg {

    static final String RESOURCE = "ws/schild/jave/nativebin/ffmpeg-amd64";
    private static final String FILE_NAME = "ffmpeg-4.4.1-static-amd64";

    private BundledFfmpeg() {
    }

    /**
     * Returns the executable in {@code cacheDir}, extracting it first unless a file of the right size is there.
     * Safe across threads and processes: the binary is written to a temporary file and moved into place atomically.
     */
    static Path extractTo(Path cacheDir) {
        requireSupportedPlatform();
        URL resource = BundledFfmpeg.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("The bundled ffmpeg (" + RESOURCE + ") is not on the classpath: "
                    + "add ws.schild:jave-nativebin-linux64 or point TOKTIK_FFMPEG at an ffmpeg binary.");
        }
        try {
            Files.createDirectories(cacheDir);
            Path target = cacheDir.resolve(FILE_NAME);
            URLConnection connection = resource.openConnection();
            connection.setUseCaches(false);
            long expectedSize = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == expectedSize && Files.isExecutable(target)) {
                return target;
            }
            Path partial = Files.createTempFile(cacheDir, FILE_NAME, ".part");
            try {
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                moveIntoPlace(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the bundled ffmpeg into " + cacheDir, e);
        }
    }

    /**
     * Environment for running the bundled binary. It links glibc 2.28 statically, and its iconv would load the
     * host's gconv modules (built for another glibc) and crash, e.g. on every MPEG-TS input (service names are
     * converted with iconv). Pointing GCONV_PATH at an empty folder makes iconv_open fail cleanly instead;
     * ffmpeg then keeps such strings as they are.
     */
    static Map<String, String> environment(Path cacheDir) {
        Path empty = cacheDir.resolve("gconv-disabled");
        try {
            Files.createDirectories(empty);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + empty, e);
        }
        return Map.of("GCONV_PATH", empty.toString());
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The bundled ffmpeg only runs on x86-64 Linux, not " + os + "/" + arch
                    + ": install ffmpeg and set TOKTIK_FFMPEG (e.g. TOKTIK_FFMPEG=ffmpeg).");
        }
    }
}
