package io.toktik.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/** {@link BlobStore} on a local directory: each blob is written to a temporary file, then moved into place. */
public final class FileSystemBlobStore implements BlobStore {
    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
        this.incoming = Files.createDirectories(this.root.resolve(".incoming"));
    }

    @Override
    public long write(String key, InputStream in, long maxBytes) throws IOException {
        Path tmp = incoming.resolve(UUID.randomUUID().toString());
        try {
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    total += n;
                    if (total > maxBytes) throw new BlobTooLargeException(maxBytes);
                    out.write(buffer, 0, n);
                }
            }
            moveIntoPlace(tmp, key);
            return total;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void putFile(String key, Path file) throws IOException {
        Path tmp = incoming.resolve(UUID.randomUUID().toString());
        try {
            Files.copy(file, tmp);
            moveIntoPlace(tmp, key);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        long length = Files.size(file);
        return Optional.of(new Blob() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public InputStream open(long offset) throws IOException {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return Channels.newInputStream(channel);
            }

            @Override
            public Optional<Path> localFile() {
                return Optional.of(file);
            }
        });
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(key);
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Path dir = resolve(trimmed);
        if (Files.isRegularFile(dir)) {
            Files.deleteIfExists(dir);
        } else if (Files.isDirectory(dir)) {
            deleteTree(dir);
        }
    }

    private void moveIntoPlace(Path tmp, String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || p.equals(root) || p.startsWith(incoming)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return p;
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
