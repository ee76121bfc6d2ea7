package io.toktik.media;

import java.nio.charset.StandardCharsets;

/** Keeps only the last {@code capacity} bytes written to it; thread-safe. */
final class TailBuffer {

    private final byte[] ring;
    private long written;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    /** The retained bytes as text, starting at a line boundary when some were dropped. */
    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (written > ring.length) {
            int newline = text.indexOf('\n');
            if (newline >= 0 && newline < text.length() - 1) {
                text = text.substring(newline + 1);
            }
        }
        return text;
    }
}
