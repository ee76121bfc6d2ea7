package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosterMakerTest {

    private final MediaProber prober = new MediaProber();
    private final PosterMaker posters = new PosterMaker(FFMPEG);

    @TempDir
    Path dir;

    @Test
    void landscapePosterKeepsTheSourceSize() throws Exception {
        BufferedImage poster = poster(CLIPS.landscape());

        assertThat(poster.getWidth()).isEqualTo(640);
        assertThat(poster.getHeight()).isEqualTo(360);
    }

    @Test
    void rotatedPhoneClipGivesAPortraitPoster() throws Exception {
        BufferedImage poster = poster(CLIPS.rotatedPhone());

        assertThat(poster.getWidth()).isEqualTo(360);
        assertThat(poster.getHeight()).isEqualTo(640);
    }

    @Test
    void worksForASubSecondClip() throws Exception {
        BufferedImage poster = poster(CLIPS.subSecond());

        assertThat(poster.getWidth()).isEqualTo(320);
    }

    @Test
    void skipsABlackOpening() throws Exception {
        BufferedImage poster = poster(CLIPS.blackStart());

        assertThat(meanBrightness(poster)).isGreaterThan(40);
    }

    @Test
    void limitsTheLongSideTo1280() {
        assertThat(PosterMaker.posterSize(1920, 1080)).containsExactly(1280, 720);
        assertThat(PosterMaker.posterSize(1080, 1920)).containsExactly(720, 1280);
        assertThat(PosterMaker.posterSize(3840, 1600)).containsExactly(1280, 534);
        assertThat(PosterMaker.posterSize(640, 360)).containsExactly(640, 360);
    }

    @Test
    void replacesAnExistingPoster() throws Exception {
        Path out = dir.resolve("poster.jpg");
        posters.poster(CLIPS.landscape(), prober.probe(CLIPS.landscape()), out);
        posters.poster(CLIPS.portrait(), prober.probe(CLIPS.portrait()), out);

        assertThat(ImageIO.read(out.toFile()).getHeight()).isEqualTo(640);
        assertThat(dir.resolve("poster.jpg.part")).doesNotExist();
    }

    private BufferedImage poster(Path clip) throws Exception {
        Path out = dir.resolve("poster.jpg");
        posters.poster(clip, prober.probe(clip), out);
        return ImageIO.read(out.toFile());
    }

    private static double meanBrightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
