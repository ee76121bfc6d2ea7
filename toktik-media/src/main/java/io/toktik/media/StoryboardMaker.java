package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a storyboard for seek previews: {@value #SPRITE} (every thumbnail on one JPEG) and {@value #VTT}, whose
 * cues point into the sprite with {@code sprite.jpg#xywh=x,y,w,h}. One ffmpeg run decodes the video once and
 * writes a small JPEG per interval; the sprite is assembled here, so every cue has its tile.
 */
public final class StoryboardMaker {

    public static final String SPRITE = "sprite.jpg";
    public static final String VTT = "storyboard.vtt";
    private static final float JPEG_QUALITY = 0.8f;
    /** Decoding and scaling runs far faster than real time; a run taking twice the duration is stuck. */
    private static final int TIMEOUT_FACTOR = 2;
    private static final Duration MIN_TIMEOUT = Duration.ofMinutes(2);
    private static final String FAILED = "We couldn't make seek previews for this video.";

    private final Ffmpeg ffmpeg;

    public StoryboardMaker(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Writes {@value #SPRITE} and {@value #VTT} into {@code outDir} (created when missing) and returns the layout. */
    public StoryboardPlan make(Path source, MediaInfo info, Path outDir) throws MediaException {
        StoryboardPlan plan = StoryboardPlan.of(info);
        Duration timeout = MIN_TIMEOUT.plus(Duration.ofMillis(info.durationMs() * TIMEOUT_FACTOR));
        try (ScratchDir scratch = ScratchDir.beside(outDir.resolve(SPRITE))) {
            ffmpeg.run(arguments(source, info, plan, scratch.resolve("thumb-%05d.jpg")), timeout).orThrow(FAILED);
            List<BufferedImage> thumbs = thumbs(scratch.path(), plan.tiles());
            StoryboardPlan made = plan.truncatedTo(thumbs.size());
            Path sprite = scratch.resolve(SPRITE);
            writeJpeg(sprite(made, thumbs), sprite);
            Path vtt = Files.writeString(scratch.resolve(VTT), StoryboardVtt.render(made, SPRITE),
                    StandardCharsets.UTF_8);
            ScratchDir.move(sprite, outDir.resolve(SPRITE).toAbsolutePath());
            ScratchDir.move(vtt, outDir.resolve(VTT).toAbsolutePath());
            return made;
        } catch (IOException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, FAILED, e.toString(), e);
        }
    }

    private static List<String> arguments(Path source, MediaInfo info, StoryboardPlan plan, Path outPattern) {
        VideoStream video = info.video();
        List<String> filters = new ArrayList<>(VideoFilters.normalize(video));
        // The first frame of each interval. (ffmpeg 4.4's fps filter drops everything from a clip shorter than one
        // output frame period, so it cannot be used here.)
        filters.add("select='isnan(prev_selected_t)+gt(floor(t/" + plan.intervalSeconds() + ")\\,floor(prev_selected_t/"
                + plan.intervalSeconds() + "))'");
        filters.add(VideoFilters.scale(plan.tileWidth(), plan.tileHeight()));
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "warning",
                // A thumbnail is at most 160 px wide: deblocking is invisible at that size, and a frame nothing refers
                // to can go undecoded (an interval starts with the next decoded one). Half the decoding work.
                "-skip_loop_filter", "all", "-skip_frame", "noref"));
        args.addAll(Ffmpeg.localInput(source));
        args.addAll(List.of("-map", "0:" + video.index(),
                "-vf", VideoFilters.chain(filters),
                "-vsync", "vfr", "-frames:v", String.valueOf(plan.tiles()), "-q:v", "4", "-map_metadata", "-1",
                "-f", "image2", "-c:v", "mjpeg", outPattern.toString()));
        return args;
    }

    private static List<BufferedImage> thumbs(Path dir, int max) throws IOException {
        List<BufferedImage> thumbs = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            Path thumb = dir.resolve(String.format(Locale.ROOT, "thumb-%05d.jpg", i));
            BufferedImage image = Files.isRegularFile(thumb) ? ImageIO.read(thumb.toFile()) : null;
            if (image == null) {
                break;
            }
            thumbs.add(image);
        }
        if (thumbs.isEmpty()) {
            throw new IOException("ffmpeg wrote no thumbnail to " + dir);
        }
        return thumbs;
    }

    private static BufferedImage sprite(StoryboardPlan plan, List<BufferedImage> thumbs) {
        BufferedImage sprite = new BufferedImage(plan.spriteWidth(), plan.spriteHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sprite.createGraphics();
        try {
            for (int i = 0; i < plan.tiles(); i++) {
                g.drawImage(thumbs.get(i), (i % plan.columns()) * plan.tileWidth(),
                        (i / plan.columns()) * plan.tileHeight(), plan.tileWidth(), plan.tileHeight(), null);
            }
        } finally {
            g.dispose();
        }
        return sprite;
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam params = writer.getDefaultWriteParam();
        params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        params.setCompressionQuality(JPEG_QUALITY);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), params);
        } finally {
            writer.dispose();
        }
    }
}
