package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameScoreTest {

    @Test
    void flatFramesScoreZero() {
        assertThat(FrameScore.of(filled(Color.BLACK)).value()).isZero();
        assertThat(FrameScore.of(filled(Color.GRAY)).value()).isZero();
    }

    @Test
    void detailedFrameBeatsANoisyDarkOne() {
        BufferedImage bars = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage darkNoise = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 64; y++) {
                bars.setRGB(x, y, new Color(x, x, x).getRGB());
                int level = (x * 7 + y * 13) % 16;
                darkNoise.setRGB(x, y, new Color(level, level, level).getRGB());
            }
        }

        FrameScore detailed = FrameScore.of(bars);
        FrameScore dark = FrameScore.of(darkNoise);

        assertThat(detailed.entropy()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dark.meanLuma()).isLessThan(16);
        assertThat(detailed.value()).isGreaterThan(dark.value());
    }

    private static BufferedImage filled(Color color) {
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 36);
        g.dispose();
        return image;
    }
}
