package io.nohold.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The simulator's own JVM. Started as {@code java -jar nohold.jar simulate ...}, the simulator used to spend a fifth
 * of a simulated day starting: loading twenty thousand classes out of the jar's nested jars, most of them once.
 * {@code mvn package} (or {@code java -jar nohold.jar simulate --prepare}) therefore prepares a runtime beside the
 * jar, in {@code nohold-VERSION-simulator/}: the jar unpacked into Spring Boot's extracted layout (its classes and a
 * {@code lib/} of plain jars) and a class-data archive (the JDK's AppCDS) recorded during a short training run of the
 * simulator. {@code simulate} then runs in a JVM of its own started from them, with the options of the JVM it was
 * started in, and ends with that JVM's status.
 * <p>
 * The runtime is used only by the jar it was prepared from (its size and modification time are kept with it) and
 * its archive only by the JVM that recorded it; otherwise, or with {@code -Dnohold.simulator.fork=false}, the
 * simulator runs in the JVM it was started in, as it always could. Nothing else of NoHold starts this way: the
 * server and its tests never fork.
 */
public final class SimulatorRuntime {

    /** The option of {@code simulate} that prepares the runtime beside the jar and ends. */
    public static final String PREPARE = "--prepare";

    /** Set in the JVMs this class starts, to what they are for ("prepared", "training"). */
    static final String ROLE = "nohold.simulator.runtime";

    /** {@code false}: run the simulator in the JVM it was started in. */
    static final String FORK = "nohold.simulator.fork";

    private static final String STAMP = "runtime.properties";

    private static final String ARCHIVE = "classes.jsa";

    private static final String TRAINING_SCENARIO = "training-scenario.json";

    private final Path jar;

    private final Path directory;

    private SimulatorRuntime(Path jar) {
        this.jar = jar;
        String name = jar.getFileName().toString();
        this.directory = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-simulator");
    }

    /**
     * Runs {@code simulate} with these arguments in the prepared runtime, if this JVM was started from a jar that has
     * one: the JVM's exit status, or empty if the simulator is to run here.
     */
    public static OptionalInt runPrepared(String[] args) {
        if (System.getProperty(ROLE) != null || "false".equals(System.getProperty(FORK))) {
            return OptionalInt.empty();
        }
        Optional<SimulatorRuntime> runtime = startedFromJar();
        if (runtime.isEmpty()) {
            return OptionalInt.empty();
        }
        return runtime.get().run(args);
    }

    /** Prepares the runtime beside the jar this JVM was started from; the status for the command line. */
    public static int prepare() {
        Optional<SimulatorRuntime> runtime = startedFromJar();
        if (runtime.isEmpty()) {
            System.err.println("simulate --prepare: start it from the packaged jar: java -jar target/nohold-*.jar simulate --prepare");
            return 2;
        }
        return runtime.get().prepareHere();
    }

    /** Whether this JVM is one of the runtime's, and how: for the run's log. */
    static String describeThisJvm() {
        String role = System.getProperty(ROLE);
        if (role == null) {
            return "this JVM";
        }
        boolean archived = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        return "the " + role + " runtime" + (archived ? " with its class-data archive" : "");
    }

    private static Optional<SimulatorRuntime> startedFromJar() {
        // java -jar FILE: the class path is that file and nothing else (mvn spring-boot:run and tests give directories)
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        return Files.isRegularFile(jar) ? Optional.of(new SimulatorRuntime(jar)) : Optional.empty();
    }

    private OptionalInt run(String[] args) {
        Properties stamp = readStamp();
        if (!Objects.equals(stamp.getProperty("jar"), jarIdentity())) {
            System.err.println("simulate: runs in this JVM, slower to start: no runtime prepared for this jar in "
                    + directory + " (java -jar " + jar.getFileName() + " simulate --prepare, or mvn package)");
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(optionsOfThisJvm());
        if (Objects.equals(stamp.getProperty("jvm"), jvmIdentity())) {
            command.add("-XX:SharedArchiveFile=" + directory.resolve(ARCHIVE));
        }
        command.add("-D" + ROLE + "=prepared");
        command.add("-jar");
        command.add(extractedJar().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            Thread stopIt = new Thread(process::destroy, "simulator-runtime-stop");
            Runtime.getRuntime().addShutdownHook(stopIt);
            int status = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopIt);
            return OptionalInt.of(status);
        }
        catch (IOException e) {
            System.err.println("simulate: runs in this JVM: the prepared runtime could not be started (" + e.getMessage() + ")");
            return OptionalInt.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    private int prepareHere() {
        long started = System.nanoTime();
        Path log = directory.resolve("prepare.log");
        try {
            if (Files.exists(directory) && !Files.exists(log)) {
                System.err.println("simulate --prepare: " + directory + " is not a runtime this command prepared; move it away first");
                return 1;
            }
            deleteRecursively(directory);
            Files.createDirectories(directory);
            if (!runLogged(log, List.of(javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", directory.resolve("app").toString()))) {
                return failed(log, "unpacking the jar");
            }
            Path scenario = directory.resolve(TRAINING_SCENARIO);
            try (InputStream training = SimulatorRuntime.class.getResourceAsStream(TRAINING_SCENARIO)) {
                Files.copy(Objects.requireNonNull(training, TRAINING_SCENARIO), scenario);
            }
            // the training run records every class it loads; later runs map them instead of loading them again
            if (!runLogged(log, List.of(javaExecutable(), "-XX:ArchiveClassesAtExit=" + directory.resolve(ARCHIVE),
                    "-D" + ROLE + "=training", "-jar", extractedJar().toString(), "simulate", "--scenario",
                    scenario.toString(), "--out", directory.resolve("training").toString()))
                    || !Files.isRegularFile(directory.resolve(ARCHIVE))) {
                return failed(log, "the training run");
            }
            Properties stamp = new Properties();
            stamp.setProperty("jar", jarIdentity());
            stamp.setProperty("jvm", jvmIdentity());
            Path written = directory.resolve(STAMP + ".new");
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                stamp.store(out, "the jar and the JVM this runtime was prepared for");
            }
            moveInPlace(written, directory.resolve(STAMP));
        }
        catch (IOException e) {
            System.err.println("simulate --prepare: " + e.getMessage());
            return 1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        System.out.println("simulator runtime prepared in " + directory + " ("
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s)");
        return 0;
    }

    private static boolean runLogged(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        return process.waitFor() == 0;
    }

    private int failed(Path log, String step) {
        System.err.println("simulate --prepare: " + step + " failed; its output is in " + log);
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            all.subList(Math.max(0, all.size() - 20), all.size()).forEach(System.err::println);
        }
        catch (IOException | UncheckedIOException e) {
            // the path above says where to look
        }
        return 1;
    }

    private Properties readStamp() {
        Properties stamp = new Properties();
        Path file = directory.resolve(STAMP);
        if (Files.isRegularFile(file) && Files.isRegularFile(extractedJar())) {
            try (InputStream in = Files.newInputStream(file)) {
                stamp.load(in);
            }
            catch (IOException e) {
                stamp.clear();
            }
        }
        return stamp;
    }

    private String jarIdentity() {
        try {
            return Files.size(jar) + " bytes, modified " + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (IOException e) {
            return "unreadable";
        }
    }

    /** The archive fits only the JVM that recorded it. */
    private static String jvmIdentity() {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    private Path extractedJar() {
        return directory.resolve("app").resolve(jar.getFileName());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Heap, system properties and the like, as given to this JVM; not a debugger's port, which this JVM holds. */
    private static List<String> optionsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> !option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")
                    && !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:ArchiveClassesAtExit"))
            .toList();
    }

    private static void moveInPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
