package io.toktik.server.upload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Names and values of the tus 1.0 protocol, as TokTik speaks it. */
final class Tus {
    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,expiration,checksum,termination";
    static final String CHECKSUM_ALGORITHMS = "sha1";
    static final String CHUNK_CONTENT_TYPE = "application/offset+octet-stream";
    /** tus's own status for a chunk whose checksum does not match. */
    static final int CHECKSUM_MISMATCH = 460;

    static final String RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "Tus-Version";
    static final String TUS_EXTENSION = "Tus-Extension";
    static final String TUS_MAX_SIZE = "Tus-Max-Size";
    static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_EXPIRES = "Upload-Expires";
    static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    /** Request headers a browser client sends, and response headers it must be able to read (CORS). */
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", RESUMABLE, UPLOAD_LENGTH,
            UPLOAD_DEFER_LENGTH, UPLOAD_OFFSET, UPLOAD_METADATA, UPLOAD_CHECKSUM, METHOD_OVERRIDE);
    static final List<String> RESPONSE_HEADERS = List.of("Location", RESUMABLE, TUS_VERSION, TUS_EXTENSION, TUS_MAX_SIZE,
            TUS_CHECKSUM_ALGORITHM, UPLOAD_OFFSET, UPLOAD_LENGTH, UPLOAD_METADATA, UPLOAD_EXPIRES);

    private Tus() {}

    /** An HTTP date (RFC 9110), as {@code Upload-Expires} carries it. */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
