package io.toktik.server.delivery;

import io.toktik.server.auth.SigningKey;
import io.toktik.server.config.TokTikProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The playback-token signer (see {@link PlaybackKey} for where its key comes from). */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    PlaybackTokens playbackTokens(TokTikProperties props, SigningKey signingKey, Clock clock) throws IOException {
        String file = props.playback().keyFile();
        byte[] key = file == null || file.isBlank()
                ? PlaybackKey.derivedFrom(signingKey.rsaKey().getPrivateExponent().decode())
                : PlaybackKey.loadOrCreate(Path.of(file));
        return new PlaybackTokens(key, props.playback().tokenTtl(), clock);
    }
}
