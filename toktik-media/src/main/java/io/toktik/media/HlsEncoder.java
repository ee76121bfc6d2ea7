package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.io.IOException;
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
    static final int SEGMENT_SECONDS = 4;
    public static final String PLAYLIST = "index.m3u8";
    private static final int MAIN_PROFILE_MAX_SHORT_SIDE = 360;
    private static final int SMALL_RENDITION_FACTOR = 3;

    private final Ffmpeg ffmpeg;

    public HlsEncoder(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
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
        encode(source, info, renditions, outDir, PlaylistType.VOD, progress, timeout);
    }

    /**
     * As {@link #encode(Path, MediaInfo, List, Path, DoubleConsumer, Duration)}; with {@link PlaylistType#EVENT}
     * each playlist is rewritten (atomically, by rename) after every finished segment, listing only finished
     * segments, and gets {@code #EXT-X-ENDLIST} when the run ends: callers may publish segments while it runs.
     */
    public void encode(Path source, MediaInfo info, List<Rendition> renditions, Path outDir, PlaylistType type,
                       DoubleConsumer progress, Duration timeout) throws MediaException {
        List<String> args = new ArrayList<>(List.of("-progress", "pipe:1", "-nostats"));
        args.addAll(arguments(source, info, renditions, outDir, type));
        try {
            for (Rendition rendition : renditions) {
                Files.createDirectories(outDir.resolve(rendition.name()));
            }
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't prepare storage for this video.",
                    e.toString(), e);
        }
        ffmpeg.run(args, timeout, new ProgressParser(info.durationMs(), progress))
                .orThrow("We couldn't convert this video. It may be damaged or use features we don't support.");
        for (Rendition rendition : renditions) {
            requireCompletePlaylist(outDir.resolve(rendition.name()));
        }
    }

    /** The complete command line (executable first) that {@link #encode} runs, minus its progress reporting. */
    public List<String> command(Path source, MediaInfo info, List<Rendition> renditions, Path outDir) {
        List<String> command = new ArrayList<>();
        command.add(ffmpeg.executable().toString());
        command.addAll(arguments(source, info, renditions, outDir, PlaylistType.VOD));
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

    private static List<String> arguments(Path source, MediaInfo info, List<Rendition> renditions, Path outDir,
                                          PlaylistType type) {
        requireUsable(renditions, outDir);
        int fps = frameRate(info.video());
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning"));
        if (onlySmallRenditions(info.video(), renditions)) {
            // Deblocking is invisible after a 3x downscale; skipping it makes the lowest rendition land sooner.
            args.addAll(List.of("-skip_loop_filter", "all"));
        }
        args.addAll(Ffmpeg.localInput(source));
        args.addAll(List.of("-filter_complex", filterGraph(info.video(), renditions, fps), "-vsync", "cfr"));
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(output(i, renditions.get(i), info, fps, outDir.toAbsolutePath(), type));
        }
        return args;
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

    private static List<String> output(int i, Rendition r, MediaInfo info, int fps, Path outDir, PlaylistType type) {
        AudioStream audio = info.audio();
        Path dir = outDir.resolve(r.name());
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
        if (audio != null) {
            args.addAll(List.of(
                    "-map", "0:" + audio.index(), "-af", VideoFilters.audio(info),
                    "-c:a", "aac", "-b:a", String.valueOf(r.audioBitrate() > 0 ? r.audioBitrate() : 128_000),
                    "-ac", "2", "-ar", "48000"));
        }
        args.addAll(List.of(
                "-max_muxing_queue_size", "4096",
                "-f", "hls",
                "-hls_time", String.valueOf(SEGMENT_SECONDS),
                "-hls_playlist_type", type.ffmpegName,
                // temp_file: a segment appears under its name only once it is closed.
                "-hls_flags", "independent_segments+temp_file",
                "-hls_segment_type", "mpegts",
                "-hls_segment_filename", dir.resolve("seg_%05d.ts").toString(),
                dir.resolve(PLAYLIST).toString()));
        return args;
    }

    /** How ffmpeg writes a media playlist: once at the end, or after each segment. */
    public enum PlaylistType {
        /** Written when the run ends. */
        VOD("vod"),
        /** {@code #EXT-X-PLAYLIST-TYPE:EVENT}: rewritten after each segment, closed with ENDLIST at the end. */
        EVENT("event");

        private final String ffmpegName;

        PlaylistType(String ffmpegName) {
            this.ffmpegName = ffmpegName;
        }
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
