package io.toktik.server.api;

import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.server.auth.UserJson;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.delivery.AvatarImages;
import io.toktik.server.delivery.Avatars;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** The signed-in user's own profile: display name, bio and profile picture. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class ProfileController {
    /** Largest picture accepted: 5 MiB. */
    static final int MAX_AVATAR_BYTES = 5 * 1024 * 1024;

    private final UserRepository users;
    private final Avatars avatars;

    ProfileController(UserRepository users, Avatars avatars) {
        this.users = users;
        this.avatars = avatars;
    }

    /** Fields left out (null) are kept. Lengths count characters (code points), so an emoji is one. */
    record ProfileUpdate(String displayName, String bio) {}

    @PatchMapping("/api/me")
    UserJson update(@AuthenticationPrincipal Jwt jwt, @RequestBody ProfileUpdate req) {
        User user = me(jwt);
        String name = req.displayName() == null ? null : req.displayName().strip();
        if (name != null) ProfileText.check("displayName", name, 1, 60, false);
        if (req.bio() != null) ProfileText.check("bio", req.bio(), 0, 500, true);
        users.updateProfile(user.id(), name, req.bio());
        return UserJson.self(me(jwt));
    }

    @PutMapping("/api/me/avatar")
    UserJson avatar(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) throws IOException {
        User user = me(jwt);
        if (request.getContentLengthLong() > MAX_AVATAR_BYTES) throw tooLarge();
        byte[] upload = readAtMost(request.getInputStream(), MAX_AVATAR_BYTES);
        if (upload.length == 0) throw ApiException.badRequest("The picture is empty.");
        byte[] jpeg;
        try {
            jpeg = AvatarImages.squareJpeg(upload);
        } catch (AvatarImages.Refused e) {
            throw new ApiException(e.unsupportedType() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST, e.getMessage());
        }
        avatars.replace(user, jpeg);
        return UserJson.self(me(jwt));
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) throw tooLarge();
        return bytes;
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The picture is larger than the limit of 5 MiB.");
    }

    private User me(Jwt jwt) {
        return users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ApiException.unauthorized("The account is gone."));
    }

    /** Checks a profile text field: its length in characters, no control characters (but line breaks where multiline). */
    static final class ProfileText {
        private ProfileText() {}

        static void check(String field, String value, int min, int max, boolean multiline) {
            int length = value.codePointCount(0, value.length());
            if (length < min || length > max) {
                throw invalid(field, min == 0 ? "At most " + max + " characters." : min + " to " + max + " characters.");
            }
            boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
            if (control) throw invalid(field, "Control characters are not allowed.");
            if (value.chars().anyMatch(c -> Character.isSurrogate((char) c)) && !wellFormed(value)) {
                throw invalid(field, "Not valid text.");
            }
        }

        /** No lone surrogate (which UTF-8, and so the database, cannot store). */
        private static boolean wellFormed(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else if (Character.isSurrogate(c)) return false;
            }
            return true;
        }

        private static ErrorResponseException invalid(String field, String message) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
            p.setProperty("errors", Map.of(field, message));
            return new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
        }
    }
}
