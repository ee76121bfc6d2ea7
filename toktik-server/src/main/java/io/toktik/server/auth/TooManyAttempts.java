package io.toktik.server.auth;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 as problem+json with {@code Retry-After} (whole seconds, at least 1). */
final class TooManyAttempts extends ErrorResponseException {

    TooManyAttempts(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static long seconds(Duration d) {
        long whole = d.toSeconds();
        return Math.max(1, d.minusSeconds(whole).isPositive() ? whole + 1 : whole);
    }

    private static ProblemDetail problem(long seconds) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-in attempts. Try again in " + minutes(seconds) + ".");
        p.setProperty("retryAfterSeconds", seconds);
        return p;
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
}
