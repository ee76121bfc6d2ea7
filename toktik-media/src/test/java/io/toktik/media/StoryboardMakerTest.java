package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryboardMakerTest {

    private static final Pattern CUE = Pattern.compile(
            "(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3})\\n"
                    + "sprite\\.jpg#xywh=(\\d+),(\\d+),(\\d+),(\\d+)\\n");

    private final MediaProber prober = new MediaProber();
    private final StoryboardMaker maker = new StoryboardMaker(FFMPEG);

    @TempDir
    Path dir;

    @Test
    void sevenSecondClipGetsFourTilesOnOneSprite() throws Exception {
        Path clip = CLIPS.landscape(Duration.ofSeconds(7));

        StoryboardPlan plan = maker.make(clip, prober.probe(clip), dir);

        assertThat(plan.tiles()).isEqualTo(4);
        List<Cue> cues = assertValidStoryboard(plan);
        assertThat(cues).hasSize(4);
        assertThat(cues.getLast().endMs()).isEqualTo(7_000);
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals(StoryboardMaker.SPRITE));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder(StoryboardMaker.SPRITE, StoryboardMaker.VTT);
    }

    @Test
    void portraitPhoneClipGetsTallTiles() throws Exception {
        StoryboardPlan plan = maker.make(CLIPS.rotatedPhone(), prober.probe(CLIPS.rotatedPhone()), dir);

        assertThat(plan.tileWidth()).isEqualTo(160);
        assertThat(plan.tileHeight()).isEqualTo(284);
        assertValidStoryboard(plan);
    }

    @Test
    void halfSecondClipGetsOneTile() throws Exception {
        StoryboardPlan plan = maker.make(CLIPS.halfSecond(), prober.probe(CLIPS.halfSecond()), dir);

        assertThat(assertValidStoryboard(plan)).singleElement()
                .satisfies(cue -> assertThat(cue.endMs()).isBetween(450L, 550L));
    }

    @Test
    void hdrClipGivesAToneMappedSprite() throws Exception {
        StoryboardPlan plan = maker.make(CLIPS.hdr(), prober.probe(CLIPS.hdr()), dir);

        assertValidStoryboard(plan);
    }

    private record Cue(long startMs, long endMs, int x, int y, int w, int h) {
    }

    /** The VTT parses; cues follow each other without gaps, every {@code xywh} lies inside the sprite. */
    private List<Cue> assertValidStoryboard(StoryboardPlan plan) throws Exception {
        BufferedImage sprite = ImageIO.read(dir.resolve(StoryboardMaker.SPRITE).toFile());
        assertThat(sprite.getWidth()).isEqualTo(plan.spriteWidth());
        assertThat(sprite.getHeight()).isEqualTo(plan.spriteHeight());
        String vtt = Files.readString(dir.resolve(StoryboardMaker.VTT));
        assertThat(vtt).startsWith("WEBVTT\n\n");
        Matcher matcher = CUE.matcher(vtt.substring("WEBVTT\n\n".length()));
        List<Cue> cues = new java.util.ArrayList<>();
        int position = 0;
        while (matcher.find() && matcher.start() == position) {
            cues.add(new Cue(ms(matcher, 1), ms(matcher, 5), Integer.parseInt(matcher.group(9)),
                    Integer.parseInt(matcher.group(10)), Integer.parseInt(matcher.group(11)),
                    Integer.parseInt(matcher.group(12))));
            position = matcher.end() + 1;
        }
        assertThat(position - 1).isEqualTo(vtt.length() - "WEBVTT\n\n".length());
        assertThat(cues).hasSize(plan.tiles());
        long expectedStart = 0;
        for (Cue cue : cues) {
            assertThat(cue.startMs()).isEqualTo(expectedStart);
            assertThat(cue.endMs()).isGreaterThan(cue.startMs());
            assertThat(cue.x() + cue.w()).isLessThanOrEqualTo(sprite.getWidth());
            assertThat(cue.y() + cue.h()).isLessThanOrEqualTo(sprite.getHeight());
            expectedStart = cue.endMs();
        }
        return cues;
    }

    private static long ms(Matcher m, int first) {
        return ((Long.parseLong(m.group(first)) * 60 + Long.parseLong(m.group(first + 1))) * 60
                + Long.parseLong(m.group(first + 2))) * 1000 + Long.parseLong(m.group(first + 3));
    }
}
