package io.toktik.server.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before security on {@code /api/uploads}: every response carries {@code Tus-Resumable} and {@code Tus-Version}
 * (errors too), and a POST with {@code X-HTTP-Method-Override} is the method it names, for clients that cannot send
 * PATCH or DELETE (Java's HttpURLConnection, some proxies).
 */
final class TusFilter extends OncePerRequestFilter {
    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE", "HEAD");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(Tus.RESUMABLE, Tus.VERSION);
        response.setHeader(Tus.TUS_VERSION, Tus.VERSION);
        String override = request.getHeader(Tus.METHOD_OVERRIDE);
        if ("POST".equals(request.getMethod()) && override != null && OVERRIDABLE.contains(override.strip().toUpperCase(Locale.ROOT))) {
            String method = override.strip().toUpperCase(Locale.ROOT);
            request = new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return method;
                }
            };
        }
        chain.doFilter(request, response);
    }
}
