package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {

    private final LadderPlanner planner = new LadderPlanner();

    @Test
    void landscape1080pGetsFiveRungsLowestFirst() {
        List<Rendition> ladder = planner.plan(source(1920, 1080, 0, 30, true));

        assertThat(ladder).extracting(Rendition::name).containsExactly("240p", "360p", "480p", "720p", "1080p");
        assertThat(ladder).extracting(r -> r.width() + "x" + r.height())
                .containsExactly("426x240", "640x360", "854x480", "1280x720", "1920x1080");
    }

    @Test
    void portraitStaysPortrait() {
        List<Rendition> ladder = planner.plan(source(1080, 1920, 0, 30, true));

        assertThat(ladder).extracting(r -> r.width() + "x" + r.height())
                .containsExactly("240x426", "360x640", "480x854", "720x1280", "1080x1920");
        assertThat(ladder).extracting(Rendition::name).containsExactly("240p", "360p", "480p", "720p", "1080p");
    }

    @Test
    void squareStaysSquare() {
        assertThat(planner.plan(source(720, 720, 0, 30, true))).extracting(r -> r.width() + "x" + r.height())
                .containsExactly("240x240", "360x360", "480x480", "720x720");
    }

    @Test
    void rotatedSourceIsPlannedInDisplayOrientation() {
        List<Rendition> ladder = planner.plan(source(1280, 720, 90, 30, true));

        assertThat(ladder).extracting(r -> r.width() + "x" + r.height())
                .containsExactly("240x426", "360x640", "480x854", "720x1280");
    }

    @Test
    void fourKSourceIsCappedAt1080p() {
        List<Rendition> ladder = planner.plan(source(3840, 2160, 0, 30, true));

        assertThat(ladder.getLast()).extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactly("1080p", 1920, 1080);
        assertThat(ladder).hasSize(5);
    }

    @Test
    void neverUpscalesA480pSource() {
        List<Rendition> ladder = planner.plan(source(854, 480, 0, 30, true));

        assertThat(ladder).extracting(Rendition::name).containsExactly("240p", "360p", "480p");
        assertThat(ladder).allSatisfy(r -> assertThat(r.width()).isLessThanOrEqualTo(854));
    }

    @Test
    void sourceJustBelowARungGetsThatRungAtItsOwnSize() {
        assertThat(planner.plan(source(1279, 719, 0, 30, true))).extracting(r -> r.name() + "=" + r.width() + "x"
                + r.height()).containsExactly("240p=426x240", "360p=640x360", "480p=854x480", "720p=1278x718");
        assertThat(planner.plan(source(853, 479, 0, 30, true))).extracting(r -> r.name() + "=" + r.width() + "x"
                + r.height()).containsExactly("240p=428x240", "360p=642x360", "480p=852x478");
    }

    @Test
    void oddSizedSourceGetsEvenDimensions() {
        List<Rendition> ladder = planner.plan(source(321, 241, 0, 25, true));

        assertThat(ladder).extracting(r -> r.width() + "x" + r.height()).containsExactly("320x240");
    }

    @Test
    void tinySourceGetsOneRenditionAtItsOwnSize() {
        assertThat(planner.plan(source(160, 120, 0, 30, true))).extracting(r -> r.name() + "=" + r.width() + "x"
                + r.height()).containsExactly("120p=160x120");
        assertThat(planner.plan(source(175, 99, 0, 30, true))).extracting(r -> r.name() + "=" + r.width() + "x"
                + r.height()).containsExactly("98p=174x98");
    }

    @Test
    void everyRenditionHasEvenDimensionsAndKeepsTheAspectRatio() {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}, {1440, 1080}, {1280, 544}, {719, 1279},
                {500, 333}, {2560, 1080}, {4096, 2160}}) {
            double aspect = (double) size[0] / size[1];
            assertThat(planner.plan(source(size[0], size[1], 0, 30, true))).allSatisfy(r -> {
                assertThat(r.width() % 2).isZero();
                assertThat(r.height() % 2).isZero();
                assertThat((double) r.width() / r.height()).isCloseTo(aspect,
                        Offset.offset(2.0 / Math.min(r.width(), r.height())));
            });
        }
    }

    @Test
    void bitratesGrowWithPixelsAndPeakIsOneAndAHalfTimesTheTarget() {
        List<Rendition> ladder = planner.plan(source(1920, 1080, 0, 30, true));

        assertThat(ladder).extracting(Rendition::videoBitrate).isSorted();
        assertThat(ladder.getLast().videoBitrate()).isEqualTo(5_000_000);
        assertThat(ladder.get(3).videoBitrate()).isBetween(2_400_000L, 3_000_000L);
        assertThat(ladder.getFirst().videoBitrate()).isBetween(300_000L, 500_000L);
        assertThat(ladder).allSatisfy(r -> assertThat(r.maxBitrate()).isEqualTo(Math.round(r.videoBitrate() * 1.5
                / 1000) * 1000));
    }

    @Test
    void highFrameRateGetsMoreBits() {
        long at30 = planner.plan(source(1280, 720, 0, 30, true)).getLast().videoBitrate();
        long at60 = planner.plan(source(1280, 720, 0, 59.94, true)).getLast().videoBitrate();

        assertThat(at60).isGreaterThan(at30);
    }

    @Test
    void audioIs128kAbove360pAnd96kAtOrBelowAndNoneWithoutAudio() {
        List<Rendition> ladder = planner.plan(source(1280, 720, 0, 30, true));
        assertThat(ladder).extracting(Rendition::audioBitrate).containsExactly(96_000L, 96_000L, 128_000L, 128_000L);

        assertThat(planner.plan(source(1280, 720, 0, 30, false))).extracting(Rendition::audioBitrate)
                .containsOnly(0L);
    }

    @Test
    void bandwidthEstimateIsPeakVideoPlusAudio() {
        Rendition rendition = planner.plan(source(640, 360, 0, 30, true)).getLast();

        assertThat(rendition.bandwidth()).isEqualTo(rendition.maxBitrate() + rendition.audioBitrate());
    }

    static MediaInfo source(int width, int height, int rotation, double fps, boolean audio) {
        VideoStream video = new VideoStream(0, "h264", width, height, rotation, "yuv420p", 8, fps, false, "bt709",
                "bt709", "bt709", "progressive", 100, 40, 0, null, 10_000);
        return new MediaInfo(10_000, "mov,mp4,m4a,3gp,3g2,mj2", 0, video,
                audio ? new AudioStream(1, "aac", 2, 48_000, 128_000) : null);
    }
}
