package io.toktik.server.auth;

import io.toktik.server.config.ConditionalOnRole;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import java.time.Duration;

/** The public keys that verify access tokens, for other services and clients. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class JwksController {
    private final SigningKey key;

    JwksController(SigningKey key) {
        this.key = key;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(key.publicJwks().toJSONObject());
    }
}
