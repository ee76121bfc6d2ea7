package io.toktik.server.upload;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.queue.JobQueue;
import io.toktik.core.upload.EarlyStart;
import io.toktik.core.upload.ResumableUploads;
import io.toktik.core.upload.UploadRepository;
import io.toktik.core.video.EarlyEncodes;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoService;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.StartStopLifecycle;
import io.toktik.server.config.TokTikProperties;
import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Resumable uploads on api nodes: the service, the tus filter, CORS for browser clients, and the expiry sweep. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ConditionalOnRole.API)
class UploadConfiguration {

    @Bean
    ResumableUploads resumableUploads(JdbcClient jdbc, BlobStore blobs, VideoService videos, VideoRepository videoRows,
                                      JobQueue jobs, TransactionTemplate tx, Clock clock, TokTikProperties props) {
        UploadRepository uploads = new UploadRepository(jdbc);
        // An early job holds its thread while the upload arrives, so it encodes only on threads the embedded queue's
        // workers reserve for it; RabbitMQ's workers share theirs, and would only hand it back.
        boolean reservedThreads = !"rabbitmq".equals(props.queue().type());
        EarlyStart early = props.upload().earlyStart() && reservedThreads
                ? new EarlyStart(blobs, uploads, new EarlyEncodes(jdbc), videoRows, jobs, tx) : null;
        return new ResumableUploads(uploads, blobs, videos, tx, clock, props.upload().expiry(), early);
    }

    /** Before security, so that 401s carry the tus headers too and an overridden method is what security sees. */
    @Bean
    FilterRegistrationBean<TusFilter> tusFilter() {
        FilterRegistrationBean<TusFilter> registration = new FilterRegistrationBean<>(new TusFilter());
        registration.addUrlPatterns("/api/uploads", "/api/uploads/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Any origin may use the upload endpoint: it takes bearer tokens only, never cookies. */
    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(java.util.List.of("POST", "HEAD", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(Tus.REQUEST_HEADERS);
        cors.setExposedHeaders(Tus.RESPONSE_HEADERS);
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/uploads", cors);
        source.registerCorsConfiguration("/api/uploads/*", cors);
        return source;
    }

    @Bean
    StartStopLifecycle expiredUploadSweep(ResumableUploads uploads, TokTikProperties props) {
        return StartStopLifecycle.every(props.upload().sweepInterval(), "toktik-upload-sweeper", uploads::sweepExpired, false);
    }
}
