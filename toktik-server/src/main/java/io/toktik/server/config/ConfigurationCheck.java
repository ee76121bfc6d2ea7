package io.toktik.server.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a role or a backend type the server does not know ({@code TOKTIK_STORAGE=s4}), naming the
 * setting and the choices, rather than failing later on a missing bean.
 */
class ConfigurationCheck implements EnvironmentPostProcessor {
    private static final Map<String, Choices> BACKENDS = new LinkedHashMap<>();

    static {
        BACKENDS.put("toktik.db.type", new Choices("TOKTIK_DB", List.of("embedded", "postgres")));
        BACKENDS.put("toktik.storage.type", new Choices("TOKTIK_STORAGE", List.of("fs", "s3")));
        BACKENDS.put("toktik.queue.type", new Choices("TOKTIK_QUEUE", List.of("embedded", "rabbitmq")));
        BACKENDS.put("toktik.events.type", new Choices("TOKTIK_EVENTS", List.of("embedded", "redis")));
        BACKENDS.put("toktik.counters.type", new Choices("TOKTIK_COUNTERS", List.of("embedded", "redis")));
        BACKENDS.put("toktik.ratelimit.type", new Choices("TOKTIK_RATELIMIT", List.of("embedded", "redis")));
    }

    private static final Choices ROLES = new Choices("TOKTIK_ROLES",
            List.of(ConditionalOnRole.API, ConditionalOnRole.WORKER, ConditionalOnRole.REALTIME));

    private record Choices(String variable, List<String> values) {
        void check(String configured) {
            if (!values.contains(configured.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(variable + "=" + configured + " is not one of " + String.join(", ", values));
            }
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        BACKENDS.forEach((property, choices) -> {
            String configured = environment.getProperty(property, "");
            if (!configured.isBlank()) choices.check(configured);
        });
        String roles = environment.getProperty("toktik.roles", "");
        if (!roles.isBlank()) Arrays.stream(roles.split(",")).forEach(ROLES::check);
    }
}
