package io.toktik.tests;

import io.toktik.media.Ffmpeg;
import io.toktik.media.MediaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small media for tests and benchmarks, generated with ffmpeg's lavfi sources and cached per name in a directory. */
public final class TestClips {

    private static final Duration GENERATE_TIMEOUT = Duration.ofMinutes(5);
    private static final String H264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";
    private static final String AAC = "-c:a aac -shortest";

    private final Path dir;
    private final Ffmpeg ffmpeg;

    /**
     * Clips are written to (and reused from) {@code dir}. ffmpeg is {@code TOKTIK_FFMPEG} if set, else the bundled
     * static build, extracted once to {@code java.io.tmpdir/toktik-ffmpeg}.
     */
    public TestClips(Path dir) {
        this(dir, Ffmpeg.locate(System.getenv("TOKTIK_FFMPEG"),
                Path.of(System.getProperty("java.io.tmpdir"), "toktik-ffmpeg")));
    }

    public TestClips(Path dir, Ffmpeg ffmpeg) {
        this.dir = dir.toAbsolutePath();
        this.ffmpeg = ffmpeg;
    }

    public Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    /** 640x360, 30 fps, H.264 + AAC (48 kHz mono) in MP4. */
    public Path landscape(Duration length) {
        double s = seconds(length);
        return make("landscape-" + length.toMillis() + "ms.mp4", testsrc(640, 360, 30, s) + " " + sine(s) + " "
                + H264 + " " + AAC);
    }

    /** 3 s of {@link #landscape(Duration)}. */
    public Path landscape() {
        return landscape(Duration.ofSeconds(3));
    }

    /** 1920x1080, 30 fps, H.264 + AAC in MP4: benchmark input. */
    public Path hd1080(Duration length) {
        double s = seconds(length);
        return make("hd1080-" + length.toMillis() + "ms.mp4", testsrc(1920, 1080, 30, s) + " " + sine(s) + " "
                + H264 + " " + AAC);
    }

    /** 360x640 (coded portrait), 30 fps, with audio, 2 s. */
    public Path portrait() {
        return make("portrait.mp4", testsrc(360, 640, 30, 2) + " " + sine(2) + " " + H264 + " " + AAC);
    }

    /** Coded 640x360 H.264 with a 90° display matrix, as phones write: displays as 360x640. */
    public Path rotatedPhone() {
        return make("rotated-phone.mp4", "-i " + landscape() + " -c copy -metadata:s:v:0 rotate=90");
    }

    /** 321x241 (odd both ways; testsrc2 itself would round to even), 4:4:4 so odd sizes are legal, 2 s. */
    public Path oddSize() {
        return make("odd-size.mp4", testsrc(320, 240, 25, 2)
                + " -vf scale=321:241 -c:v libx264 -preset ultrafast -pix_fmt yuv444p");
    }

    /** 320x240 H.264, no audio stream, 2 s. */
    public Path noAudio() {
        return make("no-audio.mp4", testsrc(320, 240, 25, 2) + " " + H264);
    }

    /** 320x240 H.264 High 4:4:4 Predictive, yuv444p10le, 2 s. */
    public Path tenBit444() {
        return make("ten-bit-444.mp4", testsrc(320, 240, 25, 2)
                + " -c:v libx264 -preset ultrafast -pix_fmt yuv444p10le");
    }

    /** 30 fps for the first second, then every third frame only: average and base frame rates differ. */
    public Path variableFrameRate() {
        return make("variable-frame-rate.mp4", testsrc(320, 240, 30, 3)
                + " -vf select='lt(t,1)+not(mod(n,3))' -vsync vfr " + H264);
    }

    /** MPEG-4 Part 2 (DivX/Xvid era) in MP4, 2 s. */
    public Path mpeg4Part2() {
        return make("mpeg4-part2.mp4", testsrc(320, 240, 25, 2) + " -c:v mpeg4 -q:v 5");
    }

    /** Motion JPEG video in AVI, 2 s: a video, although its codec is also used for still JPEGs. */
    public Path mjpeg() {
        return make("mjpeg.avi", testsrc(320, 240, 25, 2) + " -c:v mjpeg -q:v 5");
    }

    /** Cinepak in AVI, 2 s. */
    public Path cinepak() {
        return make("cinepak.avi", testsrc(320, 240, 15, 2) + " -c:v cinepak");
    }

    /** A single 320x240 PNG. */
    public Path stillImage() {
        return make("still.png", testsrc(320, 240, 25, 1) + " -frames:v 1");
    }

    /** AAC audio only, in M4A, 2 s. */
    public Path audioOnly() {
        return make("audio-only.m4a", sine(2) + " -c:a aac");
    }

    /** The first 30 % of an MP4 whose index (moov) is written at the end: unplayable. */
    public Path truncated() {
        return write("truncated.mp4", () -> {
            byte[] whole = Files.readAllBytes(noAudio());
            return Arrays.copyOf(whole, whole.length * 3 / 10);
        });
    }

    /** An empty file named like a video. */
    public Path zeroBytes() {
        return write("zero-bytes.mp4", () -> new byte[0]);
    }

    /** Plain text named like a video. */
    public Path textFile() {
        return write("text-file.mp4", () -> "These are my holiday notes, not a video.\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String testsrc(int width, int height, int fps, double seconds) {
        return String.format(Locale.ROOT, "-f lavfi -i testsrc2=size=%dx%d:rate=%d:duration=%.3f",
                width, height, fps, seconds);
    }

    private static String sine(double seconds) {
        return String.format(Locale.ROOT, "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=%.3f", seconds);
    }

    private static double seconds(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("clip length must be positive: " + length);
        }
        return length.toMillis() / 1000.0;
    }

    /** Runs {@code ffmpeg <args> <file>} into a temporary name, then moves it into place (safe across forks). */
    private synchronized Path make(String name, String args) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<String> command = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        command.addAll(Arrays.asList(args.split(" ")));
        return publish(target, partial -> {
            command.add(partial.toString());
            ffmpeg.run(command, GENERATE_TIMEOUT).orThrow("Could not generate test clip " + name + ".");
        });
    }

    private synchronized Path write(String name, Content content) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        return publish(target, partial -> Files.write(partial, content.bytes()));
    }

    private Path publish(Path target, Writer writer) {
        try {
            Files.createDirectories(dir);
            // The extension stays last so ffmpeg picks the container from it.
            Path partial = Files.createTempFile(dir, "partial-", "-" + target.getFileName());
            try {
                writer.writeTo(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaException e) {
            throw new IllegalStateException(e.getMessage() + " " + e.detail(), e);
        }
    }

    private interface Content {
        byte[] bytes() throws IOException;
    }

    private interface Writer {
        void writeTo(Path partial) throws IOException, MediaException;
    }
}
