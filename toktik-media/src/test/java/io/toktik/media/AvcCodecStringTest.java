package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvcCodecStringTest {

    @Test
    void readsTheDecoderConfigurationRecordOfMp4() {
        byte[] avcC = {1, 0x64, 0x00, 0x1f, (byte) 0xff, (byte) 0xe1};

        assertThat(AvcCodecString.of(avcC, 100, 31)).isEqualTo("avc1.64001f");
    }

    @Test
    void readsTheSpsOfAnnexBExtradataAsInMpegTs() {
        byte[] annexB = {0, 0, 0, 1, 0x67, 0x4d, 0x40, 0x1e, (byte) 0xac, 0, 0, 0, 1, 0x68, (byte) 0xeb};

        assertThat(AvcCodecString.of(annexB, 77, 30)).isEqualTo("avc1.4d401e");
    }

    @Test
    void fallsBackToProfileAndLevelWithoutExtradata() {
        assertThat(AvcCodecString.of(null, 100, 31)).isEqualTo("avc1.64001f");
        assertThat(AvcCodecString.of(new byte[0], 66 | (1 << 9), 30)).isEqualTo("avc1.42401e");
        assertThat(AvcCodecString.of(null, -1, -1)).isNull();
    }
}
