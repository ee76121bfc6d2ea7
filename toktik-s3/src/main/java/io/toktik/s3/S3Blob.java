package io.toktik.s3;

import io.toktik.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A blob seen by HeadObject. Reads are ranged GETs pinned to the version that was seen (If-Match on its ETag),
 * so a reader never mixes the length of one version with the bytes of the next.
 */
record S3Blob(S3Client s3, String bucket, String key, long length, String eTag) implements BlobStore.Blob {
    private static final int PRECONDITION_FAILED = 412;

    @Override
    public InputStream open(long offset) throws IOException {
        if (offset < 0) throw new IllegalArgumentException("Negative offset " + offset + " in blob " + key);
        if (offset >= length) return InputStream.nullInputStream();
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key).ifMatch(eTag).range(offset == 0 ? null : "bytes=" + offset + "-"));
        } catch (SdkException e) {
            if (e instanceof S3Exception s && s.statusCode() == PRECONDITION_FAILED) {
                throw new IOException("Blob " + key + " was replaced while being read.", e);
            }
            throw S3Errors.failed("GetObject of " + key, e);
        }
    }

    @Override
    public String toString() {
        return "S3Blob[" + bucket + "/" + key + ", " + length + " bytes]";
    }
}
