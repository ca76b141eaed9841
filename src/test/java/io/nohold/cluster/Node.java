package io.nohold.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** One NoHold node: a separate JVM started from the packaged jar, on its own port, logging to its own file. */
final class Node {

    final String name;

    final int port;

    private final Path jar;

    private final List<String> arguments;

    private final Path log;

    private Process process;

    private int starts;

    Node(String name, Path jar, Path logDirectory, List<String> arguments) {
        this.name = name;
        this.port = freePort();
        this.jar = jar;
        this.arguments = arguments;
        this.log = logDirectory.resolve(name + ".log");
        try {
            Files.deleteIfExists(log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often the node's log says this. */
    long logged(String text) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
        catch (IOException e) {
            return -1;
        }
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.add("--server.port=" + port);
        command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CAMUNDA_"));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== start " + (++starts) + ": " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Polls /actuator/health until it answers UP; fails when the node dies or the timeout passes. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hooks, no graceful close of connections. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A free port below Linux's ephemeral range (32768–60999): a port the system hands out for port 0 would be free
     * again when the node starts, and the node's own mail server, started on port 0 before its web server, could be
     * handed the same one.
     */
    private static int freePort() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            }
            catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port between 20000 and 32000", last);
    }

}
