package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Makes a JPEG poster (long side at most 1280, rotation applied) from the most detailed of a few candidate frames. */
public final class PosterMaker {

    static final int MAX_LONG_SIDE = 1280;
    static final int CANDIDATES = 5;
    private static final double WINDOW_SECONDS = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String FAILED = "We couldn't make a preview picture.";

    private final Ffmpeg ffmpeg;

    public PosterMaker(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Writes the poster to {@code outJpeg}, replacing it atomically. One ffmpeg run takes five frames evenly spread
     * over the first 10 s (or the whole clip when shorter, so sub-second clips work too); the one with the highest
     * {@link FrameScore} wins, so a black or blank opening is skipped.
     */
    public void poster(Path source, MediaInfo info, Path outJpeg) throws MediaException {
        try (ScratchDir scratch = ScratchDir.beside(outJpeg)) {
            ffmpeg.run(arguments(source, info, scratch.resolve("candidate-%d.jpg")), TIMEOUT).orThrow(FAILED);
            ScratchDir.move(best(scratch.path()), outJpeg.toAbsolutePath());
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, FAILED, e.toString(), e);
        }
    }

    private static Path best(Path dir) throws IOException, MediaException {
        Path best = null;
        double bestScore = -1;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path candidate : files.sorted().toList()) {
                BufferedImage image = ImageIO.read(candidate.toFile());
                double score = image == null ? -1 : FrameScore.of(image).value();
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            throw new MediaException(Code.TRANSCODE_FAILED, FAILED, "ffmpeg wrote no readable frame to " + dir);
        }
        return best;
    }

    private static List<String> arguments(Path source, MediaInfo info, Path outPattern) {
        VideoStream video = info.video();
        double window = info.durationMs() > 0 ? Math.min(WINDOW_SECONDS, info.durationMs() / 1000.0) : WINDOW_SECONDS;
        double step = window / CANDIDATES;
        List<String> filters = new ArrayList<>(VideoFilters.normalize(video));
        filters.add(String.format(Locale.ROOT, "fps=%.6f", 1 / step));
        int[] size = posterSize(video.displayWidth(), video.displayHeight());
        filters.add(VideoFilters.scale(size[0], size[1]));
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning",
                // Frames nothing refers to are not decoded: a candidate is then a frame or two later, for about half
                // the decoding work when the source has B-frames.
                "-skip_frame", "noref",
                "-ss", String.format(Locale.ROOT, "%.3f", step / 2),
                "-t", String.format(Locale.ROOT, "%.3f", window)));
        args.addAll(Ffmpeg.localInput(source));
        args.addAll(List.of("-map", "0:" + video.index(),
                "-vf", VideoFilters.chain(filters),
                "-frames:v", String.valueOf(CANDIDATES), "-q:v", "3", "-map_metadata", "-1",
                "-f", "image2", "-c:v", "mjpeg", outPattern.toString()));
        return args;
    }

    /** Display size scaled so the long side is at most 1280, both sides even. */
    static int[] posterSize(int width, int height) {
        double factor = Math.min(1.0, (double) MAX_LONG_SIDE / Math.max(width, height));
        return new int[] {even(width * factor), even(height * factor)};
    }

    static int even(double value) {
        return (int) Math.max(2, 2 * Math.round(value / 2));
    }
}
