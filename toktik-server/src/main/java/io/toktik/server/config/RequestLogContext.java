package io.toktik.server.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a request id ({@code X-Request-Id} from the proxy when it is a sane token, else a new one, echoed back) and the
 * video the path names into the logging context ({@code requestId}, {@code videoId}) of every log line of the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogContext extends OncePerRequestFilter {
    private static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern VIDEO_PATH = Pattern.compile("^/(?:api/videos|media)/([0-9a-fA-F-]{36})(?:/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put("requestId", requestId);
        Matcher video = VIDEO_PATH.matcher(request.getRequestURI());
        if (video.find()) MDC.put("videoId", video.group(1));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("videoId");
        }
    }
}
