package io.toktik.server.cluster;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Restarts this machine's RabbitMQ (the application inside the node: durable queues and persistent messages survive). */
final class Broker {
    private Broker() {}

    static void restart() throws IOException, InterruptedException {
        run(List.of("rabbitmqctl", "stop_app"));
        run(List.of("rabbitmqctl", "start_app"));
        run(List.of("rabbitmqctl", "await_startup"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
