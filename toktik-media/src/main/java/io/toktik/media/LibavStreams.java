package io.toktik.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_color_primaries_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_space_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/** Converts libavformat's native stream structs into {@link VideoStream} and {@link AudioStream} records. */
final class LibavStreams {

    private static final String[] FIELD_ORDERS = {"unknown", "progressive", "tt", "bb", "tb", "bt"};
    private static final int UNKNOWN_PROFILE_OR_LEVEL = -99; // AV_PROFILE_UNKNOWN, AV_LEVEL_UNKNOWN
    private static final double VFR_TOLERANCE = 0.02;
    private static final int DISPLAY_MATRIX_BYTES = 9 * Integer.BYTES;

    private LibavStreams() {
    }

    static VideoStream video(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        double average = rate(stream.avg_frame_rate());
        double base = rate(stream.r_frame_rate());
        boolean variable = average > 0 && base > 0 && Math.abs(average - base) / base > VFR_TOLERANCE;
        int profile = known(par.profile());
        int level = known(par.level());
        String codec = name(avcodec_get_name(par.codec_id()), "unknown");
        return new VideoStream(stream.index(), codec, par.width(), par.height(), rotation(par),
                name(av_get_pix_fmt_name(par.format()), "unknown"), bitDepth(par.format()),
                average > 0 ? average : base, variable, name(av_color_transfer_name(par.color_trc()), "unknown"),
                name(av_color_primaries_name(par.color_primaries()), "unknown"),
                name(av_color_space_name(par.color_space()), "unknown"),
                fieldOrder(par.field_order()), profile, level, Math.max(par.bit_rate(), 0),
                codec.equals("h264") ? AvcCodecString.of(extradata(par), profile, level) : null,
                durationMs(stream));
    }

    static AudioStream audio(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        return new AudioStream(stream.index(), name(avcodec_get_name(par.codec_id()), "unknown"),
                par.ch_layout().nb_channels(), par.sample_rate(), Math.max(par.bit_rate(), 0));
    }

    /** The frame count the container declares, else one estimated from duration; 0 when neither is known. */
    static long frameCount(AVStream stream, double frameRate) {
        if (stream.nb_frames() > 0) {
            return stream.nb_frames();
        }
        if (stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0 || frameRate <= 0) {
            return 0;
        }
        return Math.round(stream.duration() * rate(stream.time_base()) * frameRate);
    }

    /** The stream's own duration in milliseconds; 0 when the container does not say. */
    static long durationMs(AVStream stream) {
        if (stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0) {
            return 0;
        }
        return Math.round(stream.duration() * rate(stream.time_base()) * 1000);
    }

    /** Clockwise degrees for display, from the display matrix (which stores the counter-clockwise angle). */
    private static int rotation(AVCodecParameters par) {
        AVPacketSideData side = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (side == null || side.isNull() || side.data() == null || side.size() < DISPLAY_MATRIX_BYTES) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(side.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long quarterTurns = Math.round(-counterClockwise / 90.0);
        return (int) Math.floorMod(quarterTurns * 90, 360L);
    }

    private static int bitDepth(int pixelFormat) {
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(pixelFormat);
        return descriptor == null || descriptor.isNull() ? 0 : descriptor.comp(0).depth();
    }

    private static byte[] extradata(AVCodecParameters par) {
        BytePointer data = par.extradata();
        int size = par.extradata_size();
        if (data == null || data.isNull() || size <= 0) {
            return null;
        }
        byte[] bytes = new byte[size];
        data.get(bytes, 0, size);
        return bytes;
    }

    private static String fieldOrder(int order) {
        return order >= 0 && order < FIELD_ORDERS.length ? FIELD_ORDERS[order] : "unknown";
    }

    private static int known(int value) {
        return value == UNKNOWN_PROFILE_OR_LEVEL ? -1 : value;
    }

    static double rate(AVRational rational) {
        return rational.num() > 0 && rational.den() > 0 ? (double) rational.num() / rational.den() : 0;
    }

    private static String name(BytePointer pointer, String fallback) {
        return pointer == null || pointer.isNull() ? fallback : pointer.getString();
    }
}
