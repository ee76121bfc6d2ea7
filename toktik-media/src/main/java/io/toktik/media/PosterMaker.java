package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Makes a JPEG poster (long side at most 1280, rotation applied) from a representative, non-black frame. */
public final class PosterMaker {

    static final int MAX_LONG_SIDE = 1280;
    private static final double WINDOW_SECONDS = 3;
    private static final int MAX_CANDIDATE_FRAMES = 60;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Ffmpeg ffmpeg;

    public PosterMaker(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Writes the poster to {@code outJpeg}, replacing it atomically. ffmpeg's {@code thumbnail} filter picks the
     * most typical frame of a 3 s window starting at min(1 s, duration / 3), so sub-second clips work too.
     */
    public void poster(Path source, MediaInfo info, Path outJpeg) throws MediaException {
        Path target = outJpeg.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            ffmpeg.run(arguments(source, info, partial), TIMEOUT).orThrow("We couldn't make a preview picture.");
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't make a preview picture.",
                        "ffmpeg wrote no frame to " + partial);
            }
            move(partial, target);
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't make a preview picture.", e.toString(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static List<String> arguments(Path source, MediaInfo info, Path out) {
        VideoStream video = info.video();
        double start = Math.min(1.0, info.durationMs() / 3000.0);
        int candidates = (int) Math.max(1, Math.min(MAX_CANDIDATE_FRAMES, video.frameRate() * WINDOW_SECONDS));
        List<String> filters = new ArrayList<>(VideoFilters.normalize(video));
        int[] size = posterSize(video.displayWidth(), video.displayHeight());
        filters.add(VideoFilters.scale(size[0], size[1]));
        filters.add("thumbnail=" + candidates);
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning",
                "-ss", String.format(Locale.ROOT, "%.3f", start),
                "-t", String.format(Locale.ROOT, "%.3f", WINDOW_SECONDS)));
        args.addAll(Ffmpeg.localInput(source));
        args.addAll(List.of("-map", "0:" + video.index(),
                "-vf", VideoFilters.chain(filters),
                "-frames:v", "1", "-q:v", "3", "-map_metadata", "-1",
                "-f", "image2", "-c:v", "mjpeg", "-update", "1", out.toString()));
        return args;
    }

    /** Display size scaled so the long side is at most 1280, both sides even. */
    static int[] posterSize(int width, int height) {
        double factor = Math.min(1.0, (double) MAX_LONG_SIDE / Math.max(width, height));
        return new int[] {even(width * factor), even(height * factor)};
    }

    private static int even(double value) {
        return (int) Math.max(2, 2 * Math.round(value / 2));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a stale .part file is overwritten next time.
        }
    }
}
