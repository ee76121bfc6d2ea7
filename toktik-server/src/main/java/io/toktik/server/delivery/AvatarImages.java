package io.toktik.server.delivery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded picture (JPEG, PNG or GIF — the first frame) into a square 256×256 JPEG: the centre square,
 * scaled down in halving steps (smooth at any source size), transparency on white. The size is read before the
 * pixels, so a small file claiming a huge picture is refused without being decoded.
 */
public final class AvatarImages {
    public static final int SIZE = 256;
    /** Larger pictures are refused before decoding (a 40-megapixel picture needs 160 MB decoded). */
    private static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.88f;

    private AvatarImages() {}

    /** Why a picture cannot become an avatar. */
    public static final class Refused extends Exception {
        private final boolean unsupportedType;

        Refused(String message, boolean unsupportedType) {
            super(message);
            this.unsupportedType = unsupportedType;
        }

        /** True for an image format that is recognised but not decoded here (WebP), false for a broken or non-image. */
        public boolean unsupportedType() {
            return unsupportedType;
        }
    }

    public static byte[] squareJpeg(byte[] upload) throws Refused {
        if (isWebp(upload)) throw new Refused("WebP pictures are not supported yet: use JPEG, PNG or GIF.", true);
        if (!isJpeg(upload) && !isPng(upload) && !isGif(upload)) {
            throw new Refused("This is not a JPEG, PNG or GIF picture.", false);
        }
        BufferedImage source = decode(upload);
        return encodeJpeg(scale(centreSquare(source)));
    }

    private static BufferedImage decode(byte[] bytes) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new Refused("This picture cannot be read.", false);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new Refused("The picture is too large: at most 40 megapixels.", false);
                if (pixels == 0) throw new Refused("The picture is empty.", false);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) { // truncated, corrupt, or a kind of JPEG ImageIO cannot decode
            throw new Refused("This picture cannot be read: it is damaged or of an unsupported kind.", false);
        }
    }

    private static BufferedImage centreSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    /** Halves while more than twice too big, then one bicubic step to the size; drawn on white (no alpha in JPEG). */
    private static BufferedImage scale(BufferedImage square) {
        BufferedImage current = square;
        int side = square.getWidth();
        do {
            side = side / 2 >= SIZE ? side / 2 : SIZE;
            current = draw(current, side);
        } while (side > SIZE);
        return current;
    }

    private static BufferedImage draw(BufferedImage from, int side) {
        BufferedImage to = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(from, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isGif(byte[] b) {
        return b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }
}
