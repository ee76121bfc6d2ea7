package io.toktik.server.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.server.api.ApiException;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Upload-Metadata, Upload-Checksum and Upload-Expires as tus writes them. */
class TusHeaderParsingTest {

    @Test
    void metadata_isPairsOfKeysAndBase64Values_aValueMayBeAbsent() {
        assertThat(UploadMetadata.parse("videoId MTIz, filename Y2xpcC5tcDQ=,is_draft"))
                .containsExactly(java.util.Map.entry("videoId", "123"), java.util.Map.entry("filename", "clip.mp4"),
                        java.util.Map.entry("is_draft", ""));
        assertThat(UploadMetadata.parse(null)).isEmpty();
        assertThat(UploadMetadata.parse("  ")).isEmpty();
    }

    @Test
    void metadata_thatIsNotPairs_isABadRequest() {
        assertThatThrownBy(() -> UploadMetadata.parse("videoId MTIz extra")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadMetadata.parse("videoId  MTIz")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadMetadata.parse("videoId ***")).hasMessageContaining("base64");
        assertThatThrownBy(() -> UploadMetadata.parse("a MQ==,a Mg==")).hasMessageContaining("twice");
        assertThatThrownBy(() -> UploadMetadata.parse("a " + "A".repeat(5000))).hasMessageContaining("longer");
    }

    @Test
    void checksum_isSha1InBase64_orAbsent() {
        byte[] digest = new byte[20];
        digest[0] = 7;
        assertThat(UploadChecksum.sha1("sha1 " + Base64.getEncoder().encodeToString(digest))).isEqualTo(digest);
        assertThat(UploadChecksum.sha1(null)).isNull();
    }

    @Test
    void checksum_ofAnotherAlgorithmOrShape_isABadRequest() {
        assertThatThrownBy(() -> UploadChecksum.sha1("md5 " + Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("sha1");
        assertThatThrownBy(() -> UploadChecksum.sha1("sha1 " + Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> UploadChecksum.sha1("sha1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadChecksum.sha1("sha1 not*base64")).isInstanceOf(ApiException.class);
    }

    @Test
    void expiry_isAnHttpDate() {
        assertThat(Tus.httpDate(Instant.parse("2026-11-28T10:43:34Z"))).isEqualTo("Sat, 28 Nov 2026 10:43:34 GMT");
    }
}
