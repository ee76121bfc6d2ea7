package io.toktik.media;

import java.util.Locale;

/** Builds RFC 6381 {@code avc1.PPCCLL} strings from an H.264 stream's SPS (profile, constraint flags, level). */
final class AvcCodecString {

    private static final int NAL_TYPE_SPS = 7;
    private static final int CONSTRAINED_FLAG = 1 << 9; // FFmpeg's AV_PROFILE_H264_CONSTRAINED

    private AvcCodecString() {
    }

    /**
     * Reads profile_idc, the constraint-flags byte and level_idc from the decoder configuration (avcC) or the
     * first SPS of Annex B extradata; falls back to FFmpeg's profile and level numbers when there is no SPS.
     *
     * @return e.g. {@code avc1.64001f}, or null when nothing is known
     */
    static String of(byte[] extradata, int profile, int level) {
        if (extradata != null) {
            if (extradata.length >= 4 && extradata[0] == 1) {
                return format(extradata[1], extradata[2], extradata[3]);
            }
            int sps = findAnnexBSps(extradata);
            if (sps >= 0) {
                return format(extradata[sps], extradata[sps + 1], extradata[sps + 2]);
            }
        }
        if (profile <= 0 || level <= 0) {
            return null;
        }
        int constraints = (profile & CONSTRAINED_FLAG) != 0 ? 0x40 : 0x00;
        return format(profile & 0xFF, constraints, level);
    }

    static String format(int profileIdc, int constraintFlags, int levelIdc) {
        return String.format(Locale.ROOT, "avc1.%02x%02x%02x", profileIdc & 0xFF, constraintFlags & 0xFF,
                levelIdc & 0xFF);
    }

    /** Index of the byte after the SPS NAL header, or -1; the SPS must have at least 3 payload bytes. */
    private static int findAnnexBSps(byte[] data) {
        for (int i = 0; i + 6 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1F) == NAL_TYPE_SPS) {
                return i + 4;
            }
        }
        return -1;
    }
}
