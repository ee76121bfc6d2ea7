package io.toktik.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void toString_neverShowsTheCredentials() {
        var settings = new S3Settings("http://minio:9000", "us-east-1", "toktik", "AKIAEXAMPLEKEY", "very-secret-key", true);
        assertThat(settings.toString()).doesNotContain("AKIAEXAMPLEKEY", "very-secret-key").contains("minio:9000", "toktik");
        assertThat(new S3BlobStore(settings).toString()).doesNotContain("AKIAEXAMPLEKEY", "very-secret-key");
    }

    @Test
    void contentTypes_followTheKeysExtension() {
        assertThat(ContentTypes.of("videos/x/hls/master.m3u8")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(ContentTypes.of("videos/x/hls/720p/seg_00001.ts")).isEqualTo("video/mp2t");
        assertThat(ContentTypes.of("videos/x/poster.jpg")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.of("videos/x/source")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("videos/x.y/source")).isEqualTo("application/octet-stream");
    }
}
