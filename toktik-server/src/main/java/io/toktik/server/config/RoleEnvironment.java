package io.toktik.server.config;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** A process without the api role serves no public content: not even the web UI's static files. */
class RoleEnvironment implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String roles = environment.getProperty("toktik.roles", "");
        boolean api = roles.isBlank() || Arrays.stream(roles.split(",")).map(String::trim).anyMatch(ConditionalOnRole.API::equalsIgnoreCase);
        if (!api) {
            environment.getPropertySources().addFirst(new MapPropertySource("toktik-roles",
                    Map.of("spring.web.resources.add-mappings", "false")));
        }
    }
}
