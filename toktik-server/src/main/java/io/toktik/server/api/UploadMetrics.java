package io.toktik.server.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.toktik.server.config.ConditionalOnRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts upload bytes as the server reads them ({@code toktik_upload_bytes_total{protocol}}): plain
 * {@code PUT /api/videos/{id}/source} bodies ({@code put}) and tus {@code PATCH}es under {@code /api/uploads} ({@code tus}),
 * whether or not the upload completes.
 */
@Component
@ConditionalOnRole(ConditionalOnRole.API)
class UploadMetrics extends OncePerRequestFilter {
    private static final String UPLOAD_BYTES = "toktik.upload.bytes";

    private final Counter putBytes;
    private final Counter tusBytes;

    UploadMetrics(MeterRegistry meters) {
        this.putBytes = counter(meters, "put");
        this.tusBytes = counter(meters, "tus");
    }

    private static Counter counter(MeterRegistry meters, String protocol) {
        return Counter.builder(UPLOAD_BYTES).description("Bytes of upload bodies received").baseUnit("bytes")
                .tag("protocol", protocol).register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return counterFor(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CountedRequest(request, counterFor(request)), response);
    }

    private Counter counterFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("PUT".equals(request.getMethod()) && path.startsWith("/api/videos/") && path.endsWith("/source")) return putBytes;
        if ("PATCH".equals(request.getMethod()) && path.startsWith("/api/uploads/")) return tusBytes;
        return null;
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {
        private final Counter bytes;
        private ServletInputStream counted;

        CountedRequest(HttpServletRequest request, Counter bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) counted = new CountingInputStream(super.getInputStream(), bytes);
            return counted;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Counter bytes;

        CountingInputStream(ServletInputStream in, Counter bytes) {
            this.in = in;
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) bytes.increment();
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) bytes.increment(n);
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
