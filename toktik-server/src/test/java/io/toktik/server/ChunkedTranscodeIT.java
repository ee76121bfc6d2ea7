package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.media.MediaInfo;
import io.toktik.media.MediaPlaylist;
import io.toktik.media.MediaProber;
import io.toktik.media.ProcessResult;
import io.toktik.tests.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A source longer than {@code toktik.media.chunk-seconds} (8 s in these tests): the renditions after the lowest are
 * encoded in 8 s chunks by separate jobs and joined; the audio is one audio-only rendition encoded once.
 */
class ChunkedTranscodeIT extends ServerIT {
    private static final long FRAME_90KHZ = 90_000 / 30;

    @Test
    void chunkedRenditions_joinIntoOneContinuousRendition_thatDecodesEndToEnd() throws Exception {
        TestClips clips = Playback.clips();
        Path source = clips.landscape(Duration.ofSeconds(20));
        long sourceMs = new MediaProber().probe(source).durationMs();
        JsonNode video = api.uploadAndAwaitComplete(api.newUser("chunks"), source);
        assertThat(video.get("status").asString()).as(String.valueOf(video.get("error"))).isEqualTo("READY");
        assertThat(video.get("renditions").findValuesAsString("name")).containsExactly("240p", "360p");

        String master = api.url(video.get("hlsUrl").asString());
        String text = api.get(master, null).text();
        assertThat(text).contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\"", "URI=\"audio/index.m3u8\"");
        assertThat(text.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("AUDIO=\"audio\"", "mp4a.40.2"));
        Playback.assertDecodesCompletely(master, 2);

        String joined = master.replace("master.m3u8", "360p/index.m3u8");
        assertThat(api.get(joined, null).text()).contains("seg_00004.ts", "#EXT-X-ENDLIST").doesNotContain("seg_00005.ts");
        for (String rendition : List.of("240p", "360p")) {
            MediaInfo played = new MediaProber().probe(master.replace("master.m3u8", rendition + "/index.m3u8"));
            assertThat(played.durationMs()).as(rendition + " lasts as long as the source")
                    .isCloseTo(sourceMs, Offset.offset(34L));
        }
        double audioSeconds = MediaPlaylist.parse(api.get(master.replace("master.m3u8", "audio/index.m3u8"), null).text())
                .segments().stream().mapToDouble(MediaPlaylist.Segment::seconds).sum();
        assertThat(Math.round(audioSeconds * 1000)).as("audio lasts as long as the source").isCloseTo(sourceMs, Offset.offset(34L));
        List<Long> lowest = videoTimestamps(master.replace("master.m3u8", "240p/index.m3u8"));
        List<Long> chunked = videoTimestamps(joined);
        assertThat(chunked).as("one frame every 1/30 s across the joins at 8 s and 16 s").hasSize(600);
        for (int i = 1; i < chunked.size(); i++) {
            assertThat(chunked.get(i) - chunked.get(i - 1)).as("frame " + i).isEqualTo(FRAME_90KHZ);
        }
        assertThat(chunked).as("aligned with the rendition encoded in one piece").isEqualTo(lowest);
    }

    /** Decode timestamps (90 kHz) of every video packet of a media playlist, as the HLS demuxer reads them. */
    private static List<Long> videoTimestamps(String playlistUrl) throws Exception {
        List<Long> dts = new ArrayList<>();
        ProcessResult listed = Playback.FFMPEG.run(List.of("-v", "error", "-copyts", "-i", playlistUrl, "-map", "0:v",
                "-c", "copy", "-copyts", "-f", "framemd5", "pipe:1"), Duration.ofMinutes(1), line -> {
                    if (line.startsWith("#tb")) assertThat(line).endsWith("1/90000");
                    if (line.startsWith("#")) return;
                    synchronized (dts) {
                        dts.add(Long.parseLong(line.split(",")[1].strip()));
                    }
                });
        assertThat(listed.exitCode()).as(listed.stderrTail()).isZero();
        synchronized (dts) {
            return List.copyOf(dts);
        }
    }
}
