package io.toktik.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small synthetic clips for this module's tests, made once per build under target/test-media with lavfi. */
final class TestMedia {

    static final Ffmpeg FFMPEG = Ffmpeg.locate(System.getenv("TOKTIK_FFMPEG"), Path.of("target", "ffmpeg"));
    private static final Path DIR = Path.of("target", "test-media").toAbsolutePath();
    private static final String X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";
    private static final String SINE = "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=";

    private TestMedia() {
    }

    static Path landscape() {
        return make("landscape.mp4", testsrc(640, 360, 30, 3) + " " + SINE + 3 + " " + X264 + " -c:a aac -shortest");
    }

    static Path portrait() {
        return make("portrait.mp4", testsrc(360, 640, 30, 2) + " " + SINE + 2 + " " + X264 + " -c:a aac -shortest");
    }

    /** Coded 640x360, display matrix rotated: shows as 360x640. ffmpeg 4.4 writes it from the rotate tag. */
    static Path rotatedPhone() {
        return make("rotated.mp4", "-i " + landscape() + " -c copy -metadata:s:v:0 rotate=90");
    }

    static Path sd480() {
        return make("sd480.mp4", testsrc(854, 480, 30, 2) + " " + X264);
    }

    static Path noAudio() {
        return make("no-audio.mp4", testsrc(320, 240, 25, 2) + " " + X264);
    }

    /** 321x241 (testsrc2 itself would round to even), 4:4:4 so odd sizes are legal. */
    static Path oddSize() {
        return make("odd.mp4", testsrc(320, 240, 25, 2)
                + " -vf scale=321:241 -c:v libx264 -preset ultrafast -pix_fmt yuv444p");
    }

    static Path tenBit444() {
        return make("ten-bit-444.mp4", testsrc(320, 240, 25, 2)
                + " -c:v libx264 -preset ultrafast -pix_fmt yuv444p10le");
    }

    /** 30 fps for the first second, then every third frame only. */
    static Path variableFrameRate() {
        return make("vfr.mp4", testsrc(320, 240, 30, 3) + " -vf select='lt(t,1)+not(mod(n,3))' -vsync vfr " + X264);
    }

    static Path interlaced() {
        return make("interlaced.mp4", testsrc(320, 240, 30, 2)
                + " " + X264 + " -flags +ildct+ilme -x264opts tff=1 -field_order tt");
    }

    /** 10-bit PQ (HDR10-tagged) BT.2020. */
    static Path hdr() {
        return make("hdr.mp4", testsrc(320, 240, 30, 2) + " -c:v libx264 -preset ultrafast -pix_fmt yuv420p10le"
                + " -color_trc smpte2084 -color_primaries bt2020 -colorspace bt2020nc");
    }

    static Path mpeg4Part2() {
        return make("mpeg4.mp4", testsrc(320, 240, 25, 2) + " -c:v mpeg4 -q:v 5");
    }

    static Path mjpeg() {
        return make("mjpeg.avi", testsrc(320, 240, 25, 2) + " -c:v mjpeg -q:v 5");
    }

    static Path cinepak() {
        return make("cinepak.avi", testsrc(320, 240, 15, 2) + " -c:v cinepak");
    }

    static Path subSecond() {
        return make("sub-second.mp4", testsrc(320, 240, 30, 0.4) + " " + X264);
    }

    /** One second of black, then the test pattern: a poster must not pick the black part. */
    static Path blackStart() {
        return make("black-start.mp4", "-f lavfi -i color=black:size=320x240:rate=30:duration=1 "
                + testsrc(320, 240, 30, 2) + " -filter_complex [0:v][1:v]concat=n=2:v=1[v] -map [v] " + X264);
    }

    static Path stillPng() {
        return make("still.png", testsrc(320, 240, 25, 1) + " -frames:v 1");
    }

    static Path stillJpeg() {
        return make("still.jpg", testsrc(320, 240, 25, 1) + " -frames:v 1");
    }

    static Path audioOnly() {
        return make("audio-only.m4a", SINE + 2 + " -c:a aac");
    }

    /** An MP3 with embedded cover art: the picture must not count as video. */
    static Path audioWithCoverArt() {
        return make("cover-art.mp3", SINE + 2 + " -i " + stillPng()
                + " -map 0:a -map 1:v -c:a libmp3lame -c:v png -disposition:v attached_pic");
    }

    /** The first 30 % of an MP4 whose index (moov) is at the end: unplayable. */
    static Path truncated() {
        return derive("truncated.mp4", () -> {
            byte[] whole = Files.readAllBytes(noAudio());
            return Arrays.copyOf(whole, whole.length * 3 / 10);
        });
    }

    static Path zeroBytes() {
        return derive("zero.mp4", () -> new byte[0]);
    }

    static Path textFile() {
        return derive("notes.mp4", () -> "These are my holiday notes, not a video.\n".repeat(20).getBytes());
    }

    private static String testsrc(int width, int height, int fps, double seconds) {
        return "-f lavfi -i testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds;
    }

    private static synchronized Path make(String name, String args) {
        Path target = DIR.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(DIR);
            Path partial = DIR.resolve("partial-" + name);
            List<String> command = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
            command.addAll(Arrays.asList(args.split(" ")));
            command.add(partial.toString());
            FFMPEG.run(command, Duration.ofMinutes(1)).orThrow("could not make " + name);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaException e) {
            throw new IllegalStateException(e + " " + e.detail(), e);
        }
    }

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private static synchronized Path derive(String name, Bytes content) {
        Path target = DIR.resolve(name);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(DIR);
                Files.write(target, content.get());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
