package io.toktik.server.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.FileSystemBlobStore;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.upload.Upload;
import io.toktik.core.upload.UploadRepository;
import io.toktik.core.video.JdbcVideoRepository;
import io.toktik.tests.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ArrivingSource} gives up on an upload that brings no byte for {@link ArrivingSource#IDLE}. */
class ArrivingSourceTest {
    private static final int PART = 1000;

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final JdbcClient jdbc = TestDatabase.embedded();
    private final UploadRepository uploads = new UploadRepository(jdbc);
    private BlobStore blobs;
    private Upload upload;

    @BeforeEach
    void startUpload() throws Exception {
        blobs = new FileSystemBlobStore(tmp.resolve("blobs"));
        UUID videoId = UUID.randomUUID();
        String handle = blobs.startParts(BlobKeys.source(videoId));
        upload = new Upload(UUID.randomUUID(), videoId, UUID.randomUUID(), 10L * PART, 0, "", handle, null, 0,
                clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        uploads.insert(upload);
    }

    @Test
    void anUploadBringingNoByteForTheIdleTime_stopsTheSource_countingFromItsLastByte() throws Exception {
        try (ArrivingSource source = new ArrivingSource(blobs, uploads, new JdbcVideoRepository(jdbc), upload.videoId(),
                upload.id(), () -> true, clock)) {
            storePart(1);
            assertThat(source.readNBytes(PART)).hasSize(PART);

            clock.advance(ArrivingSource.IDLE.minusSeconds(1));
            storePart(2);
            assertThat(source.readNBytes(PART)).as("a part came in time: reading goes on").hasSize(PART);

            clock.advance(ArrivingSource.IDLE);
            assertThatThrownBy(source::read).isInstanceOf(ArrivingSource.Stopped.class).hasMessageContaining("no byte arrived");
            assertThat(source.stopped()).isPresent();
        }
    }

    /** Stores and records the upload's part {@code number}, the next {@link #PART} bytes. */
    private void storePart(int number) throws Exception {
        long offset = (number - 1L) * PART;
        byte[] bytes = new byte[PART];
        Arrays.fill(bytes, (byte) number);
        StoredPart part = blobs.putPart(BlobKeys.source(upload.videoId()), upload.storeHandle(), number, offset,
                new ByteArrayInputStream(bytes), PART);
        Upload before = uploads.find(upload.id()).orElseThrow();
        assertThat(uploads.recordChunk(before, offset + PART, List.of(part), null, 0, before.expiresAt(), false)).isTrue();
    }

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
