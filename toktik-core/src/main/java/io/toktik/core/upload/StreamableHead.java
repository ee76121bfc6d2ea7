package io.toktik.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file's first bytes show a container that ffmpeg can read front to back while the rest still arrives:
 * MPEG-TS (a sync byte every 188 bytes), Matroska/WebM (the EBML magic), or MP4/QuickTime with its index ({@code moov})
 * before its media ({@code mdat}) — found by walking the top-level boxes, whose headers are read where they lie.
 */
final class StreamableHead {
    private static final int TS_PACKET = 188;
    private static final int TS_PACKETS_CHECKED = 4;
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final Set<String> MP4_FIRST_BOXES = Set.of("ftyp", "moov", "free", "skip", "wide");
    private static final int MAX_BOXES = 64;

    /** Reads the stored bytes from an offset; empty when the store cannot read them before the upload completes. */
    interface Bytes {
        Optional<InputStream> from(long offset) throws IOException;
    }

    private StreamableHead() {}

    /** @param stored how many bytes {@code bytes} holds */
    static boolean isStreamable(Bytes bytes, long stored) throws IOException {
        byte[] head = read(bytes, 0, TS_PACKET * TS_PACKETS_CHECKED);
        if (head.length < 8) return false;
        if (isTransportStream(head)) return true;
        if (startsWith(head, EBML)) return true;
        return moovBeforeMdat(bytes, stored, head);
    }

    private static boolean isTransportStream(byte[] head) {
        if (head.length < TS_PACKET * TS_PACKETS_CHECKED) return false;
        for (int i = 0; i < TS_PACKETS_CHECKED; i++) {
            if (head[i * TS_PACKET] != 0x47) return false;
        }
        return true;
    }

    private static boolean moovBeforeMdat(Bytes bytes, long stored, byte[] head) throws IOException {
        if (!MP4_FIRST_BOXES.contains(type(head))) return false;
        long offset = 0;
        for (int i = 0; i < MAX_BOXES && offset + 8 <= stored; i++) {
            byte[] header = offset == 0 ? head : read(bytes, offset, 16);
            if (header.length < 8) return false;
            String type = type(header);
            if (type.equals("moov")) return true;
            if (type.equals("mdat") || !type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) return false;
            long size = Integer.toUnsignedLong(int32(header, 0));
            if (size == 1 && header.length >= 16) size = int32(header, 8) * (1L << 32) + Integer.toUnsignedLong(int32(header, 12));
            if (size < 8) return false; // 0: the box runs to the end of the file, so no moov after it
            offset += size;
        }
        return false;
    }

    private static String type(byte[] header) {
        return new String(header, 4, 4, StandardCharsets.ISO_8859_1);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) return false;
        }
        return true;
    }

    private static byte[] read(Bytes bytes, long offset, int length) throws IOException {
        Optional<InputStream> in = bytes.from(offset);
        if (in.isEmpty()) return new byte[0];
        try (InputStream stream = in.get()) {
            return stream.readNBytes(length);
        }
    }
}
