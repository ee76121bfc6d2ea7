package io.toktik.media;

import java.awt.image.BufferedImage;

/**
 * How much a frame shows, from its luma: the Shannon entropy of the 256-bin histogram (0 for a flat frame, up to
 * 8 bits), halved for frames that are almost black or almost white on average, such as fades and title cards.
 *
 * @param meanLuma average BT.709 luma, 0..255
 * @param entropy  bits per pixel of the luma histogram
 */
record FrameScore(double meanLuma, double entropy) {

    private static final double DARKEST_USEFUL = 24;
    private static final double BRIGHTEST_USEFUL = 232;

    static FrameScore of(BufferedImage image) {
        long[] histogram = new long[256];
        long sum = 0;
        int width = image.getWidth();
        int height = image.getHeight();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int luma = (int) Math.round(0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF)
                        + 0.0722 * (rgb & 0xFF));
                histogram[luma]++;
                sum += luma;
            }
        }
        long pixels = (long) width * height;
        double entropy = 0;
        for (long count : histogram) {
            if (count > 0) {
                double p = (double) count / pixels;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return new FrameScore((double) sum / pixels, entropy);
    }

    /** Higher is a better poster. */
    double value() {
        boolean blank = meanLuma < DARKEST_USEFUL || meanLuma > BRIGHTEST_USEFUL;
        return blank ? entropy / 2 : entropy;
    }
}
