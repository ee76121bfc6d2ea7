package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.util.Set;

/** Tells a single picture (PNG, JPEG, WebP, ...) from a video, while accepting e.g. MJPEG video in AVI or MOV. */
final class StillImages {

    private static final Set<String> IMAGE_CODECS = Set.of(
            "png", "apng", "mjpeg", "jpeg2000", "jpegls", "jpegxl", "bmp", "webp", "gif", "tiff", "targa", "pam",
            "pbm", "pgm", "pgmyuv", "ppm", "pcx", "sgi", "sunrast", "xbm", "xpm", "xwd", "dpx", "exr", "qoi",
            "hdr", "photocd", "ddp", "dds", "psd", "pictor", "avrp");

    private StillImages() {
    }

    /**
     * Throws {@code STILL_IMAGE} when the stream is an image codec read by an image demuxer ({@code image2},
     * {@code *_pipe}) or holding at most one frame, or when the container declares exactly one frame.
     *
     * @param frames frames declared or estimated; 0 when unknown
     */
    static void reject(String formatName, VideoStream video, long frames) throws MediaException {
        boolean imageDemuxer = formatName.equals("image2") || formatName.endsWith("_pipe");
        boolean imageCodec = IMAGE_CODECS.contains(video.codec());
        boolean still = frames == 1 || (imageCodec && (imageDemuxer || frames <= 1));
        if (still) {
            throw new MediaException(Code.STILL_IMAGE, "This file is a still image, not a video.",
                    formatName + "/" + video.codec() + ", frames=" + frames);
        }
    }
}
