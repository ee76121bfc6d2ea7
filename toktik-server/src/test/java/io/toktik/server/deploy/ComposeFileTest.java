package io.toktik.server.deploy;

import static io.toktik.server.deploy.Nodes.at;
import static io.toktik.server.deploy.Nodes.map;
import static io.toktik.server.deploy.Nodes.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Compose file and the Dockerfile, checked statically (no Docker engine runs here): TokTik services set only
 * variables the server reads and take every secret from the environment (.env), start in health-gated order, and the
 * image's health check asks an exposed actuator probe.
 */
class ComposeFileTest {
    private static final Path ROOT = RenderedManifests.repositoryRoot();
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASS|SECRET|ACCESS_KEY|AUTH).*");
    private static final Pattern INTERPOLATED = Pattern.compile("\\$\\{[A-Z0-9_]+(:[?-][^}]*)?}");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://([^/@\\s]+)@");

    private final ServerSettings server = ServerSettings.load();
    private final Map<String, Object> compose = load();

    @Test
    void toktikServices_setOnlyVariablesTheServerReads_andCoverEveryRole() {
        Set<String> known = server.environmentVariables();
        Set<String> roles = new java.util.HashSet<>();
        services().forEach((name, service) -> {
            Map<String, Object> env = map(service, "environment");
            if (isToktik(map(service))) {
                assertThat(env.keySet().stream().filter(k -> k.startsWith("TOKTIK_"))).as(name + " environment").isSubsetOf(known);
                if (env.get("TOKTIK_ROLES") != null) roles.add(String.valueOf(env.get("TOKTIK_ROLES")));
            }
        });
        assertThat(roles).containsExactlyInAnyOrder("api", "worker", "realtime");
        assertThat(at(compose, "services.api.deploy.replicas")).isEqualTo(2);
    }

    @Test
    void everySecret_comesFromTheEnvironment_neverFromTheFile() {
        services().forEach((name, service) -> map(service, "environment").forEach((key, value) -> {
            String v = String.valueOf(value);
            if (key.matches(SECRET_NAME.pattern())) {
                assertThat(v).as(name + " " + key).matches(INTERPOLATED);
            }
            Matcher credentials = URL_CREDENTIALS.matcher(v);
            if (credentials.find()) {
                assertThat(credentials.group(1)).as(name + " " + key + " credentials").containsPattern(INTERPOLATED);
            }
        }));
    }

    @Test
    void envExample_leavesEverySecretEmpty() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/compose/.env.example"));
        assertThat(lines).filteredOn(line -> line.matches("[A-Z_]+=.*") && line.split("=")[0].matches(SECRET_NAME.pattern()))
                .isNotEmpty().allMatch(line -> line.endsWith("="));
    }

    @Test
    void servicesStart_onlyOnceWhatTheyNeedIsHealthy() {
        services().forEach((name, service) -> map(service, "depends_on").forEach((dependency, how) -> {
            String condition = string(how, "condition");
            assertThat(condition).as(name + " → " + dependency).isIn("service_healthy", "service_completed_successfully");
            if (condition.equals("service_healthy")) {
                Object dep = services().get(dependency);
                assertThat(at(dep, "healthcheck") != null || isToktik(map(dep))).as(dependency + " has a health check").isTrue();
            }
        }));
    }

    @Test
    void imageHealthCheck_asksAnExposedActuatorProbe_asANonRootUser() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
        Matcher healthcheck = Pattern.compile("HEALTHCHECK[^\\n]*\\n\\s*CMD [^\\n]*?(/actuator/[a-z/]+)").matcher(dockerfile);
        assertThat(healthcheck.find()).as("a HEALTHCHECK asking actuator").isTrue();
        assertThat(server.actuatorPaths()).contains(healthcheck.group(1));
        assertThat(dockerfile).containsPattern("(?m)^USER [1-9][0-9]*").doesNotContainPattern("(?m)^FROM .*alpine");
        assertThat(dockerfile).as("no secret baked in").doesNotContainPattern("(?m)^(ENV|ARG) .*(PASSWORD|SECRET|ACCESS_KEY)");
    }

    private Map<String, Object> services() {
        return map(compose, "services");
    }

    private static boolean isToktik(Map<String, Object> service) {
        return String.valueOf(service.get("image")).contains("TOKTIK_IMAGE");
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("deploy/compose/compose.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
