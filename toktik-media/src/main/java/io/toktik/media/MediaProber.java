package io.toktik.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_network_init;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.toktik.media.MediaException.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/** Reads a file's streams in-process with FFmpeg 8's libavformat (the ffprobe role); thread-safe. */
public final class MediaProber {

    private static final String NETWORK_TIMEOUT_MICROS = "15000000";
    private static final Set<String> REFERENCING_FORMATS = Set.of("hls", "concat", "dash");
    private static final String NOT_A_VIDEO_MESSAGE =
            "We couldn't read this file as a video. It may be damaged, incomplete, or not a video at all.";

    // Every call uses its own native context, always freed before returning. libav logging is switched off
    // process-wide: failures surface as MediaExceptions instead.
    static {
        av_log_set_level(AV_LOG_QUIET);
        avformat_network_init();
    }

    /**
     * Probes a local file, typically an upload. Playlist-like inputs (HLS, concat lists) are refused as
     * {@code NOT_A_VIDEO}: they would make ffmpeg open other files or URLs named inside them.
     */
    public MediaInfo probe(Path file) throws MediaException {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new MediaException(Code.UNREADABLE, "We couldn't find this file.", file.toString());
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new MediaException(Code.UNREADABLE, "We couldn't find this file.", file.toString(), e);
        } catch (IOException e) {
            throw new MediaException(Code.UNREADABLE, "We couldn't read this file.", e.toString(), e);
        }
        if (size == 0) {
            throw new MediaException(Code.EMPTY_FILE, "This file is empty (0 bytes).");
        }
        MediaInfo info = open("file:" + file.toAbsolutePath(), false);
        if (REFERENCING_FORMATS.contains(info.formatName())) {
            throw new MediaException(Code.NOT_A_VIDEO, "This file is a playlist, not a video. Upload the video itself.",
                    info.formatName());
        }
        return info;
    }

    /**
     * Probes anything libavformat can open by URL, e.g. an {@code http://} HLS master playlist, whose variants
     * all appear in {@link MediaInfo#videoStreams()} (a local one too, as {@code file:/...}). Network reads time out
     * after 15 s.
     */
    public MediaInfo probe(String url) throws MediaException {
        boolean network = url.startsWith("http://") || url.startsWith("https://");
        return open(url, network);
    }

    private MediaInfo open(String url, boolean network) throws MediaException {
        AVFormatContext context = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        try (BytePointer nativeUrl = new BytePointer(url, StandardCharsets.UTF_8)) {
            if (network) {
                av_dict_set(options, "rw_timeout", NETWORK_TIMEOUT_MICROS, 0);
            }
            int rc = avformat_open_input(context, nativeUrl, null, options);
            if (rc < 0) {
                throw openFailure(rc, network, url);
            }
            rc = avformat_find_stream_info(context, (PointerPointer<?>) null);
            if (rc < 0) {
                throw new MediaException(Code.NOT_A_VIDEO, NOT_A_VIDEO_MESSAGE, errorText(rc));
            }
            return describe(context);
        } finally {
            av_dict_free(options);
            avformat_close_input(context);
        }
    }

    private static MediaInfo describe(AVFormatContext context) throws MediaException {
        List<AVStream> videos = new ArrayList<>();
        List<AVStream> audios = new ArrayList<>();
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            int type = stream.codecpar().codec_type();
            if (type == AVMEDIA_TYPE_VIDEO && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                videos.add(stream);
            } else if (type == AVMEDIA_TYPE_AUDIO) {
                audios.add(stream);
            }
        }
        if (videos.isEmpty()) {
            throw audios.isEmpty()
                    ? new MediaException(Code.NOT_A_VIDEO, NOT_A_VIDEO_MESSAGE, "no audio or video streams")
                    : new MediaException(Code.NO_VIDEO_STREAM,
                            "We couldn't find any video in this file (it has only audio).");
        }
        String formatName = context.iformat().name().getString();
        AVStream main = preferDefault(videos);
        VideoStream video = LibavStreams.video(main);
        StillImages.reject(formatName, video, LibavStreams.frameCount(main, video.frameRate()));
        requireReadable(main.codecpar(), video);
        List<VideoStream> all = new ArrayList<>();
        for (AVStream stream : videos) {
            all.add(stream == main ? video : LibavStreams.video(stream));
        }
        AudioStream audio = audios.isEmpty() ? null : LibavStreams.audio(preferDefault(audios));
        return new MediaInfo(durationMs(context, main), formatName, Math.max(context.bit_rate(), 0), video, audio,
                all);
    }

    private static void requireReadable(AVCodecParameters par, VideoStream video) throws MediaException {
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null || decoder.isNull()) {
            throw new MediaException(Code.UNSUPPORTED,
                    "This video is in a format we can't process (" + video.codec() + ").");
        }
        if (video.width() <= 0 || video.height() <= 0) {
            throw new MediaException(Code.NOT_A_VIDEO, NOT_A_VIDEO_MESSAGE, "video stream has no picture size");
        }
    }

    private static AVStream preferDefault(List<AVStream> streams) {
        return streams.stream()
                .filter(s -> (s.disposition() & AV_DISPOSITION_DEFAULT) != 0)
                .findFirst()
                .orElse(streams.getFirst());
    }

    private static long durationMs(AVFormatContext context, AVStream video) {
        if (context.duration() != AV_NOPTS_VALUE && context.duration() > 0) {
            return context.duration() / 1000;
        }
        return LibavStreams.durationMs(video);
    }

    private static MediaException openFailure(int rc, boolean network, String url) {
        if (rc == AVERROR_INVALIDDATA || rc == AVERROR_EOF) {
            return new MediaException(Code.NOT_A_VIDEO, NOT_A_VIDEO_MESSAGE, errorText(rc));
        }
        String message = network ? "We couldn't download the video." : "We couldn't read this file.";
        return new MediaException(Code.UNREADABLE, message, url + ": " + errorText(rc));
    }

    private static String errorText(int rc) {
        byte[] buffer = new byte[256];
        av_strerror(rc, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8) + " (" + rc + ")";
    }
}
