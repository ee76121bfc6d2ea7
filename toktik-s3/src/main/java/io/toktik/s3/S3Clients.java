package io.toktik.s3;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the SDK's client and presigner from {@link S3Settings}, on the JDK's own HTTP client. */
final class S3Clients {
    private S3Clients() {}

    static S3Client client(S3Settings s) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(s.region()))
                .credentialsProvider(credentials(s))
                .forcePathStyle(s.pathStyle());
        if (!S3Settings.isBlank(s.endpoint())) {
            // S3-compatible servers vary in their support of the newer flexible checksums: send them only when required.
            builder.endpointOverride(URI.create(s.endpoint()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    static S3Presigner presigner(S3Settings s) {
        var builder = S3Presigner.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials(s))
                // Browsers fetch presigned URLs: they must not depend on checksum headers only the SDK would send.
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(s.pathStyle())
                        .checksumValidationEnabled(false)
                        .build());
        if (!S3Settings.isBlank(s.endpoint())) builder.endpointOverride(URI.create(s.endpoint()));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings s) {
        return s.hasStaticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()))
                : DefaultCredentialsProvider.builder().build();
    }
}
