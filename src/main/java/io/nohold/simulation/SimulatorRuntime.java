package io.nohold.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The simulator's own JVM. Started as {@code java -jar nohold.jar simulate ...}, the simulator used to spend a fifth
 * of a simulated day starting: loading twenty thousand classes out of the jar's nested jars, most of them once.
 * {@code mvn package} (or {@code java -jar nohold.jar simulate --prepare}) therefore prepares a runtime beside the
 * jar, in {@code nohold-VERSION-simulator/}: the jar unpacked into Spring Boot's extracted layout (its classes and a
 * {@code lib/} of plain jars) and a class-data archive (the JDK's AppCDS) recorded during a short training run of the
 * simulator. {@code simulate} then runs in a JVM of its own started from them, with this JVM's heap, system
 * properties and the like, and ends with that JVM's status; that JVM ends itself if this one goes away. Its heap is
 * in transparent huge pages where the kernel offers them and kept by the serial collector, and C2 inlines less
 * ({@link #optionsOfItsOwn}).
 * <p>
 * A runtime is used only where it was prepared, by the jar it was prepared from (its size and modification time are
 * kept with it), if it belongs to the user running the simulator and nobody else can write to it; its archive only
 * by the JVM that recorded it. Otherwise, with {@code -Dnohold.simulator.fork=false}, or when this JVM carries a
 * debugger, an agent, a flight recording, a log file or remote management (which would look at the wrong JVM or
 * clash with the second one), the simulator runs in the JVM it was started in, as it always could, with the same
 * results. Nothing else of NoHold starts this way: the server and its tests never fork.
 */
public final class SimulatorRuntime {

    /** The option of {@code simulate} that prepares the runtime beside the jar and ends. */
    public static final String PREPARE = "--prepare";

    /** Set in the JVMs this class starts, to what they are for ("prepared", "training"). */
    static final String ROLE = "nohold.simulator.runtime";

    /** {@code false}: run the simulator in the JVM it was started in. */
    static final String FORK = "nohold.simulator.fork";

    /** The process id of the JVM that started this one, which this one outlives by no more than a moment. */
    static final String PARENT = "nohold.simulator.parent";

    private static final String STAMP = "runtime.properties";

    private static final String ARCHIVE = "classes.jsa";

    private static final String LOG = "prepare.log";

    private static final String TRAINING_SCENARIO = "training-scenario.json";

    /** Options that concern the JVM they are given to: a second JVM with them would clash or be the wrong one to watch. */
    private static final List<String> OPTIONS_FOR_THIS_JVM_ONLY = List.of("-agentlib:", "-agentpath:", "-javaagent:",
            "-Xrunjdwp", "-Xdebug", "-XX:StartFlightRecording", "-XX:+FlightRecorder", "-Dcom.sun.management.");

    /** The kernel's setting for transparent huge pages: {@code always [madvise] never}, the chosen one in brackets. */
    private static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    private static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";

    private static final String SMALL_INLINING = "-XX:InlineSmallCode=500";

    /** An option that turns one of the JDK's garbage collectors on or off. */
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:[+-]Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    /** Variables through which the launcher adds options; this JVM's input arguments already hold what they added. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

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
        Optional<String> ownOption = inputArguments().stream()
            .filter(option -> OPTIONS_FOR_THIS_JVM_ONLY.stream().anyMatch(option::startsWith)
                    || option.startsWith("-Xlog") && option.contains("file="))
            .findFirst();
        if (ownOption.isPresent()) {
            System.err.println("simulate: runs in this JVM, which was started with " + ownOption.get());
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

    /** In a JVM this class started: ends it when the JVM that started it has ended (killed, say), as its child would. */
    public static void endWithParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
                () -> Runtime.getRuntime().halt(143));
    }

    /** Which JVM this is, for the run's log. */
    static String describeThisJvm() {
        String role = System.getProperty(ROLE);
        if (role == null) {
            return "this JVM";
        }
        List<String> arguments = inputArguments();
        boolean archived = arguments.stream().anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        boolean hugePages = arguments.contains(HUGE_PAGES);
        boolean serial = arguments.contains(SERIAL_COLLECTOR);
        boolean smallInlining = arguments.contains(SMALL_INLINING);
        return "the " + role + " runtime" + (archived ? ", started with its class-data archive" : "")
                + (hugePages ? ", with transparent huge pages" : "") + (serial ? ", with the serial collector" : "")
                + (smallInlining ? ", inlining less" : "");
    }

    private static Optional<SimulatorRuntime> startedFromJar() {
        // java -jar FILE: the class path is that file and nothing else (mvn spring-boot:run and tests give directories)
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        try {
            // a link to the jar (nohold.jar -> nohold-0.1.0.jar) is the jar it names, whose name the unpacked copy keeps
            Path jar = Path.of(classPath).toRealPath();
            return Files.isRegularFile(jar) ? Optional.of(new SimulatorRuntime(jar)) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private OptionalInt run(String[] args) {
        if (!Files.isDirectory(directory)) {
            return runsHere("no runtime prepared for this jar");
        }
        try (FileChannel lockFile = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock inUse = lockFile.lock(0, Long.MAX_VALUE, true)) {
            Properties stamp = readStamp();
            Optional<String> unusable = unusable(stamp);
            if (unusable.isPresent()) {
                return runsHere(unusable.get());
            }
            return OptionalInt.of(runChild(args, Objects.equals(stamp.getProperty("jvm"), jvmIdentity())));
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

    private OptionalInt runsHere(String why) {
        System.err.println("simulate: runs in this JVM, slower to start: " + why + " (" + directory + "; java -jar "
                + jar.getFileName() + " simulate --prepare, or mvn package, prepares it)");
        return OptionalInt.empty();
    }

    /** Why the runtime with this stamp is not to be used, if it is not. */
    private Optional<String> unusable(Properties stamp) throws IOException {
        if (stamp.isEmpty()) {
            return Optional.of("no runtime prepared for this jar");
        }
        if (!Objects.equals(stamp.getProperty("jar"), jarIdentity()) || !Objects.equals(stamp.getProperty("directory"),
                directory.toString())) {
            return Optional.of("the runtime beside this jar was prepared for another jar or place");
        }
        return othersCanChange(directory).map(path -> "the runtime is not this user's alone: " + path);
    }

    private int runChild(String[] args, boolean archiveFitsThisJvm) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        List<String> inherited = inputArguments();
        command.add(javaExecutable());
        command.addAll(optionsOfItsOwn(inherited, readHugePagesSetting()));
        command.addAll(inherited.stream()
            .filter(option -> !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:ArchiveClassesAtExit")
                    && !option.startsWith("-Xshare"))
            .toList());
        if (archiveFitsThisJvm) {
            command.add("-XX:SharedArchiveFile=" + directory.resolve(ARCHIVE));
        }
        command.add("-D" + ROLE + "=prepared");
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(extractedJar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        OPTION_VARIABLES.forEach(environment::remove);
        Process process = builder.start();
        Thread stopIt = new Thread(() -> stop(process), "simulator-runtime-stop");
        Runtime.getRuntime().addShutdownHook(stopIt);
        int status = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopIt);
        return status;
    }

    /**
     * Options the simulator's JVM gets before those of the JVM that starts it (which come later and so win):
     * <ul>
     * <li>the heap in transparent huge pages where the kernel gives them to a program that asks ({@code always} or
     * {@code madvise}), unless the command line chose about large pages itself. A simulated day walks the in-memory
     * database's trees all the time, and with 2 MB pages the processor's address cache covers far more of them;</li>
     * <li>the serial garbage collector, unless the command line chose a collector. A run is one thread that writes
     * references into the database's trees all day and keeps under 200 MB alive: the serial collector's write barrier
     * is a single store where G1's is a filter and a queue, and its pauses are short for so little live data;</li>
     * <li>C2 inlining a method it has already compiled only while its code is under 500 bytes (2,500 by default),
     * unless the command line sets that limit. A run passes through a great deal of code (Spring, the engine,
     * MyBatis, H2, NoHold) that is compiled while the day goes on; with the lower limit C2 does about half the work
     * and is done sooner, and the second vCPU it runs on shares a core with the thread that simulates.</li>
     * </ul>
     * Each made a full day 8–11 % faster, alternated with runs without it (docs/performance.md, "The simulator").
     */
    static List<String> optionsOfItsOwn(List<String> inherited, Optional<String> hugePagesSetting) {
        List<String> options = new ArrayList<>(3);
        boolean pagesChosen = inherited.stream()
            .anyMatch(option -> option.contains("LargePage") || option.contains("HugePage") || option.contains("HugeTLBFS"));
        boolean offered = hugePagesSetting.filter(setting -> setting.contains("[always]") || setting.contains("[madvise]"))
            .isPresent();
        if (!pagesChosen && offered) {
            options.add(HUGE_PAGES);
        }
        if (inherited.stream().noneMatch(option -> COLLECTOR_CHOICE.matcher(option).matches())) {
            // a second collector named on the same command line would be refused by the JVM
            options.add(SERIAL_COLLECTOR);
        }
        if (inherited.stream().noneMatch(option -> option.startsWith("-XX:InlineSmallCode="))) {
            options.add(SMALL_INLINING);
        }
        return List.copyOf(options);
    }

    /** The kernel's setting, or empty where it has none (no transparent huge pages) or it cannot be read. */
    static Optional<String> readHugePagesSetting() {
        try {
            return Optional.of(Files.readString(TRANSPARENT_HUGE_PAGES));
        }
        catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private int prepareHere() {
        long started = System.nanoTime();
        Path log = directory.resolve(LOG);
        try (FileChannel lockFile = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock alone = lockFile.tryLock();
            if (alone == null) {
                System.out.println("simulate --prepare: waiting for the simulations that use " + directory + " to end");
                alone = lockFile.lock();
            }
            try (FileLock held = alone) {
                if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.exists(log) || othersCanChange(directory).isPresent()) {
                        System.err.println("simulate --prepare: " + directory
                                + " is not a runtime this user prepared; move it away first");
                        return 1;
                    }
                    deleteRecursively(directory);
                }
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
                // written last: a runtime half prepared is never used
                Properties stamp = new Properties();
                stamp.setProperty("jar", jarIdentity());
                stamp.setProperty("directory", directory.toString());
                stamp.setProperty("jvm", jvmIdentity());
                Path written = directory.resolve(STAMP + ".new");
                try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                    stamp.store(out, "the jar, the place and the JVM this runtime was prepared for");
                }
                moveInPlace(written, directory.resolve(STAMP));
            }
        }
        catch (IOException | UncheckedIOException e) {
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        OPTION_VARIABLES.forEach(builder.environment()::remove);
        return builder.start().waitFor() == 0;
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

    /**
     * The first file of the runtime (the directory itself included) that is a link, belongs to another user, or can be
     * written by others: code run from there would not be the code this user prepared.
     */
    private static Optional<Path> othersCanChange(Path runtime) throws IOException {
        String user = System.getProperty("user.name");
        try (Stream<Path> paths = Files.walk(runtime)) {
            for (Path path : paths.toList()) {
                if (Files.isSymbolicLink(path)) {
                    return Optional.of(path);
                }
                PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (posix == null) {
                    if (!Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(user)) {
                        return Optional.of(path);
                    }
                    continue;
                }
                PosixFileAttributes attributes = posix.readAttributes();
                if (!attributes.owner().getName().equals(user)
                        || attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                        || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                    return Optional.of(path);
                }
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Optional.empty();
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

    private Path lockFile() {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> inputArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
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
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

}
