package io.toktik.server.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.toktik.server.config.ConditionalOnRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the bytes of media sent under {@code /media/} ({@code toktik_delivery_bytes_total{type}}), by what they are:
 * {@code playlist}, {@code segment} or {@code image}; bodies as written, before HTTP compression.
 */
@Component
@ConditionalOnRole(ConditionalOnRole.API)
class DeliveryMetrics extends OncePerRequestFilter {
    private static final String DELIVERY_BYTES = "toktik.delivery.bytes";

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/media/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Counter bytes = Counter.builder(DELIVERY_BYTES).description("Bytes of media bodies sent").baseUnit("bytes")
                .tag("type", type(request.getRequestURI())).register(meters);
        chain.doFilter(request, new CountedResponse(response, bytes));
    }

    private static String type(String path) {
        MediaTypes kind = MediaTypes.of(path);
        if (kind == null) return "other";
        return switch (kind) {
            case MASTER_PLAYLIST, PLAYLIST -> "playlist";
            case TS_SEGMENT, MP4_SEGMENT -> "segment";
            case JPEG, WEBP -> "image";
            default -> "other";
        };
    }

    private static final class CountedResponse extends HttpServletResponseWrapper {
        private final Counter bytes;
        private ServletOutputStream counted;

        CountedResponse(HttpServletResponse response, Counter bytes) {
            super(response);
            this.bytes = bytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (counted == null) counted = new CountingOutputStream(super.getOutputStream(), bytes);
            return counted;
        }
    }

    private static final class CountingOutputStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final Counter bytes;

        CountingOutputStream(ServletOutputStream out, Counter bytes) {
            this.out = out;
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.increment();
        }

        @Override
        public void write(byte[] buffer, int off, int len) throws IOException {
            out.write(buffer, off, len);
            bytes.increment(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
