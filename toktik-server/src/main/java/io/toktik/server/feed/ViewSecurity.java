package io.toktik.server.feed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Anonymous viewers may post views ({@code POST /api/videos/{id}/views}); a bearer token, when sent, must still be
 * valid (401 otherwise). Every other request goes through the main filter chain.
 */
@Configuration(proxyBeanMethods = false)
class ViewSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain viewsFilterChain(HttpSecurity http, AuthenticationEntryPoint problems) throws Exception {
        http.securityMatcher("/api/videos/*/views")
                .csrf(csrf -> csrf.disable()) // no cookies: tokens travel in the Authorization header only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems));
        return http.build();
    }
}
