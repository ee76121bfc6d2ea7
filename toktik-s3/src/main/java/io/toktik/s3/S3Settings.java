package io.toktik.s3;

/**
 * Where and how to reach the bucket. A blank {@code endpoint} means AWS itself; blank keys mean the SDK's
 * default credentials chain (environment, profile, instance role).
 */
public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {

    /** Never prints the credentials. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + (isBlank(endpoint) ? "aws" : endpoint) + ", region=" + region + ", bucket=" + bucket
                + ", credentials=" + (hasStaticCredentials() ? "static" : "default chain") + ", pathStyle=" + pathStyle + "]";
    }

    boolean hasStaticCredentials() {
        return !isBlank(accessKey) && !isBlank(secretKey);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
