package io.toktik.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** One S3 multipart upload: parts go up in order; nothing is visible until {@link #complete()}. */
final class MultipartUpload {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();

    private MultipartUpload(S3Client s3, String bucket, String key, String uploadId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
    }

    static MultipartUpload start(S3Client s3, String bucket, String key, String contentType) {
        String id = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
        return new MultipartUpload(s3, bucket, key, id);
    }

    /** Uploads {@code length} bytes of {@code buffer}; the buffer may be reused once this returns. */
    void upload(byte[] buffer, int length) {
        int number = parts.size() + 1;
        RequestBody body = S3BlobStore.bytes(buffer, length, ContentTypes.OCTET_STREAM);
        String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength((long) length), body).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
    }

    void complete() {
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
    }

    /** Discards the parts sent so far; a failure to abort is attached to {@code cause} rather than hiding it. */
    void abort(Exception cause) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }
}
