package io.toktik.server.upload;

import io.toktik.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/** Reads tus request headers strictly: a bad value is a 400 that names the header. */
final class TusHeaders {
    private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]{1,18}");

    private TusHeaders() {}

    /** A header that must hold a non-negative integer. */
    static long requiredNumber(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null) throw ApiException.badRequest("Send the " + name + " header.");
        if (!NON_NEGATIVE.matcher(value.strip()).matches()) throw ApiException.badRequest(name + " must be a non-negative integer.");
        return Long.parseLong(value.strip());
    }

    /** The request's media type without parameters, or "" when none was sent. */
    static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null ? "" : type.split(";", 2)[0].strip();
    }
}
