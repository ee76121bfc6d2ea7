package io.toktik.server.deploy;

import static io.toktik.server.deploy.Nodes.at;
import static io.toktik.server.deploy.Nodes.list;
import static io.toktik.server.deploy.Nodes.map;
import static io.toktik.server.deploy.Nodes.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.video.VideoJobs;
import io.toktik.rabbitmq.RabbitTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The kustomize overlays, rendered by {@code kubectl kustomize} and checked against what the server really reads:
 * every TOKTIK_* variable exists, probes hit exposed actuator paths on the port actuator listens on, every role has
 * resources, probes, a disruption budget, a network policy and enough time to stop, and no secret value is committed.
 */
class KubernetesManifestsTest {
    private static final Set<String> ROLES = Set.of("api", "worker", "realtime");
    /** Credentials in a URL ({@code scheme://user:password@host}) or a variable named like a secret. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/@\\s]+@");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY|RABBITMQ_URL|REDIS_URL).*");
    /** What JobExecutor#stop waits, after the grace, for interrupted jobs before handing them back. */
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(10);
    private static final String PLACEHOLDER = "CHANGE_ME";

    private final ServerSettings server = ServerSettings.load();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRoleDeployment_readsOnlyRealSettings_andIsProbedSizedAndStoppedSafely(String overlay) throws Exception {
        RenderedManifests k8s = render(overlay);
        Map<String, String> config = config(k8s);
        Set<String> known = server.environmentVariables();
        assertThat(config.keySet().stream().filter(k -> k.startsWith("TOKTIK_"))).as("ConfigMap keys").isSubsetOf(known);

        Map<String, Map<String, Object>> byRole = new HashMap<>();
        for (Map<String, Object> deployment : toktikDeployments(k8s)) {
            Map<String, Object> pod = map(deployment, "spec.template.spec");
            Map<String, Object> container = map(list(pod, "containers").getFirst());
            Map<String, String> env = literalEnv(container);
            assertThat(envNames(container).stream().filter(n -> n.startsWith("TOKTIK_"))).as("env of " + name(deployment))
                    .isSubsetOf(known);
            String role = env.get("TOKTIK_ROLES");
            assertThat(role).as("TOKTIK_ROLES of " + name(deployment)).isIn(ROLES);
            byRole.put(role, deployment);

            for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                assertThat(at(container, "resources." + resource)).as(name(deployment) + " " + resource).isNotNull();
            }
            int actuatorPort = Integer.parseInt(config.get("TOKTIK_MANAGEMENT_PORT"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(server.actuatorPaths()).as(name(deployment) + " " + probe + " path")
                        .contains(string(container, probe + ".httpGet.path"));
                assertThat(containerPort(container, at(container, probe + ".httpGet.port")))
                        .as(name(deployment) + " " + probe + " port: where actuator listens").isEqualTo(actuatorPort);
            }
            assertThat(string(container, "livenessProbe.httpGet.path")).endsWith("/liveness");
            assertThat(string(container, "readinessProbe.httpGet.path")).endsWith("/readiness");

            Duration stop = preStopSleep(container).plus(server.duration("spring.lifecycle.timeout-per-shutdown-phase"));
            if (role.equals("worker")) {
                Duration grace = DurationStyle.detectAndParse(env.getOrDefault("TOKTIK_WORKER_SHUTDOWN_GRACE",
                        config.getOrDefault("TOKTIK_WORKER_SHUTDOWN_GRACE", server.duration("toktik.worker.shutdown-grace").toString())));
                stop = max(stop, preStopSleep(container).plus(grace).plus(INTERRUPT_WAIT));
            }
            assertThat(Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue()))
                    .as(name(deployment) + " has time to finish or hand back its work").isGreaterThan(stop);

            assertThat(k8s.ofKind("PodDisruptionBudget")).as("PDB of " + role).anyMatch(pdb -> selects(pdb, "spec.selector.matchLabels", deployment));
            Set<Object> policed = k8s.ofKind("NetworkPolicy").stream()
                    .filter(np -> selects(np, "spec.podSelector.matchLabels", deployment))
                    .flatMap(np -> list(np, "spec.policyTypes").stream()).collect(Collectors.toSet());
            assertThat(policed).as("NetworkPolicies of " + role).contains("Ingress", "Egress");
        }
        assertThat(byRole.keySet()).isEqualTo(ROLES);
        assertThat(containerPort(map(list(byRole.get("api"), "spec.template.spec.containers").getFirst()), "http"))
                .as("the HTTP port").isEqualTo(Integer.parseInt(config.getOrDefault("SERVER_PORT", "8080")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void apiAndRealtime_scaleOnCpu_andWorkers_onEveryJobQueue(String overlay) throws Exception {
        RenderedManifests k8s = render(overlay);
        for (String role : List.of("api", "realtime")) {
            Map<String, Object> hpa = k8s.named("HorizontalPodAutoscaler", "toktik-" + role);
            assertThat(string(hpa, "spec.scaleTargetRef.name")).isEqualTo("toktik-" + role);
            assertThat(list(hpa, "spec.metrics")).anyMatch(m -> "cpu".equals(string(m, "resource.name")));
        }
        Map<String, Object> scaled = k8s.named("ScaledObject", "toktik-worker");
        assertThat(string(scaled, "spec.scaleTargetRef.name")).isEqualTo("toktik-worker");
        Set<String> queues = list(scaled, "spec.triggers").stream().filter(t -> "rabbitmq".equals(string(t, "type")))
                .map(t -> string(t, "metadata.queueName")).collect(Collectors.toSet());
        assertThat(queues).isEqualTo(VideoJobs.KINDS.stream().map(RabbitTopology::queue).collect(Collectors.toSet()));
    }

    @Test
    void withoutKeda_theComponentScalesWorkersOnCpuInstead() throws Exception {
        Path deploy = RenderedManifests.repositoryRoot().resolve("deploy/k8s");
        Path overlay = Files.createDirectories(Path.of("target/kustomize-without-keda").toAbsolutePath());
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources: [%s]
                components: [%s]
                """.formatted(overlay.relativize(deploy.resolve("overlays/prod")),
                overlay.relativize(deploy.resolve("components/worker-cpu-autoscaling"))));

        RenderedManifests k8s = RenderedManifests.render(overlay);

        assertThat(k8s.ofKind("ScaledObject")).isEmpty();
        assertThat(k8s.ofKind("TriggerAuthentication")).isEmpty();
        Map<String, Object> hpa = k8s.named("HorizontalPodAutoscaler", "toktik-worker");
        assertThat(string(hpa, "spec.scaleTargetRef.name")).isEqualTo("toktik-worker");
        assertThat(list(hpa, "spec.metrics")).anyMatch(m -> "cpu".equals(string(m, "resource.name")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingress_sendsWebSocketsToRealtime_andTakesLargeStreamedUploads(String overlay) throws Exception {
        RenderedManifests k8s = render(overlay);
        Map<String, String> backends = new HashMap<>();
        Map<String, Object> annotations = new HashMap<>();
        for (Map<String, Object> ingress : k8s.ofKind("Ingress")) {
            for (Object rule : list(ingress, "spec.rules")) {
                for (Object path : list(rule, "http.paths")) {
                    backends.put(string(path, "path"), string(path, "backend.service.name"));
                    if ("/".equals(string(path, "path"))) annotations.putAll(map(ingress, "metadata.annotations"));
                }
            }
        }
        assertThat(backends).containsEntry("/ws", "toktik-realtime").containsEntry("/", "toktik-api");
        long maxUpload = Long.parseLong(config(k8s).getOrDefault("TOKTIK_UPLOAD_MAX_BYTES", "2147483648"));
        String bodySize = String.valueOf(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"));
        assertThat(DataSize.parse(bodySize.toUpperCase().replaceAll("([KMG])$", "$1B")).toBytes()).isGreaterThanOrEqualTo(maxUpload);
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering", "off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsCommitted(String overlay) throws Exception {
        RenderedManifests k8s = render(overlay);
        for (Map<String, Object> secret : k8s.ofKind("Secret")) {
            map(secret, "data").forEach((key, value) -> assertThat(new String(Base64.getDecoder().decode(String.valueOf(value)),
                    StandardCharsets.UTF_8)).as("Secret value " + key + " is a placeholder").contains(PLACEHOLDER));
            assertThat(map(secret, "stringData")).isEmpty();
        }
        config(k8s).forEach((key, value) -> {
            assertThat(key).as("a secret in the ConfigMap").doesNotMatch(SECRET_NAME);
            assertThat(value).as(key + " carries credentials").doesNotContainPattern(URL_CREDENTIALS);
        });
        for (Map<String, Object> deployment : k8s.ofKind("Deployment")) {
            for (Object container : list(deployment, "spec.template.spec.containers")) {
                for (Object env : list(container, "env")) {
                    String name = string(env, "name");
                    if (name.matches(SECRET_NAME.pattern())) {
                        assertThat(at(env, "valueFrom.secretKeyRef")).as(name(deployment) + " " + name + " from a Secret").isNotNull();
                    }
                    assertThat(String.valueOf(at(env, "value"))).as(name + " carries credentials").doesNotContainPattern(URL_CREDENTIALS);
                }
            }
        }
    }

    private static RenderedManifests render(String overlay) throws Exception {
        return RenderedManifests.render(RenderedManifests.repositoryRoot().resolve("deploy/k8s/overlays/" + overlay));
    }

    private static Map<String, String> config(RenderedManifests k8s) {
        return k8s.ofKind("ConfigMap").stream().filter(c -> string(c, "metadata.name").startsWith("toktik-config"))
                .findFirst().map(c -> map(c, "data").entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))))
                .orElseThrow(() -> new AssertionError("no toktik-config ConfigMap"));
    }

    private static List<Map<String, Object>> toktikDeployments(RenderedManifests k8s) {
        return k8s.ofKind("Deployment").stream()
                .filter(d -> "toktik".equals(map(d, "metadata.labels").get("app.kubernetes.io/name")))
                .toList();
    }

    private static String name(Map<String, Object> object) {
        return string(object, "metadata.name");
    }

    private static List<String> envNames(Map<String, Object> container) {
        return list(container, "env").stream().map(e -> string(e, "name")).toList();
    }

    private static Map<String, String> literalEnv(Map<String, Object> container) {
        return list(container, "env").stream().filter(e -> at(e, "value") != null)
                .collect(Collectors.toMap(e -> string(e, "name"), e -> string(e, "value")));
    }

    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number n) return n.intValue();
        return list(container, "ports").stream().filter(p -> String.valueOf(port).equals(string(p, "name")))
                .map(p -> ((Number) at(p, "containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    private static Duration preStopSleep(Map<String, Object> container) {
        List<Object> command = list(container, "lifecycle.preStop.exec.command");
        return command.size() == 2 && "sleep".equals(command.getFirst())
                ? Duration.ofSeconds(Long.parseLong(String.valueOf(command.get(1)))) : Duration.ZERO;
    }

    private static boolean selects(Map<String, Object> selector, String path, Map<String, Object> deployment) {
        Map<String, Object> wanted = map(selector, path);
        Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
