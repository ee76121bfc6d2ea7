package io.toktik.server.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes objects {@code kubectl kustomize} renders for one overlay, as plain maps. */
record RenderedManifests(List<Map<String, Object>> objects) {

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s"))) return dir;
        }
        throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
    }

    /** Renders {@code overlay}; without kubectl the test is skipped, or fails when {@code CI=true}. */
    static RenderedManifests render(Path overlay) throws IOException, InterruptedException {
        Path kubectl = kubectl().orElseGet(() -> {
            if ("true".equals(System.getenv("CI"))) fail("kubectl is not installed, and CI=true");
            Assumptions.abort("kubectl is not installed: the manifests are not checked");
            return null;
        });
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) fail("kubectl kustomize " + overlay + " failed: " + err);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(out)) {
            if (doc != null) objects.add(Nodes.map(doc));
        }
        return new RenderedManifests(objects);
    }

    private static Optional<Path> kubectl() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)), Stream.of("/usr/bin"))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(Nodes.at(o, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
