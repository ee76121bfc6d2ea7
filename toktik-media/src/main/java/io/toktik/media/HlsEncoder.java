package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/** Transcodes a source into an H.264/AAC HLS ladder in one ffmpeg run that decodes the source once. */
public final class HlsEncoder {

    static final int KEYFRAME_SECONDS = 2;
    public static final int SEGMENT_SECONDS = 4;
    public static final String PLAYLIST = "index.m3u8";
    /** The folder of the audio-only rendition ({@link EncodeOptions.AudioLayout#SEPARATE}). */
    public static final String AUDIO = "audio";
    private static final long AUDIO_RENDITION_BITRATE = 128_000;
    private static final int TIMESTAMP_BASE_SECONDS = 1;
    private static final int MAIN_PROFILE_MAX_SHORT_SIDE = 360;
    private static final int SMALL_RENDITION_FACTOR = 3;
    /** The output folder a plan names ({@link #pipedPlan}), so plans made on different machines compare. */
    private static final Path PLAN_DIR = Path.of("/plan");

    private final Ffmpeg ffmpeg;

    public HlsEncoder(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The same encoder, its runs moved to the background priority when {@code demotion} says so. */
    public HlsEncoder demotedBy(Demotion demotion) {
        return new HlsEncoder(ffmpeg.demotedBy(demotion));
    }

    /**
     * Encodes all renditions into {@code outDir/<name>/index.m3u8} with {@code seg_00000.ts}, ... MPEG-TS segments:
     * H.264 yuv420p at the source frame rate (rounded, at most 60, constant), a keyframe exactly every 2 s in every
     * rendition, 4 s segments, stereo 48 kHz AAC when the source has audio. Writes only under {@code outDir}; a
     * failed run may leave partial files there, so callers encode into a scratch directory and publish afterwards.
     *
     * @param progress receives a fraction of the source duration done, 0..1 (ends with 1.0), on a reader thread
     * @throws MediaException {@code TRANSCODE_FAILED}, {@code TIMEOUT} or {@code CANCELLED}
     */
    public void encode(Path source, MediaInfo info, List<Rendition> renditions, Path outDir, DoubleConsumer progress,
                       Duration timeout) throws MediaException {
        encode(source, info, renditions, outDir, EncodeOptions.WHOLE, progress, timeout);
    }

    /**
     * As {@link #encode(Path, MediaInfo, List, Path, DoubleConsumer, Duration)}, with options. With an
     * {@link EncodeOptions.PlaylistType#EVENT} playlist each playlist is rewritten (atomically, by rename) after every
     * finished segment, listing only finished segments, and gets {@code #EXT-X-ENDLIST} when the run ends: callers
     * may publish segments while it runs. A span is encoded with exact frame counts, segment numbers from its start
     * and timestamps offset by its start, so consecutive spans join with no gap or overlap. A separate audio
     * rendition goes to {@code outDir/audio}.
     */
    public void encode(Path source, MediaInfo info, List<Rendition> renditions, Path outDir, EncodeOptions options,
                       DoubleConsumer progress, Duration timeout) throws MediaException {
        run(Input.file(source), info, renditions, outDir, options, progress, timeout);
    }

    /**
     * As {@link #encode(Path, MediaInfo, List, Path, EncodeOptions, DoubleConsumer, Duration)}, the whole source read
     * front to back from {@code source} as it arrives (ffmpeg's stdin), for containers that allow it (MPEG-TS,
     * Matroska/WebM, MP4 with its index first); {@code info} may come from probing the source's first bytes only.
     * As the source's length is not known up front, its audio is not padded or cut to the picture's length. A
     * failure to read {@code source} fails the run: it never ends as if the source had.
     *
     * @param progress as for a file; the fraction is of {@code info}'s duration, which a head's probe may not know
     */
    public void encode(InputStream source, MediaInfo info, List<Rendition> renditions, Path outDir,
                       EncodeOptions options, DoubleConsumer progress, Duration timeout) throws MediaException {
        if (options.span() != EncodeOptions.Span.WHOLE) throw new IllegalArgumentException("reads the whole source");
        run(Input.stream(source), info, renditions, outDir, options, progress, timeout);
    }

    /**
     * What {@link #encode(InputStream, MediaInfo, List, Path, EncodeOptions, DoubleConsumer, Duration)} would run
     * (output folder aside): two streamed encodes with the same plan make the same files.
     */
    public static String pipedPlan(MediaInfo info, List<Rendition> renditions, EncodeOptions options) {
        return String.join(" ", arguments(Input.stream(null), info, renditions, PLAN_DIR, options));
    }

    /** Where ffmpeg reads the source: a file, or its stdin, fed from {@code stdin} (whose length is not known). */
    private record Input(List<String> args, boolean streamed, InputStream stdin) {
        static Input file(Path source) {
            return new Input(Ffmpeg.localInput(source), false, null);
        }

        static Input stream(InputStream stdin) {
            return new Input(Ffmpeg.pipedInput(), true, stdin);
        }
    }

    private void run(Input input, MediaInfo info, List<Rendition> renditions, Path outDir, EncodeOptions options,
                     DoubleConsumer progress, Duration timeout) throws MediaException {
        List<String> args = new ArrayList<>(List.of("-progress", "pipe:1", "-nostats"));
        args.addAll(arguments(input, info, renditions, outDir, options));
        List<Path> dirs = new ArrayList<>(renditions.stream().map(r -> outDir.resolve(r.name())).toList());
        if (separateAudio(info, options)) dirs.add(outDir.resolve(AUDIO));
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't prepare storage for this video.",
                    e.toString(), e);
        }
        long spanMs = options.span().lengthSeconds() > 0 ? options.span().lengthSeconds() * 1000L
                : info.durationMs() - options.span().startSeconds() * 1000L;
        ffmpeg.run(args, timeout, new ProgressParser(Math.max(spanMs, 1), progress), input.stdin())
                .orThrow("We couldn't convert this video. It may be damaged or use features we don't support.");
        for (Path dir : dirs) {
            requireCompletePlaylist(dir);
        }
    }

    /**
     * Packages the source's own video stream as {@code outDir/<rendition>} without re-encoding it (see
     * {@link Passthrough}); segments are cut at the source's keyframes. Audio goes as {@code options} say
     * ({@link EncodeOptions.AudioLayout#MUXED}: AAC in the segments). Returns false — the caller encodes it instead —
     * when the source's keyframes are too far apart for the segment length (a segment over twice 4 s).
     */
    public boolean copy(Path source, MediaInfo info, Rendition rendition, Path outDir, EncodeOptions options,
                        Duration timeout) throws MediaException {
        if (options.span() != EncodeOptions.Span.WHOLE) throw new IllegalArgumentException("copies the whole source");
        Path dir = outDir.resolve(rendition.name());
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning"));
        args.addAll(Ffmpeg.localInput(source));
        args.addAll(List.of("-map", "0:" + info.video().index(), "-map_metadata", "-1", "-map_chapters", "-1",
                "-c:v", "copy"));
        if (options.audio() == EncodeOptions.AudioLayout.MUXED && info.audio() != null) {
            args.addAll(List.of("-map", "0:" + info.audio().index()));
            args.addAll(audioCodec(VideoFilters.audio(info),
                    rendition.audioBitrate() > 0 ? rendition.audioBitrate() : AUDIO_RENDITION_BITRATE));
        }
        args.addAll(hlsOutput(dir.toAbsolutePath(), options));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't prepare storage for this video.", e.toString(), e);
        }
        ffmpeg.run(args, timeout).orThrow("We couldn't package this video.");
        requireCompletePlaylist(dir);
        try {
            return MediaPlaylist.parse(Files.readString(dir.resolve(PLAYLIST))).segments().stream()
                    .allMatch(segment -> segment.seconds() <= 2.0 * SEGMENT_SECONDS);
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't package this video.", e.toString(), e);
        }
    }

    /** The complete command line (executable first) that {@link #encode} runs, minus its progress reporting. */
    public List<String> command(Path source, MediaInfo info, List<Rendition> renditions, Path outDir) {
        List<String> command = new ArrayList<>();
        command.add(ffmpeg.executable().toString());
        command.addAll(arguments(Input.file(source), info, renditions, outDir, EncodeOptions.WHOLE));
        return command;
    }

    /** True when every rendition is at most a third of the source's short side. */
    static boolean onlySmallRenditions(VideoStream video, List<Rendition> renditions) {
        int sourceShortSide = Math.min(video.displayWidth(), video.displayHeight());
        return renditions.stream().allMatch(r -> r.shortSide() * SMALL_RENDITION_FACTOR <= sourceShortSide);
    }

    /** Output frame rate: see {@link VideoFilters#frameRate}. */
    static int frameRate(VideoStream video) {
        return VideoFilters.frameRate(video);
    }

    private static List<String> arguments(Input input, MediaInfo info, List<Rendition> renditions, Path outDir,
                                          EncodeOptions options) {
        requireUsable(renditions, outDir);
        int fps = frameRate(info.video());
        EncodeOptions.Span span = options.span();
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning"));
        if (onlySmallRenditions(info.video(), renditions)) {
            // Deblocking is invisible after a 3x downscale; skipping it makes the lowest rendition land sooner.
            args.addAll(List.of("-skip_loop_filter", "all"));
        }
        if (span.startSeconds() > 0) {
            args.addAll(List.of("-ss", String.valueOf(span.startSeconds()))); // decodes from the keyframe before, exactly
        }
        if (span.lengthSeconds() > 0) {
            args.addAll(List.of("-t", String.valueOf(span.lengthSeconds() + 1))); // -frames:v cuts exactly
        }
        args.addAll(input.args());
        args.addAll(List.of("-filter_complex", filterGraph(info.video(), renditions, fps), "-vsync", "cfr"));
        boolean muxedAudio = options.audio() == EncodeOptions.AudioLayout.MUXED && info.audio() != null;
        String audioFilter = input.streamed() ? VideoFilters.arrivingAudio() : VideoFilters.audio(info);
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            args.addAll(videoOutput(i, r, muxedAudio ? info : null, audioFilter, fps, span));
            args.addAll(hlsOutput(outDir.toAbsolutePath().resolve(r.name()), options));
        }
        if (separateAudio(info, options)) {
            args.addAll(List.of("-map", "0:" + info.audio().index(), "-map_metadata", "-1", "-map_chapters", "-1"));
            args.addAll(audioCodec(audioFilter, AUDIO_RENDITION_BITRATE));
            args.addAll(hlsOutput(outDir.toAbsolutePath().resolve(AUDIO), options));
        }
        return args;
    }

    private static boolean separateAudio(MediaInfo info, EncodeOptions options) {
        return options.audio() == EncodeOptions.AudioLayout.SEPARATE && info.audio() != null;
    }

    /** {@code [0:v]normalize,fps=F,split=N[s0][s1];[s0]scale=..,format=yuv420p[v0];...} */
    private static String filterGraph(VideoStream video, List<Rendition> renditions, int fps) {
        List<String> head = new ArrayList<>(VideoFilters.normalize(video));
        head.add("fps=" + fps);
        StringBuilder graph = new StringBuilder("[0:" + video.index() + "]")
                .append(VideoFilters.chain(head))
                .append(",split=").append(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            graph.append(";[s").append(i).append(']')
                    .append(VideoFilters.scale(r.width(), r.height())).append(",format=yuv420p")
                    .append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    /** @param audioOf the source whose audio goes into the segments too; null for video only */
    private static List<String> videoOutput(int i, Rendition r, MediaInfo audioOf, String audioFilter, int fps,
                                            EncodeOptions.Span span) {
        String gop = String.valueOf(fps * KEYFRAME_SECONDS);
        List<String> args = new ArrayList<>(List.of(
                "-map", "[v" + i + "]",
                "-map_metadata", "-1", "-map_chapters", "-1",
                "-c:v", "libx264", "-preset", "veryfast",
                "-profile:v", r.shortSide() <= MAIN_PROFILE_MAX_SHORT_SIDE ? "main" : "high",
                "-pix_fmt", "yuv420p",
                "-b:v", String.valueOf(r.videoBitrate()),
                "-maxrate", String.valueOf(r.maxBitrate()),
                "-bufsize", String.valueOf(r.maxBitrate() * 2),
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                "-force_key_frames", String.format(Locale.ROOT, "expr:gte(t,n_forced*%d)", KEYFRAME_SECONDS)));
        if (span.lengthSeconds() > 0) {
            args.addAll(List.of("-frames:v", String.valueOf(span.lengthSeconds() * fps)));
        }
        if (audioOf != null) {
            args.addAll(List.of("-map", "0:" + audioOf.audio().index()));
            args.addAll(audioCodec(audioFilter, r.audioBitrate() > 0 ? r.audioBitrate() : AUDIO_RENDITION_BITRATE));
        }
        return args;
    }

    /** The source's audio through {@code filter} ({@link VideoFilters#audio}) as stereo 48 kHz AAC. */
    private static List<String> audioCodec(String filter, long bitrate) {
        return List.of("-af", filter, "-c:a", "aac", "-b:a", String.valueOf(bitrate), "-ac", "2",
                "-ar", "48000");
    }

    /**
     * One HLS output into {@code dir}. Every run offsets its timestamps by the same base plus its span's start: the
     * base keeps them positive from the first frame, so the muxer never shifts a run's start (B-frame delay, AAC
     * priming) and spans encoded apart line up exactly with each other and with whole-source runs.
     */
    private static List<String> hlsOutput(Path dir, EncodeOptions options) {
        return List.of(
                "-output_ts_offset", String.valueOf(TIMESTAMP_BASE_SECONDS + options.span().startSeconds()),
                "-max_muxing_queue_size", "4096",
                "-f", "hls",
                "-hls_time", String.valueOf(SEGMENT_SECONDS),
                "-hls_playlist_type", options.playlist().ffmpegName,
                // temp_file: a segment appears under its name only once it is closed.
                "-hls_flags", "independent_segments+temp_file",
                "-hls_segment_type", "mpegts",
                "-start_number", String.valueOf(options.span().firstSegment()),
                "-hls_segment_filename", dir.resolve("seg_%05d.ts").toString(),
                dir.resolve(PLAYLIST).toString());
    }

    private static void requireUsable(List<Rendition> renditions, Path outDir) {
        if (outDir.toAbsolutePath().toString().contains("%")) {
            // ffmpeg 4.4's HLS muxer expands %d and %v anywhere in these paths and has no escape for '%'.
            throw new IllegalArgumentException("outDir must not contain '%': " + outDir);
        }
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("at least one rendition is needed");
        }
        if (new HashSet<>(renditions.stream().map(Rendition::name).toList()).size() != renditions.size()) {
            throw new IllegalArgumentException("rendition names must be distinct: " + renditions);
        }
    }

    /** ffmpeg 4.4 can exit 0 without having written segments (e.g. when it cannot open them), so check. */
    private static void requireCompletePlaylist(Path dir) throws MediaException {
        try {
            String playlist = Files.readString(dir.resolve(PLAYLIST));
            List<MediaPlaylist.Segment> segments = MediaPlaylist.parse(playlist).segments();
            boolean complete = playlist.contains(MediaPlaylist.ENDLIST) && !segments.isEmpty()
                    && segments.stream().allMatch(segment -> nonEmptyFile(dir.resolve(segment.uri())));
            if (!complete) {
                throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't convert this video.",
                        "ffmpeg finished without a complete playlist and segments in " + dir);
            }
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't convert this video.", e.toString(), e);
        }
    }

    private static boolean nonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
