package io.toktik.server.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/** What the server reads, taken from its own {@code application.yml}: environment variables and actuator paths. */
final class ServerSettings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    final String text;
    final Map<String, Object> yaml;

    private ServerSettings(String text) {
        this.text = text;
        this.yaml = new Yaml().load(text);
    }

    static ServerSettings load() {
        try (InputStream in = ServerSettings.class.getResourceAsStream("/application.yml")) {
            return new ServerSettings(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every environment variable application.yml maps onto a property. */
    Set<String> environmentVariables() {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The HTTP paths of the exposed actuator endpoints, health groups (liveness and readiness probes) included. */
    Set<String> actuatorPaths() {
        String base = "/actuator";
        Set<String> paths = new HashSet<>();
        List<String> exposed = List.of(string("management.endpoints.web.exposure.include").split(","));
        for (String endpoint : exposed) paths.add(base + "/" + endpoint.trim());
        if (exposed.contains("health")) {
            if (Boolean.TRUE.equals(value("management.endpoint.health.probes.enabled"))) {
                paths.add(base + "/health/liveness");
                paths.add(base + "/health/readiness");
            }
            if (value("management.endpoint.health.group") instanceof Map<?, ?> groups) {
                groups.keySet().forEach(g -> paths.add(base + "/health/" + g));
            }
        }
        return paths;
    }

    /** The default of a {@code ${VAR:default}} placeholder, or the literal value, of a property. */
    Duration duration(String property) {
        String raw = string(property);
        Matcher placeholder = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}").matcher(raw);
        return DurationStyle.detectAndParse(placeholder.matches() ? placeholder.group(1) : raw);
    }

    String string(String property) {
        return String.valueOf(value(property));
    }

    private Object value(String property) {
        Object node = yaml;
        for (String key : property.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) return null;
            node = map.get(key);
        }
        return node;
    }
}
