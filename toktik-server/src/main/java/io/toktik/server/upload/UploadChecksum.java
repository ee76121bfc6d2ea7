package io.toktik.server.upload;

import io.toktik.server.api.ApiException;
import java.util.Base64;

/** tus {@code Upload-Checksum: <algorithm> <base64 digest>}; TokTik verifies {@code sha1}. */
final class UploadChecksum {
    private static final int SHA1_BYTES = 20;

    private UploadChecksum() {}

    /** The expected SHA-1, or null when the header is absent. */
    static byte[] sha1(String header) {
        if (header == null) return null;
        String[] parts = header.strip().split(" ");
        if (parts.length != 2) throw ApiException.badRequest("Upload-Checksum is an algorithm and a base64 digest, separated by a space.");
        if (!Tus.CHECKSUM_ALGORITHMS.equals(parts[0])) {
            throw ApiException.badRequest("The checksum algorithm " + parts[0] + " is not supported; use " + Tus.CHECKSUM_ALGORITHMS + ".");
        }
        try {
            byte[] digest = Base64.getDecoder().decode(parts[1]);
            if (digest.length == SHA1_BYTES) return digest;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.badRequest("The Upload-Checksum digest is not a base64 SHA-1.");
    }
}
