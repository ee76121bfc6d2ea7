package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/** Local disk for the worker: a scratch area per job, and the source file of a video. */
final class MediaWorkspace {
    private final Path root;
    private final BlobStore blobs;

    MediaWorkspace(Path root, BlobStore blobs) throws IOException {
        this.root = root;
        this.blobs = blobs;
        WorkArea.deleteTree(root); // left over from a process that died; its jobs run again from scratch
        Files.createDirectories(root);
    }

    WorkArea open(Job job) throws IOException {
        return new WorkArea(root.resolve(job.kind() + "-" + job.id() + "-" + job.attempt()));
    }

    /** The video's source as a local file: the stored file itself when storage is local, else a download. */
    Path source(UUID videoId, WorkArea area) throws IOException {
        String key = BlobKeys.source(videoId);
        BlobStore.Blob blob = blobs.get(key).orElseThrow(() -> new NoSuchFileException(key));
        if (blob.localFile().isPresent()) return blob.localFile().get();
        Path target = area.resolve("source");
        blobs.download(key, target);
        return target;
    }
}
