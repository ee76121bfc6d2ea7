package io.toktik.server.config;

import io.toktik.s3.S3BlobStore;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Blob storage on an S3 bucket ({@code TOKTIK_STORAGE=s3}), created at startup when missing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBackend(property = "toktik.storage.type", value = "s3")
class S3StorageConfiguration {
    private static final Logger log = LoggerFactory.getLogger(S3StorageConfiguration.class);

    @Bean
    S3BlobStore s3BlobStore(TokTikProperties props) throws IOException {
        S3BlobStore store = new S3BlobStore(props.storage().s3());
        try {
            if (store.createBucketIfMissing()) log.info("Created the S3 bucket {}", store.bucket());
            log.info("Blobs are stored in {}", store);
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Bean
    HealthIndicator s3(S3BlobStore store) {
        return HealthChecks.of(store::checkBucket);
    }
}
