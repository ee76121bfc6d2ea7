package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryboardPlanTest {

    @Test
    void shortVideoGetsATileEveryTwoSecondsInOneRow() {
        StoryboardPlan plan = StoryboardPlan.of(source(1280, 720, 0, 15_000));

        assertThat(plan.intervalSeconds()).isEqualTo(2);
        assertThat(plan.tiles()).isEqualTo(8);
        assertThat(plan.columns()).isEqualTo(8);
        assertThat(plan.rows()).isEqualTo(1);
        assertThat(plan.tileWidth()).isEqualTo(160);
        assertThat(plan.tileHeight()).isEqualTo(90);
        assertThat(plan.spriteWidth()).isEqualTo(1280);
        assertThat(plan.spriteHeight()).isEqualTo(90);
    }

    @Test
    void longVideoWidensTheIntervalToStayAtOrBelow100Tiles() {
        StoryboardPlan tenMinutes = StoryboardPlan.of(source(1920, 1080, 0, 600_000));
        StoryboardPlan hour = StoryboardPlan.of(source(1920, 1080, 0, 3_600_500));

        assertThat(tenMinutes.intervalSeconds()).isEqualTo(6);
        assertThat(tenMinutes.tiles()).isEqualTo(100);
        assertThat(tenMinutes.columns()).isEqualTo(10);
        assertThat(tenMinutes.rows()).isEqualTo(10);
        assertThat(hour.intervalSeconds()).isEqualTo(37);
        assertThat(hour.tiles()).isLessThanOrEqualTo(100);
    }

    @Test
    void portraitTilesAreTallAndRotationIsApplied() {
        StoryboardPlan plan = StoryboardPlan.of(source(1920, 1080, 90, 4_000));

        assertThat(plan.tileWidth()).isEqualTo(160);
        assertThat(plan.tileHeight()).isEqualTo(284);
    }

    @Test
    void subSecondVideoHasOneTileAndNarrowVideoIsNotUpscaled() {
        StoryboardPlan plan = StoryboardPlan.of(source(120, 90, 0, 400));

        assertThat(plan.tiles()).isEqualTo(1);
        assertThat(plan.tileWidth()).isEqualTo(120);
        assertThat(plan.tileHeight()).isEqualTo(90);
    }

    @Test
    void vttHasOneCuePerTileEndingWithTheVideo() {
        StoryboardPlan plan = StoryboardPlan.of(source(1280, 720, 0, 23_500));

        String vtt = StoryboardVtt.render(plan, "sprite.jpg");

        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite.jpg#xywh=0,0,160,90\n");
        assertThat(vtt).contains("\n00:00:18.000 --> 00:00:20.000\nsprite.jpg#xywh=1440,0,160,90\n");
        assertThat(vtt).endsWith("\n00:00:22.000 --> 00:00:23.500\nsprite.jpg#xywh=160,90,160,90\n");
        assertThat(vtt.split("-->")).hasSize(13);
    }

    @Test
    void truncatedPlanKeepsTheLayout() {
        StoryboardPlan plan = StoryboardPlan.of(source(1280, 720, 0, 30_000)).truncatedTo(12);

        assertThat(plan.tiles()).isEqualTo(12);
        assertThat(plan.columns()).isEqualTo(10);
        assertThat(plan.rows()).isEqualTo(2);
    }

    private static MediaInfo source(int width, int height, int rotation, long durationMs) {
        VideoStream video = new VideoStream(0, "h264", width, height, rotation, "yuv420p", 8, 30, false, "bt709",
                "bt709", "bt709", "progressive", 100, 40, 0, null, durationMs);
        return new MediaInfo(durationMs, "mov,mp4,m4a,3gp,3g2,mj2", 0, video, null);
    }
}
