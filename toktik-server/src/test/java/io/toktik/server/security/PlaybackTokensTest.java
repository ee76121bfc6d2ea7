package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.delivery.PlaybackTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaybackTokensTest {
    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-03-01T10:20:30Z");
    private final UUID video = UUID.randomUUID();

    private static PlaybackTokens at(Instant now) {
        return new PlaybackTokens(KEY, Duration.ofHours(6), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void issuedToken_isValidForItsVideo_forAtLeastTheLifetime() {
        String token = at(NOW).issue(video);
        assertThat(at(NOW).valid(video, token)).isTrue();
        assertThat(at(NOW.plus(Duration.ofHours(6)).minusSeconds(1)).valid(video, token)).isTrue();
    }

    @Test
    void token_expiresWithinAnHourAfterItsLifetime() {
        String token = at(NOW).issue(video);
        assertThat(at(NOW.plus(Duration.ofHours(7))).valid(video, token)).isFalse();
    }

    @Test
    void tokensIssuedWithinTheSameHour_areTheSame_soUrlsCanBeCached() {
        assertThat(at(Instant.parse("2026-03-01T10:00:01Z")).issue(video)).isEqualTo(at(Instant.parse("2026-03-01T10:59:59Z")).issue(video));
    }

    @Test
    void token_doesNotOpenAnotherVideo() {
        assertThat(at(NOW).valid(UUID.randomUUID(), at(NOW).issue(video))).isFalse();
    }

    @Test
    void token_withAChangedExpiry_orMac_orFromAnotherKey_isInvalid() {
        String token = at(NOW).issue(video);
        long expiry = Long.parseLong(token.substring(0, token.indexOf('.')));
        String mac = token.substring(token.indexOf('.') + 1);
        assertThat(at(NOW).valid(video, (expiry + 3600) + "." + mac)).isFalse();
        assertThat(at(NOW).valid(video, expiry + "." + (mac.charAt(3) == 'x' ? 'y' : 'x') + mac.substring(1))).isFalse();
        byte[] otherKey = Arrays.copyOf(KEY, 32);
        otherKey[0] = 1;
        String foreign = new PlaybackTokens(otherKey, Duration.ofHours(6), Clock.fixed(NOW, ZoneOffset.UTC)).issue(video);
        assertThat(at(NOW).valid(video, foreign)).isFalse();
    }

    @Test
    void malformedTokens_areInvalid_withoutThrowing() {
        for (String t : new String[] {"", ".", "abc", "1.", ".abc", "99999999999999999999.AAAA", "1.!!!", "-5.AAAA",
                "1".repeat(100), "1." + "A".repeat(200)}) {
            assertThat(at(NOW).valid(video, t)).as(t).isFalse();
        }
    }
}
