package io.toktik.media;

import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on what the encoder wrote, made with the same ffmpeg. */
final class HlsChecks {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern IDET = Pattern.compile(
            "Multi frame detection: TFF: *(\\d+) BFF: *(\\d+) Progressive: *(\\d+) Undetermined: *(\\d+)");

    private HlsChecks() {
    }

    /** Decodes every stream of {@code playlist} to the end; ffmpeg must report no error at all. */
    static void assertDecodesCleanly(Path playlist) throws MediaException {
        ProcessResult result = FFMPEG.run(List.of("-nostdin", "-v", "error", "-i", playlist.toString(),
                "-map", "0", "-f", "null", "-"), TIMEOUT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderrTail()).isBlank();
    }

    /** When a stream's first packet starts and its last one ends, in seconds. */
    record Span(double start, double end) {
    }

    /** The spans of the first video stream (key 0) and the first audio stream (key 1) of {@code media}. */
    static Map<Integer, Span> spans(Path media) throws MediaException {
        List<String> lines = new ArrayList<>();
        FFMPEG.run(List.of("-nostdin", "-v", "error", "-i", media.toString(), "-map", "0:v:0", "-map", "0:a:0",
                "-c", "copy", "-f", "framecrc", "-"), TIMEOUT, line -> {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }).orThrow("framecrc failed");
        Map<Integer, double[]> timeBases = new HashMap<>();
        Map<Integer, Span> spans = new HashMap<>();
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith("#tb ")) {
                    String[] parts = line.substring(4).split("[:/ ]+");
                    timeBases.put(Integer.parseInt(parts[0]),
                            new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split(",\\s*");
                    int stream = Integer.parseInt(fields[0]);
                    double[] tb = timeBases.get(stream);
                    double pts = Long.parseLong(fields[2]) * tb[0] / tb[1];
                    double end = pts + Long.parseLong(fields[3]) * tb[0] / tb[1];
                    Span before = spans.get(stream);
                    spans.put(stream, before == null ? new Span(pts, end)
                            : new Span(Math.min(before.start(), pts), Math.max(before.end(), end)));
                }
            }
        }
        return spans;
    }

    /** Share of frames that ffmpeg's {@code idet} filter finds combed (top or bottom field first), 0..1. */
    static double interlacedShare(Path media) throws MediaException {
        ProcessResult result = FFMPEG.run(List.of("-nostdin", "-hide_banner", "-nostats", "-i", media.toString(),
                "-map", "0:v:0", "-vf", "idet", "-f", "null", "-"), TIMEOUT).orThrow("idet failed");
        Matcher m = IDET.matcher(result.stderrTail());
        assertThat(m.find()).as("idet summary in %s", result.stderrTail()).isTrue();
        double interlaced = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
        return interlaced / (interlaced + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
    }

    /** The dominant tone of the first audio stream, in Hz, from the zero crossings of its mono mix. */
    static double toneHertz(Path media, Path scratch) throws MediaException, IOException {
        Path raw = scratch.resolve("tone.raw");
        FFMPEG.run(List.of("-nostdin", "-v", "error", "-y", "-i", media.toString(), "-map", "0:a:0", "-ac", "1",
                "-ar", "48000", "-f", "s16le", raw.toString()), TIMEOUT).orThrow("decoding audio failed");
        ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int count = samples.remaining() / 2;
        int upward = 0;
        short previous = samples.getShort();
        for (int i = 1; i < count; i++) {
            short sample = samples.getShort();
            if (previous < 0 && sample >= 0) {
                upward++;
            }
            previous = sample;
        }
        return upward / (count / 48_000.0);
    }
}
