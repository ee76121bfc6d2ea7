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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link BlobStore} on a local directory: each blob is written to a temporary file, then moved into place. A
 * multipart upload is one file under {@code .multipart/} that parts are written into at their offsets
 * ({@link LocalMultipartUpload}), moved into place on completion.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path incoming;
    private final Path multipart;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
        this.incoming = Files.createDirectories(this.root.resolve(".incoming"));
        this.multipart = Files.createDirectories(this.root.resolve(".multipart"));
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

    @Override
    public String startParts(String key) throws IOException {
        resolve(key); // refuses a bad key now rather than at completion
        String uploadId = UUID.randomUUID().toString();
        upload(uploadId).create();
        return uploadId;
    }

    @Override
    public StoredPart putPart(String key, String uploadId, int number, long offset, InputStream in, long length) throws IOException {
        if (number < 1 || number > maxParts()) throw new IllegalArgumentException("Part number " + number + " is out of range.");
        return upload(uploadId).write(number, offset, in, length);
    }

    @Override
    public boolean writesPartsInPlace() {
        return true;
    }

    @Override
    public PartWriter writePart(String key, String uploadId, int number, long offset) throws IOException {
        if (number < 1 || number > maxParts()) throw new IllegalArgumentException("Part number " + number + " is out of range.");
        return upload(uploadId).open(number, offset);
    }

    @Override
    public void completeParts(String key, String uploadId, List<StoredPart> parts) throws IOException {
        resolve(key); // a bad key fails before the upload is closed
        upload(uploadId).complete(parts, data -> moveIntoPlace(data, key));
        deleteTree(partsOf(uploadId));
    }

    @Override
    public Optional<InputStream> openParts(String key, String uploadId, List<StoredPart> parts, long from) throws IOException {
        return Optional.of(upload(uploadId).open(parts, from));
    }

    @Override
    public boolean readsUnfinishedParts() {
        return true;
    }

    @Override
    public void abortParts(String key, String uploadId) throws IOException {
        Path dir = partsOf(uploadId);
        if (!Files.isDirectory(dir)) return;
        upload(uploadId).close();
        deleteTree(dir);
    }

    @Override
    public long minPartSize() {
        return 1;
    }

    @Override
    public int maxParts() {
        return Integer.MAX_VALUE;
    }

    private LocalMultipartUpload upload(String uploadId) {
        return new LocalMultipartUpload(uploadId, partsOf(uploadId));
    }

    private Path partsOf(String uploadId) {
        return multipart.resolve(UUID.fromString(uploadId).toString()); // a handle that is not a UUID names nothing here
    }

    private void moveIntoPlace(Path tmp, String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || p.equals(root) || p.startsWith(incoming) || p.startsWith(multipart)) {
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
