package io.toktik.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.toktik.core.ratelimit.RateLimiter;
import io.toktik.server.config.TokTikProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Stateless bearer-token security: RS256 access tokens, BCrypt passwords, problem+json for 401/403. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies: tokens travel in the Authorization header only
                .cors(Customizer.withDefaults()) // the bean corsConfigurationSource, on api nodes: tus uploads only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/ws").permitAll() // the realtime gateway verifies its clients' tokens itself
                        .requestMatchers(HttpMethod.POST, "/api/auth/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/uploads", "/api/uploads/*").permitAll() // tus discovery
                        .requestMatchers("/api/me", "/api/me/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    SigningKey signingKey(TokTikProperties props) throws IOException {
        String configured = props.auth().jwtKeyFile();
        Path file = configured == null || configured.isBlank()
                ? props.dataDir().resolve("keys").resolve("jwt-signing-key.json")
                : Path.of(configured);
        return SigningKey.loadOrCreate(file);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKey key) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.rsaKey())));
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKey key) throws JOSEException {
        return NimbusJwtDecoder.withPublicKey(key.rsaKey().toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
    }

    @Bean
    LoginThrottle loginThrottle(RateLimiter limiter, TokTikProperties props) {
        return new LoginThrottle(limiter, props.ratelimit());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
