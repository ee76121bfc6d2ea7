package io.toktik.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small media for tests and benchmarks, generated with ffmpeg's lavfi sources and cached per name in a directory. */
public final class TestClips {

    private static final Duration GENERATE_TIMEOUT = Duration.ofMinutes(5);
    private static final String H264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";
    private static final String AAC = "-c:a aac -shortest";
    private static final String HDR_TAGS = " -color_trc %s -color_primaries bt2020 -colorspace bt2020nc";
    /** The tone of the first audio track of {@link #twoAudioTracks()}, and of every other clip's audio. */
    public static final int FIRST_TRACK_HZ = 440;
    /** The tone of the second, default audio track of {@link #twoAudioTracks()}. */
    public static final int DEFAULT_TRACK_HZ = 1000;

    private final ClipCache cache;
    private final FfmpegProcess ffmpeg;

    /** Clips are written to (and reused from) {@code dir}, made by the ffmpeg at {@code ffmpegExecutable}. */
    public TestClips(Path dir, Path ffmpegExecutable) {
        this(dir, ffmpegExecutable, Map.of());
    }

    /** As {@link #TestClips(Path, Path)}, running ffmpeg with {@code environment} added to this JVM's. */
    public TestClips(Path dir, Path ffmpegExecutable, Map<String, String> environment) {
        this.cache = new ClipCache(dir);
        this.ffmpeg = new FfmpegProcess(ffmpegExecutable, environment, GENERATE_TIMEOUT);
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

    /** 540x960 (coded portrait, as phones shoot for short-video apps), 30 fps, H.264 + AAC in MP4. */
    public Path portrait(Duration length) {
        double s = seconds(length);
        return make("portrait-540-" + length.toMillis() + "ms.mp4", testsrc(540, 960, 30, s) + " " + sine(s) + " "
                + H264 + " " + AAC);
    }

    /** Coded 640x360 H.264 with a 90° display matrix, as phones write: displays as 360x640. */
    public Path rotatedPhone() {
        return make("rotated-phone.mp4", "-i " + landscape() + " -c copy -metadata:s:v:0 rotate=90");
    }

    /**
     * 640x360, 30 fps, H.264 Constrained Baseline at about 400 kb/s with a keyframe every {@code keyframeSeconds}
     * (no scene cuts), AAC: already what the 360p rung asks for, so it may be packaged without re-encoding.
     */
    public Path hlsReady(int keyframeSeconds, Duration length) {
        double s = seconds(length);
        String gop = String.valueOf(30 * keyframeSeconds);
        return make("hls-ready-gop" + keyframeSeconds + "-" + length.toMillis() + "ms.mp4", testsrc(640, 360, 30, s) + " "
                + sine(s) + " -c:v libx264 -preset veryfast -profile:v baseline -pix_fmt yuv420p -b:v 400k -maxrate 400k"
                + " -bufsize 800k -g " + gop + " -keyint_min " + gop + " -sc_threshold 0 " + AAC);
    }

    /** 854x480, 30 fps, H.264, no audio, 2 s: a source already at a ladder rung's size. */
    public Path sd480() {
        return make("sd480.mp4", testsrc(854, 480, 30, 2) + " " + H264);
    }

    /** 321x241 (odd both ways; testsrc2 itself would round to even), 4:4:4 so odd sizes are legal, 2 s. */
    public Path oddSize() {
        return make("odd-size.mp4", testsrc(320, 240, 25, 2)
                + " -vf scale=321:241 -c:v libx264 -preset ultrafast -pix_fmt yuv444p");
    }

    /**
     * 1280x720, 30 fps, H.264 at about 4 Mb/s + AAC, in MPEG-TS: a container ffmpeg reads front to back while it
     * arrives (and a few MiB for a few seconds, so an upload of it can be cut in chunks of MiBs).
     */
    public Path transportStream(Duration length) {
        return make("streamable-" + length.toMillis() + "ms.ts", streamable(length) + " -f mpegts");
    }

    /** {@link #transportStream(Duration)} in MP4 with its index before its media ({@code -movflags +faststart}). */
    public Path fastStartMp4(Duration length) {
        return make("streamable-" + length.toMillis() + "ms.mp4", streamable(length) + " -movflags +faststart -f mp4");
    }

    /** {@link #transportStream(Duration)} in MP4 with its index after its media, as ffmpeg writes by default. */
    public Path indexLastMp4(Duration length) {
        return make("index-last-" + length.toMillis() + "ms.mp4", streamable(length) + " -f mp4");
    }

    private static String streamable(Duration length) {
        double s = seconds(length);
        return testsrc(1280, 720, 30, s) + " " + sine(s) + " -c:v libx264 -preset ultrafast -b:v 4M -pix_fmt yuv420p "
                + AAC;
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

    /**
     * 320x240 interlaced H.264, 2 s: 60 fps pictures woven into 30 frames of two fields each (top field first), coded
     * as interlaced and flagged {@code tt}.
     */
    public Path interlaced() {
        return make("interlaced-fields.mp4", testsrc(320, 240, 60, 2)
                + " -vf tinterlace=mode=interleave_top,setfield=tff " + H264
                + " -flags +ildct+ilme -x264opts tff=1 -field_order tt");
    }

    /** 320x240 10-bit H.264 (High 10) tagged HDR10: PQ (SMPTE 2084) transfer, BT.2020 primaries, 2 s, with audio. */
    public Path hdr() {
        return make("hdr-pq-h264.mp4", testsrc(320, 240, 30, 2) + " " + sine(2)
                + " -c:v libx264 -preset ultrafast -pix_fmt yuv420p10le" + HDR_TAGS.formatted("smpte2084") + " " + AAC);
    }

    /** 320x240 10-bit HEVC (Main 10) tagged HDR10 (PQ, BT.2020), 2 s: what recent phones record. */
    public Path hdrHevc() {
        return make("hdr-pq-hevc.mp4", testsrc(320, 240, 30, 2)
                + " -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -pix_fmt yuv420p10le"
                + HDR_TAGS.formatted("smpte2084"));
    }

    /** 320x240 10-bit H.264 tagged HLG (ARIB STD-B67 transfer, BT.2020 primaries), 2 s. */
    public Path hlg() {
        return make("hdr-hlg-h264.mp4", testsrc(320, 240, 30, 2)
                + " -c:v libx264 -preset ultrafast -pix_fmt yuv420p10le" + HDR_TAGS.formatted("arib-std-b67"));
    }

    /** 320x240 H.264 at {@code fps} frames per second (e.g. 120 or 100), 2 s, with audio. */
    public Path highFrameRate(int fps) {
        return make("fps-" + fps + ".mp4", testsrc(320, 240, fps, 2) + " " + sine(2) + " " + H264 + " " + AAC);
    }

    /**
     * 320x240 H.264, 2 s, with two AAC tracks: the first a {@value #FIRST_TRACK_HZ} Hz tone, the second a
     * {@value #DEFAULT_TRACK_HZ} Hz tone and the only one marked default.
     */
    public Path twoAudioTracks() {
        return make("two-audio-tracks.mp4", testsrc(320, 240, 30, 2) + " " + sine(2, FIRST_TRACK_HZ) + " "
                + sine(2, DEFAULT_TRACK_HZ) + " -map 0:v -map 1:a -map 2:a " + H264 + " -c:a aac"
                + " -disposition:a:0 0 -disposition:a:1 default");
    }

    /** 2 s of video with 3 s of audio. */
    public Path audioLongerThanVideo() {
        return make("audio-longer.mp4", testsrc(320, 240, 30, 2) + " " + sine(3) + " " + H264 + " -c:a aac");
    }

    /** 3 s of video with 1 s of audio. */
    public Path audioShorterThanVideo() {
        return make("audio-shorter.mp4", testsrc(320, 240, 30, 3) + " " + sine(1) + " " + H264 + " -c:a aac");
    }

    /** 3 s of video whose 2 s of audio start 0.7 s in (an edit list delays the audio track). */
    public Path audioStartingLate() {
        return make("audio-late.mp4", testsrc(320, 240, 30, 3) + " -itsoffset 0.7 " + sine(2) + " " + H264
                + " -c:a aac");
    }

    /** 320x240 H.264 + AAC, 0.5 s. */
    public Path halfSecond() {
        return make("half-second.mp4", testsrc(320, 240, 30, 0.5) + " " + sine(0.5) + " " + H264 + " " + AAC);
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

    /** 320x240 H.264, 0.4 s: shorter than any poster or segment offset. */
    public Path subSecond() {
        return make("sub-second.mp4", testsrc(320, 240, 30, 0.4) + " " + H264);
    }

    /** Two seconds of black, then 2 s of the test pattern: a poster must not pick the black part. */
    public Path blackStart() {
        return make("black-start-2s.mp4", "-f lavfi -i color=black:size=320x240:rate=30:duration=2 "
                + testsrc(320, 240, 30, 2) + " -filter_complex [0:v][1:v]concat=n=2:v=1[v] -map [v] " + H264);
    }

    /** A single 320x240 PNG. */
    public Path stillImage() {
        return make("still.png", testsrc(320, 240, 25, 1) + " -frames:v 1");
    }

    /** A single 320x240 JPEG: the same codec as {@link #mjpeg()}, but one frame. */
    public Path stillJpeg() {
        return make("still.jpg", testsrc(320, 240, 25, 1) + " -frames:v 1");
    }

    /** AAC audio only, in M4A, 2 s. */
    public Path audioOnly() {
        return make("audio-only.m4a", sine(2) + " -c:a aac");
    }

    /** An MP3 with embedded cover art, 2 s: the picture must not count as video. */
    public Path audioWithCoverArt() {
        return make("cover-art.mp3", sine(2) + " -i " + stillImage()
                + " -map 0:a -map 1:v -c:a libmp3lame -c:v png -disposition:v attached_pic");
    }

    /** The first 30 % of an MP4 whose index (moov) is written at the end: unplayable. */
    public Path truncated() {
        return cache.get("truncated.mp4", partial -> {
            byte[] whole = Files.readAllBytes(noAudio());
            Files.write(partial, Arrays.copyOf(whole, whole.length * 3 / 10));
        });
    }

    /** An empty file named like a video. */
    public Path zeroBytes() {
        return cache.get("zero-bytes.mp4", partial -> Files.write(partial, new byte[0]));
    }

    /** Plain text named like a video. */
    public Path textFile() {
        return cache.get("text-file.mp4", partial -> Files.writeString(partial,
                "These are my holiday notes, not a video.\n".repeat(20), StandardCharsets.UTF_8));
    }

    private static String testsrc(int width, int height, int fps, double seconds) {
        return String.format(Locale.ROOT, "-f lavfi -i testsrc2=size=%dx%d:rate=%d:duration=%.3f",
                width, height, fps, seconds);
    }

    private static String sine(double seconds) {
        return sine(seconds, FIRST_TRACK_HZ);
    }

    private static String sine(double seconds, int hertz) {
        return String.format(Locale.ROOT, "-f lavfi -i sine=frequency=%d:sample_rate=48000:duration=%.3f", hertz,
                seconds);
    }

    private static double seconds(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("clip length must be positive: " + length);
        }
        return length.toMillis() / 1000.0;
    }

    /** {@code ffmpeg <args> <file>}: {@code args} are split at single spaces, so no argument may contain one. */
    private Path make(String name, String args) {
        return cache.get(name, partial -> {
            List<String> command = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
            command.addAll(Arrays.asList(args.split(" ")));
            command.add(partial.toString());
            ffmpeg.run(command, cache.dir());
        });
    }
}
