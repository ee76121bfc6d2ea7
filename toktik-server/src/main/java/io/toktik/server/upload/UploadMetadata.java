package io.toktik.server.upload;

import io.toktik.server.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** tus {@code Upload-Metadata}: comma-separated pairs of a key and its base64 value (the value may be absent). */
final class UploadMetadata {
    static final int MAX_LENGTH = 4096;

    private UploadMetadata() {}

    static Map<String, String> parse(String header) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (header == null || header.isBlank()) return pairs;
        if (header.length() > MAX_LENGTH) throw ApiException.badRequest("Upload-Metadata is longer than " + MAX_LENGTH + " characters.");
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", -1);
            if (kv.length > 2 || kv[0].isEmpty()) throw ApiException.badRequest("Upload-Metadata holds pairs of a key and a base64 value, separated by commas.");
            if (pairs.containsKey(kv[0])) throw ApiException.badRequest("Upload-Metadata names " + kv[0] + " twice.");
            pairs.put(kv[0], kv.length == 2 ? decode(kv[0], kv[1]) : "");
        }
        return pairs;
    }

    private static String decode(String key, String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The Upload-Metadata value of " + key + " is not base64.");
        }
    }
}
