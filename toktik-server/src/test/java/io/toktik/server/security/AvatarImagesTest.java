package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.server.delivery.AvatarImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class AvatarImagesTest {

    @Test
    void anyPicture_becomesA256SquareJpeg() throws Exception {
        for (String format : new String[] {"png", "jpeg", "gif"}) {
            for (int[] size : new int[][] {{1000, 600}, {300, 900}, {40, 40}}) {
                byte[] jpeg = AvatarImages.squareJpeg(Images.picture(format, size[0], size[1]));
                BufferedImage out = Images.read(jpeg);
                assertThat(out.getWidth()).as(format).isEqualTo(256);
                assertThat(out.getHeight()).isEqualTo(256);
                assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
            }
        }
    }

    @Test
    void notAPicture_isRefused_butWebpIsNamedUnsupported() {
        assertThatThrownBy(() -> AvatarImages.squareJpeg("plain text".getBytes()))
                .isInstanceOfSatisfying(AvatarImages.Refused.class, e -> assertThat(e.unsupportedType()).isFalse());
        assertThatThrownBy(() -> AvatarImages.squareJpeg("RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(AvatarImages.Refused.class, e -> assertThat(e.unsupportedType()).isTrue());
    }

    @Test
    void pngClaimingHugeDimensions_isRefusedWithoutDecoding() {
        assertThatThrownBy(() -> AvatarImages.squareJpeg(pngHeaderOnly(100_000, 100_000)))
                .isInstanceOf(AvatarImages.Refused.class).hasMessageContaining("too large");
    }

    /** A PNG signature and IHDR chunk claiming the size, and nothing more: a decompression bomb's opening. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
