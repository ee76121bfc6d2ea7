package io.toktik.server.worker;

import io.toktik.media.EncodeOptions;
import java.util.Arrays;
import java.util.List;

/**
 * What a transcode job encodes: renditions by name, and for a long source one chunk of it —
 * {@code 360p,720p} or {@code 360p,720p;chunk=2/5;seconds=120} (the third of five 120 s spans; the last runs to the end).
 */
record TranscodePayload(List<String> renditions, int chunk, int chunks, int chunkSeconds) {

    static TranscodePayload whole(List<String> renditions) {
        return new TranscodePayload(renditions, 0, 0, 0);
    }

    static TranscodePayload parse(String payload) {
        String[] parts = payload.split(";");
        List<String> names = Arrays.asList(parts[0].split(","));
        if (parts.length == 1) return whole(names);
        String[] chunk = value(parts[1], "chunk").split("/");
        return new TranscodePayload(names, Integer.parseInt(chunk[0]), Integer.parseInt(chunk[1]),
                Integer.parseInt(value(parts[2], "seconds")));
    }

    boolean isChunk() {
        return chunks > 0;
    }

    /** The part of the source this job encodes. */
    EncodeOptions.Span span() {
        if (!isChunk()) return EncodeOptions.Span.WHOLE;
        return new EncodeOptions.Span(chunk * chunkSeconds, chunk == chunks - 1 ? 0 : chunkSeconds);
    }

    String format() {
        String names = String.join(",", renditions);
        return isChunk() ? names + ";chunk=" + chunk + "/" + chunks + ";seconds=" + chunkSeconds : names;
    }

    private static String value(String part, String key) {
        if (!part.startsWith(key + "=")) throw new IllegalArgumentException("not " + key + ": " + part);
        return part.substring(key.length() + 1);
    }
}
