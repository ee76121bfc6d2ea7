package io.toktik.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.PointerPointer;

/** Test helper: the times (seconds from the first video packet) of every video keyframe in a file or playlist. */
final class Keyframes {

    private Keyframes() {
    }

    static List<Double> times(Path file) {
        new MediaProber(); // libav initialisation (quiet logging)
        AVFormatContext context = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            if (avformat_open_input(context, file.toAbsolutePath().toString(), null, null) < 0
                    || avformat_find_stream_info(context, (PointerPointer<?>) null) < 0) {
                throw new IllegalStateException("cannot open " + file);
            }
            List<Double> times = new ArrayList<>();
            Long first = null;
            while (av_read_frame(context, packet) >= 0) {
                AVStream stream = context.streams(packet.stream_index());
                if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    first = first == null ? packet.pts() : first;
                    if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                        times.add((packet.pts() - first) * LibavStreams.rate(stream.time_base()));
                    }
                }
                av_packet_unref(packet);
            }
            return times;
        } finally {
            av_packet_free(packet);
            avformat_close_input(context);
        }
    }
}
