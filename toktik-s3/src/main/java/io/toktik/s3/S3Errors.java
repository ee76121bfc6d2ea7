package io.toktik.s3;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns the SDK's unchecked exceptions into the port's {@link IOException}s, naming what failed. */
final class S3Errors {
    private static final int NOT_FOUND = 404;

    private S3Errors() {}

    static IOException failed(String action, SdkException e) {
        return new IOException("S3 " + action + " failed: " + e.getMessage(), e);
    }

    /** True for "no such key" and "no such bucket" alike (a HEAD's 404 carries no error code). */
    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == NOT_FOUND;
    }
}
