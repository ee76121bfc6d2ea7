package io.toktik.server.api;

/** Byte counts in words. */
final class Sizes {
    private Sizes() {}

    static String human(long bytes) {
        if (bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
        return bytes + " bytes";
    }
}
