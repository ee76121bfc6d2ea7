package io.toktik.server.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.FileSystemBlobStore;
import io.toktik.media.MediaPlaylist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a rendition while ffmpeg writes it: the playlist as ffmpeg rewrites it after each segment. */
class GrowingRenditionTest {
    @TempDir
    Path temp;
    private FileSystemBlobStore blobs;
    private Path local;
    private final UUID video = UUID.randomUUID();
    private final AtomicInteger playable = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        blobs = new FileSystemBlobStore(temp.resolve("blobs"));
        local = Files.createDirectories(temp.resolve("work/240p"));
    }

    @Test
    void eachFinishedSegmentIsStoredBeforeThePlaylistThatListsIt_andEndlistComesLast() throws Exception {
        GrowingRendition growing = rendition();
        assertThat(growing.sync().segments()).isEmpty();
        assertThat(stored("index.m3u8")).isNull();
        assertThat(playable).hasValue(0);

        ffmpegFinished(1, false);
        Files.writeString(local.resolve("seg_00001.ts"), "half a segment still being written");
        growing.sync();
        assertThat(stored("seg_00000.ts")).isEqualTo("segment 0");
        assertThat(stored("seg_00001.ts")).as("not listed yet").isNull();
        assertThat(storedPlaylist().segments()).hasSize(1);
        assertThat(storedPlaylist().ended()).isFalse();
        assertThat(stored("index.m3u8")).contains("#EXT-X-PLAYLIST-TYPE:EVENT");
        assertThat(playable).as("playable from the first segment").hasValue(1);

        ffmpegFinished(3, false);
        growing.sync();
        assertThat(storedPlaylist().segments()).hasSize(3);
        assertThat(stored("seg_00002.ts")).isEqualTo("segment 2");

        ffmpegFinished(4, true);
        growing.finish();
        assertThat(storedPlaylist().segments()).hasSize(4);
        assertThat(storedPlaylist().ended()).isTrue();
        assertThat(playable).as("told once").hasValue(1);
    }

    @Test
    void aRerunAfterACrash_neverShrinksThePublishedPlaylist_andContinuesPastIt() throws Exception {
        ffmpegFinished(3, false);
        rendition().sync(); // the first attempt published 3 segments, then its worker died

        Files.writeString(local.resolve("seg_00000.ts"), "re-encoded 0");
        ffmpegFinished(2, false); // the second attempt starts over
        GrowingRendition rerun = rendition();
        rerun.sync();
        assertThat(storedPlaylist().segments()).hasSize(3);
        assertThat(stored("seg_00000.ts")).as("left as published").isEqualTo("segment 0");

        ffmpegFinished(5, true);
        rerun.finish();
        assertThat(storedPlaylist().segments()).hasSize(5);
        assertThat(storedPlaylist().ended()).isTrue();
    }

    @Test
    void finish_failsWhenTheEncoderDidNotCloseThePlaylist() throws Exception {
        ffmpegFinished(2, false);
        GrowingRendition growing = rendition();
        assertThatThrownBy(growing::finish).isInstanceOf(IOException.class);
        assertThat(storedPlaylist().ended()).isFalse();
    }

    private GrowingRendition rendition() throws IOException {
        return new GrowingRendition(blobs, video, "240p", local, () -> playable.incrementAndGet() > 0).resume();
    }

    /** What ffmpeg's hls muxer leaves after {@code count} closed segments: the segments, then the playlist. */
    private void ffmpegFinished(int count, boolean ended) throws IOException {
        StringBuilder playlist = new StringBuilder("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:EVENT
                #EXT-X-INDEPENDENT-SEGMENTS
                """);
        for (int i = 0; i < count; i++) {
            String name = "seg_%05d.ts".formatted(i);
            if (!Files.exists(local.resolve(name)) || i == count - 1) Files.writeString(local.resolve(name), "segment " + i);
            playlist.append("#EXTINF:4.000000,\n").append(name).append('\n');
        }
        if (ended) playlist.append("#EXT-X-ENDLIST\n");
        Files.writeString(local.resolve("index.m3u8"), playlist);
    }

    private MediaPlaylist storedPlaylist() throws IOException {
        return MediaPlaylist.parse(stored("index.m3u8"));
    }

    private String stored(String file) throws IOException {
        var blob = blobs.get(BlobKeys.hls(video, "240p/" + file));
        if (blob.isEmpty()) return null;
        try (InputStream in = blob.get().open(0)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
