package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar nohold.jar simulate} as a user runs it, from the jar {@code mvn package} built and the runtime it
 * prepared beside it ({@link SimulatorRuntime}): the prepared JVM gives the same results as the simulator in the JVM
 * it was started in, its status and messages reach the caller, and a jar without a runtime still simulates.
 */
class SimulatorRuntimeIT {

    private static final String SCENARIO = """
            {"start": "2026-12-07T08:00:00+01:00", "hours": 0.25, "seed": 3, "mode": "rings",
             "answerTargetSeconds": 20, "handleTime": {"distribution": "exponential", "meanSeconds": 180},
             "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 4, "arrivalsPerHour": 60,
                          "channels": {"PHONE": 0.7, "EMAIL": 0.3}}]}
            """;

    private static Path jar;

    @TempDir
    static Path work;

    private static Path scenario;

    @BeforeAll
    static void packagedJar() throws IOException {
        jar = Path.of(System.getProperty("nohold.jar", "target/nohold-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").exists();
        String name = jar.getFileName().toString();
        assertThat(jar.resolveSibling(name.replace(".jar", "-simulator")).resolve("runtime.properties"))
            .as("the simulator's runtime that mvn package prepares beside the jar").exists();
        scenario = Files.writeString(work.resolve("scenario.json"), SCENARIO);
    }

    @Test
    void thePreparedRuntimeSimulatesTheSameDayAsTheJvmItWasStartedIn() throws Exception {
        Run prepared = simulate(jar, List.of(), "prepared");
        Run here = simulate(jar, List.of("-Dnohold.simulator.fork=false"), "here");

        assertThat(prepared.status).as(prepared.output).isZero();
        assertThat(prepared.output).contains("simulating in the prepared runtime with its class-data archive");
        assertThat(here.status).as(here.output).isZero();
        assertThat(here.output).contains("simulating in this JVM");
        JsonNode result = results(prepared.out);
        assertThat(result.path("rings").path("total").path("contacts").asInt()).isPositive();
        assertThat(result).isEqualTo(results(here.out));
    }

    @Test
    void aRefusedCommandLineIsReportedWithItsStatusThroughThePreparedRuntime() throws Exception {
        Run refused = simulate(jar, List.of(), "refused", "--replications", "3");

        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.output).contains("--replications: goes with --erlang-c").contains("usage: java -jar nohold.jar simulate");
        assertThat(refused.out.resolve("result.json")).doesNotExist();
    }

    @Test
    void aJarWithoutAPreparedRuntimeSimulatesInTheJvmItWasStartedIn() throws Exception {
        Path copy = Files.copy(jar, Files.createDirectories(work.resolve("elsewhere")).resolve(jar.getFileName()));

        Run run = simulate(copy, List.of(), "unprepared");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("no runtime prepared for this jar").contains("simulating in this JVM");
        assertThat(results(run.out).path("rings").path("total").path("contacts").asInt()).isPositive();
    }

    private record Run(int status, String output, Path out) {
    }

    private static Run simulate(Path jar, List<String> jvmOptions, String name, String... more) throws Exception {
        Path out = work.resolve(name);
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "simulate", "--scenario", scenario.toString(), "--out", out.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the simulation ends").isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), out);
    }

    /** The figures of result.json without the run's own wall time. */
    private static JsonNode results(Path out) throws IOException {
        JsonNode results = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("results");
        for (Iterator<Map.Entry<String, JsonNode>> modes = results.fields(); modes.hasNext();) {
            ((ObjectNode) modes.next().getValue()).remove("run");
        }
        return results;
    }

}
