package io.toktik.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamableHeadTest {

    @Test
    void transportStream_withASyncByteEvery188Bytes_isStreamable() throws Exception {
        byte[] ts = new byte[188 * 8];
        for (int i = 0; i < ts.length; i += 188) ts[i] = 0x47;
        assertThat(streamable(ts)).isTrue();
        ts[188 * 2] = 0;
        assertThat(streamable(ts)).as("one sync byte missing").isFalse();
    }

    @Test
    void matroska_isStreamable() throws Exception {
        byte[] mkv = Arrays.copyOf(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F}, 4096);
        assertThat(streamable(mkv)).isTrue();
    }

    @Test
    void mp4_isStreamableOnlyWithItsIndexBeforeItsMedia() throws Exception {
        assertThat(streamable(boxes(box("ftyp", 24), box("free", 8), box("moov", 5000), box("mdat", 100_000)))).isTrue();
        assertThat(streamable(boxes(box("ftyp", 24), box("mdat", 100_000), box("moov", 5000)))).isFalse();
        assertThat(streamable(boxes(box("ftyp", 24), box("wide", 8), box("mdat", 100_000)))).as("media before any index").isFalse();
    }

    @Test
    void mp4_withA64BitBoxSize_isWalkedPast() throws Exception {
        ByteBuffer large = ByteBuffer.allocate(40_016).putInt(1).put("free".getBytes(StandardCharsets.ISO_8859_1)).putLong(40_016);
        assertThat(streamable(boxes(box("ftyp", 24), large.array(), box("moov", 100)))).isTrue();
    }

    @Test
    void anythingElse_isNot() throws Exception {
        assertThat(streamable("RIFF....AVI LIST".repeat(100).getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(streamable(new byte[4])).isFalse();
    }

    @Test
    void aStoreThatCannotReadUnfinishedUploads_startsNothing() throws Exception {
        assertThat(StreamableHead.isStreamable(from -> Optional.empty(), 1 << 20)).isFalse();
    }

    private static boolean streamable(byte[] file) throws Exception {
        return StreamableHead.isStreamable(from -> Optional.of(new ByteArrayInputStream(file, (int) Math.min(from, file.length),
                file.length)), file.length);
    }

    private static byte[] box(String type, int size) {
        return ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1)).array();
    }

    private static byte[] boxes(byte[]... boxes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : boxes) out.writeBytes(b);
        return out.toByteArray();
    }
}
