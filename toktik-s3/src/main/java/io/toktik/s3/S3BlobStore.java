package io.toktik.s3;

import io.toktik.core.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link BlobStore} on an S3 bucket. A blob becomes visible whole or not at all: bodies up to one part go up in a
 * single PutObject, larger ones in a multipart upload (one part in memory at a time) that is aborted on any failure.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    /** The size of each uploaded part, and so the memory one write holds. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** S3 refuses parts below 5 MiB, except the last. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3 numbers parts 1 to 10,000. */
    static final int MAX_PARTS = 10_000;
    /** Files above this go up as multipart uploads, below it in one PutObject. */
    static final long PUT_FILE_MULTIPART_THRESHOLD = 64L * 1024 * 1024;
    /** The most keys one DeleteObjects request may name. */
    private static final int DELETE_BATCH = 1000;
    /** SigV4 presigned URLs live at most a week. */
    private static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

    private final S3Settings settings;
    private final String bucket;
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3BlobStore(S3Settings settings) {
        if (S3Settings.isBlank(settings.bucket())) throw new IllegalArgumentException("No S3 bucket configured.");
        if (S3Settings.isBlank(settings.region())) throw new IllegalArgumentException("No S3 region configured.");
        this.settings = settings;
        this.bucket = settings.bucket();
        this.s3 = S3Clients.client(settings);
        this.presigner = S3Clients.presigner(settings);
    }

    @Override
    public long write(String key, InputStream in, long maxBytes) throws IOException {
        InputStream body = new LimitedInputStream(in, maxBytes);
        byte[] part = new byte[PART_SIZE];
        int n = body.readNBytes(part, 0, PART_SIZE);
        if (n < PART_SIZE) {
            put(key, bytes(part, n, ContentTypes.of(key)));
            return n;
        }
        MultipartUpload upload = start(key);
        try {
            long total = 0;
            for (; n > 0; n = body.readNBytes(part, 0, PART_SIZE)) {
                upload.upload(part, n);
                total += n;
            }
            upload.complete();
            return total;
        } catch (SdkException e) {
            upload.abort(e);
            throw S3Errors.failed("multipart upload of " + key, e);
        } catch (IOException | RuntimeException e) {
            upload.abort(e);
            throw e;
        }
    }

    @Override
    public void putFile(String key, Path file) throws IOException {
        long size = Files.size(file);
        if (size <= PUT_FILE_MULTIPART_THRESHOLD) {
            put(key, RequestBody.fromFile(file));
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                write(key, in, size);
            }
        }
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new S3Blob(s3, bucket, key, head.contentLength(), head.eTag()));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) return Optional.empty();
            throw S3Errors.failed("HeadObject of " + key, e);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        ResponseInputStream<?> body;
        try {
            body = s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) throw new NoSuchFileException(key);
            throw S3Errors.failed("GetObject of " + key, e);
        }
        try (InputStream in = body) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target); // no half copy left behind
            throw e;
        }
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        if (S3Settings.isBlank(prefix)) throw new IllegalArgumentException("Refusing to delete the whole bucket: the prefix is empty.");
        try {
            List<ObjectIdentifier> batch = new ArrayList<>(DELETE_BATCH);
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == DELETE_BATCH) deleteBatch(prefix, batch);
            }
            if (!batch.isEmpty()) deleteBatch(prefix, batch);
        } catch (SdkException e) {
            throw S3Errors.failed("deleting everything under " + prefix, e);
        }
    }

    @Override
    public String startParts(String key) throws IOException {
        try {
            return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(ContentTypes.of(key))).uploadId();
        } catch (SdkException e) {
            throw S3Errors.failed("CreateMultipartUpload of " + key, e);
        }
    }

    /** S3 keeps each part apart and joins them at completion, so the part's offset is not needed. */
    @Override
    public StoredPart putPart(String key, String uploadId, int number, long offset, InputStream in, long length) throws IOException {
        if (number < 1 || number > maxParts()) throw new IllegalArgumentException("Part number " + number + " is out of range.");
        try {
            String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                    RequestBody.fromInputStream(new ExactLengthInputStream(in, length), length)).eTag();
            return new StoredPart(number, eTag, length);
        } catch (SdkException e) {
            throw S3Errors.failed("UploadPart " + number + " of " + key, e);
        } catch (IllegalStateException e) { // the SDK's retry of a body that broke midway and cannot be read again
            throw new IOException("S3 UploadPart " + number + " of " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** An S3 part is sent whole, with its length up front. */
    @Override
    public boolean writesPartsInPlace() {
        return false;
    }

    @Override
    public PartWriter writePart(String key, String uploadId, int number, long offset) {
        throw new UnsupportedOperationException("S3 takes whole parts (putPart), not parts written as their bytes arrive.");
    }

    @Override
    public void completeParts(String key, String uploadId, List<StoredPart> parts) throws IOException {
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.tag()).build()).toList();
        try {
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(completed)));
        } catch (SdkException e) {
            throw S3Errors.failed("CompleteMultipartUpload of " + key, e);
        }
    }

    /** S3 serves no part of a multipart upload before CompleteMultipartUpload. */
    @Override
    public Optional<InputStream> openParts(String key, String uploadId, List<StoredPart> parts, long from) {
        return Optional.empty();
    }

    @Override
    public boolean readsUnfinishedParts() {
        return false;
    }

    @Override
    public void abortParts(String key, String uploadId) throws IOException {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) throw S3Errors.failed("AbortMultipartUpload of " + key, e);
        }
    }

    @Override
    public long minPartSize() {
        return MIN_PART_SIZE;
    }

    @Override
    public int maxParts() {
        return MAX_PARTS;
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
            throw new IllegalArgumentException("A presigned URL lives more than zero and at most " + MAX_PRESIGN_TTL + ", not " + ttl + ".");
        }
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(r -> r.bucket(bucket).key(key)))
                    .url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK presigned an invalid URL for " + key, e);
        }
    }

    /** Creates the bucket unless it exists; true when it was created. For development and tests. */
    public boolean createBucketIfMissing() throws IOException {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return false;
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) throw S3Errors.failed("HeadBucket " + bucket, e);
        }
        try {
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!Region.US_EAST_1.id().equals(settings.region())) r.createBucketConfiguration(c -> c.locationConstraint(settings.region()));
            });
            return true;
        } catch (BucketAlreadyOwnedByYouException e) {
            return false; // created meanwhile by another process
        } catch (SdkException e) {
            throw S3Errors.failed("CreateBucket " + bucket, e);
        }
    }

    /** Throws unless the bucket exists and these credentials may use it (HeadBucket). */
    public void checkBucket() throws IOException {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw S3Errors.failed("HeadBucket " + bucket, e);
        }
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + settings + "]";
    }

    /** {@code length} bytes of {@code buffer} as a body the SDK can resend on retry, without copying them. */
    static RequestBody bytes(byte[] buffer, int length, String contentType) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, contentType);
    }

    private void put(String key, RequestBody body) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(ContentTypes.of(key)), body);
        } catch (SdkException e) {
            throw S3Errors.failed("PutObject of " + key, e);
        }
    }

    private MultipartUpload start(String key) throws IOException {
        try {
            return MultipartUpload.start(s3, bucket, key, ContentTypes.of(key));
        } catch (SdkException e) {
            throw S3Errors.failed("CreateMultipartUpload of " + key, e);
        }
    }

    private void deleteBatch(String prefix, List<ObjectIdentifier> batch) throws IOException {
        DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        batch.clear();
        if (!response.errors().isEmpty()) {
            S3Error first = response.errors().getFirst();
            throw new IOException("S3 could not delete " + response.errors().size() + " blobs under " + prefix
                    + ", first " + first.key() + ": " + first.code() + " " + first.message());
        }
    }
}
