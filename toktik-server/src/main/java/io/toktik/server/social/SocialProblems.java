package io.toktik.server.social;

import io.toktik.core.social.InvalidField;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A broken rule of one field as a 400 problem naming the field in {@code errors}, like Bean Validation's. */
@RestControllerAdvice(basePackageClasses = SocialProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the catch-all handler of the api package
class SocialProblems {

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
        body.setProperty("errors", Map.of(e.field(), e.getMessage()));
        return body;
    }
}
