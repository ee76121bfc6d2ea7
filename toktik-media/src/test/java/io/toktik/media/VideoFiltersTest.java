package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoFiltersTest {

    @ParameterizedTest(name = "{0} fps → {1} fps")
    @CsvSource({"120, 60", "119.88, 60", "100, 50", "144, 48", "240, 60", "90, 45", "60, 60", "59.94, 60",
            "30, 30", "29.97, 30", "25, 25", "0, 30"})
    void frameRatesAbove60AreDividedEvenly(double source, int output) {
        assertThat(VideoFilters.frameRate(stream(source, "bt709", "bt709", "bt709", "progressive", 0))).isEqualTo(output);
    }

    @Test
    void progressiveSdrNeedsNoFilter() {
        assertThat(VideoFilters.normalize(stream(30, "bt709", "bt709", "bt709", "progressive", 0))).isEmpty();
        assertThat(VideoFilters.normalize(stream(30, "unknown", "unknown", "unknown", "unknown", 0))).isEmpty();
    }

    @Test
    void interlacedIsDeinterlacedWithTheProbedFieldOrder() {
        assertThat(VideoFilters.normalize(stream(30, "bt709", "bt709", "bt709", "tt", 0)))
                .containsExactly("bwdif=mode=send_frame:parity=tff:deint=all");
        assertThat(VideoFilters.normalize(stream(25, "bt709", "bt709", "bt709", "bb", 0)))
                .containsExactly("bwdif=mode=send_frame:parity=bff:deint=all");
    }

    @Test
    void pqIsToneMappedFromItsOwnPrimariesToBt709Yuv() {
        assertThat(VideoFilters.normalize(stream(30, "smpte2084", "bt2020", "bt2020nc", "progressive", 0)))
                .containsExactly("zscale=tin=smpte2084:pin=bt2020:min=bt2020nc:t=linear:npl=100",
                        "format=gbrpf32le", "zscale=p=bt709", "tonemap=tonemap=hable:desat=0",
                        "zscale=t=bt709:m=bt709:p=bt709:r=tv", "format=yuv420p");
    }

    @Test
    void hlgWithoutPrimaryTagsIsTakenAsBt2020() {
        assertThat(VideoFilters.normalize(stream(30, "arib-std-b67", "unknown", "unknown", "progressive", 0)).getFirst())
                .isEqualTo("zscale=tin=arib-std-b67:pin=bt2020:min=bt2020nc:t=linear:npl=100");
    }

    @Test
    void interlacedHdrIsDeinterlacedBeforeToneMapping() {
        assertThat(VideoFilters.normalize(stream(30, "smpte2084", "bt2020", "bt2020nc", "bb", 0)))
                .first().asString().startsWith("bwdif");
    }

    @Test
    void audioIsPaddedOrCutToTheVideoStreamsOwnDuration() {
        MediaInfo info = new MediaInfo(3_000, "mov,mp4,m4a,3gp,3g2,mj2", 0,
                stream(30, "bt709", "bt709", "bt709", "progressive", 2_000), new AudioStream(1, "aac", 1, 48_000, 0));

        assertThat(VideoFilters.audio(info)).isEqualTo("aresample=async=1:first_pts=0,apad,atrim=end=2.000");
    }

    @Test
    void audioFollowsTheFileWhenTheVideoStreamHasNoDuration() {
        MediaInfo info = new MediaInfo(3_500, "matroska,webm", 0,
                stream(30, "bt709", "bt709", "bt709", "progressive", 0), new AudioStream(1, "aac", 1, 48_000, 0));

        assertThat(VideoFilters.audio(info)).endsWith("atrim=end=3.500");
    }

    static VideoStream stream(double fps, String transfer, String primaries, String matrix, String fieldOrder,
                              long durationMs) {
        return new VideoStream(0, "h264", 1920, 1080, 0, "yuv420p10le", 10, fps, false, transfer, primaries, matrix,
                fieldOrder, 110, 40, 0, null, durationMs);
    }
}
