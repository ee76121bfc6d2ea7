package io.toktik.server.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.media.EncodeOptions.Span;
import io.toktik.media.MediaInfo;
import io.toktik.media.Rendition;
import io.toktik.media.VideoStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkingTest {
    private static final List<Rendition> LADDER = List.of(
            new Rendition("240p", 426, 240, 1, 1, 0), new Rendition("360p", 640, 360, 1, 1, 0),
            new Rendition("720p", 1280, 720, 1, 1, 0));

    @Test
    void aShortSource_isOneJobForEveryRenditionAfterTheLowest() {
        assertThat(new Chunking(120).rest(source(120_000), LADDER))
                .containsExactly(TranscodePayload.whole(List.of("360p", "720p")));
    }

    @Test
    void aLongSource_isSplitOnTheSegmentGrid_theLastSpanRunningToTheEnd() {
        List<TranscodePayload> jobs = new Chunking(10).rest(source(20_000), LADDER); // 10 s → 8 s spans
        assertThat(jobs).extracting(TranscodePayload::span)
                .containsExactly(new Span(0, 8), new Span(8, 8), new Span(16, 0));
        assertThat(jobs).allSatisfy(j -> assertThat(j.renditions()).containsExactly("360p", "720p"));
    }

    @Test
    void aLastSpanUnderASecond_isFoldedIntoTheOneBefore() {
        assertThat(new Chunking(8).rest(source(16_900), LADDER)).extracting(TranscodePayload::span)
                .containsExactly(new Span(0, 8), new Span(8, 0));
    }

    @Test
    void aLadderOfOne_leavesNothingAfterTheLowest() {
        assertThat(new Chunking(8).rest(source(600_000), LADDER.subList(0, 1))).isEmpty();
    }

    @Test
    void payloads_roundTrip() {
        TranscodePayload chunk = new TranscodePayload(List.of("360p", "720p"), 2, 5, 120);
        assertThat(chunk.format()).isEqualTo("360p,720p;chunk=2/5;seconds=120");
        assertThat(TranscodePayload.parse(chunk.format())).isEqualTo(chunk);
        assertThat(TranscodePayload.parse("360p,720p")).isEqualTo(TranscodePayload.whole(List.of("360p", "720p")));
        assertThatThrownBy(() -> new Chunking(3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MediaInfo source(long durationMs) {
        VideoStream video = new VideoStream(0, "h264", 1280, 720, 0, "yuv420p", 8, 30, false, "bt709",
                "bt709", "bt709", "progressive", 100, 40, 0, null, durationMs);
        return new MediaInfo(durationMs, "mov,mp4,m4a,3gp,3g2,mj2", 0, video, null);
    }
}
