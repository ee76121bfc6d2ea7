package io.toktik.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {
    @TempDir
    Path root;

    @Test
    void write_thenReadFromAnOffset() throws Exception {
        BlobStore store = new FileSystemBlobStore(root);
        assertThat(store.write("videos/a/source", new ByteArrayInputStream("hello world".getBytes()), 100)).isEqualTo(11);
        BlobStore.Blob blob = store.get("videos/a/source").orElseThrow();
        assertThat(blob.length()).isEqualTo(11);
        try (InputStream in = blob.open(6)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("world");
        }
    }

    @Test
    void write_overTheLimit_storesNothing() throws Exception {
        BlobStore store = new FileSystemBlobStore(root);
        assertThatThrownBy(() -> store.write("videos/b/source", new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(store.get("videos/b/source")).isEmpty();
        try (var files = Files.list(root.resolve(".incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void deleteAll_removesEveryBlobUnderThePrefix() throws Exception {
        BlobStore store = new FileSystemBlobStore(root);
        store.write("videos/c/hls/240p/seg_00000.ts", new ByteArrayInputStream(new byte[3]), 10);
        store.write("videos/c/poster.jpg", new ByteArrayInputStream(new byte[3]), 10);
        store.write("videos/d/poster.jpg", new ByteArrayInputStream(new byte[3]), 10);
        store.deleteAll("videos/c/");
        assertThat(store.get("videos/c/poster.jpg")).isEmpty();
        assertThat(store.get("videos/c/hls/240p/seg_00000.ts")).isEmpty();
        assertThat(store.get("videos/d/poster.jpg")).isPresent();
    }

    @Test
    void keysThatEscapeTheRoot_areRefused() throws Exception {
        BlobStore store = new FileSystemBlobStore(root);
        assertThatThrownBy(() -> store.get("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.write(".incoming/x", InputStream.nullInputStream(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safeRelativePaths_acceptPlainNamesOnly() {
        assertThat(BlobKeys.isSafeRelativePath("hls/720p/seg_00001.ts")).isTrue();
        assertThat(BlobKeys.isSafeRelativePath("hls/../source")).isFalse();
        assertThat(BlobKeys.isSafeRelativePath("/etc/passwd")).isFalse();
        assertThat(BlobKeys.isSafeRelativePath("hls//x.ts")).isFalse();
    }
}
