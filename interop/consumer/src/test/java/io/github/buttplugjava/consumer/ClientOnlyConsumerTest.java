package io.github.buttplugjava.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client-only consumer of buttplug-java, built and run the way a user would, against the jars
 * this build made: its runtime class path is what depending on buttplug-transport-ws alone
 * resolves to. It is compiled with {@code javac} and run in a child JVM twice, as a named module
 * on the module path and as a class-path app, against a real server on loopback.
 */
class ClientOnlyConsumerTest {

    /** Goal of issue 10: a client app's runtime class path has at most this many jars. */
    private static final int MAX_CLIENT_JARS = 8;

    private static final Path SOURCES = Path.of(System.getProperty("consumer.sources", "src/app"));
    private static final Path WORK = Path.of(System.getProperty("consumer.work", "target/consumer"));

    private static List<Path> runtime;
    private static ButtplugWebSocketServer server;

    @BeforeAll
    static void startServerAndReadTheClasspath() throws Exception {
        Path file = Path.of(System.getProperty("consumer.classpath.file", "target/client-runtime-classpath.txt"));
        runtime = Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toList());
        SimulatedDevices sim = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
        ButtplugServer buttplug = ButtplugServer.builder(DeviceManager.of(sim)).name("consumer check").build();
        server = ButtplugWebSocketServer.builder(buttplug).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientOnlyRuntimeClasspathHasAtMostEightJarsAndNoServerOrContainer() throws IOException {
        long bytes = 0;
        for (Path p : runtime) {
            bytes += Files.isRegularFile(p) ? Files.size(p) : 0;
        }
        System.out.printf("client-only runtime class path: %d entries, %.2f MB: %s%n", runtime.size(), bytes / 1e6,
                runtime.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" ")));
        assertThat(runtime).hasSizeLessThanOrEqualTo(MAX_CLIENT_JARS);
        assertThat(runtime).extracting(p -> p.toString())
                .as("the client needs no server, container or JAX-RS/JAXB jar")
                .noneMatch(p -> p.contains("netty") || p.contains("grizzly") || p.contains("tyrus")
                        || p.contains("jaxb") || p.contains("transport-ws-server"))
                .anyMatch(p -> p.contains("buttplug-transport-ws"))
                .anyMatch(p -> p.contains("buttplug-core"));
    }

    @Test
    void buildsAndRunsAsANamedModuleOnTheModulePath() throws Exception {
        Path out = WORK.resolve("module");
        List<Path> sources = sources(true);
        compile(List.of("--module-path", joined(runtime), "-d", out.toString()), sources);

        String output = run(List.of("--module-path", out + File.pathSeparator + joined(runtime),
                "-m", "consumer.client/consumer.client.ClientApp", server.uri().toString()));

        assertThat(output).contains("named: true consumer.client")
                .contains("core module: io.github.buttplugjava.core")
                .contains("core.internal open to app: false")
                .contains("vibrated: ").contains("done");
    }

    @Test
    void buildsAndRunsAsAClasspathApp() throws Exception {
        Path out = WORK.resolve("classpath");
        compile(List.of("-cp", joined(runtime), "-d", out.toString()), sources(false));

        String output = run(List.of("-cp", out + File.pathSeparator + joined(runtime),
                "consumer.client.ClientApp", server.uri().toString()));

        assertThat(output).contains("named: false").contains("vibrated: ").contains("done");
    }

    private static List<Path> sources(boolean withModuleInfo) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> withModuleInfo || !p.getFileName().toString().equals("module-info.java"))
                    .collect(Collectors.toList());
        }
    }

    private static void compile(List<String> options, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK with javac runs the build").isNotNull();
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("--release", "17", "-Xlint:all,-path", "-Werror"));
        sources.forEach(p -> args.add(p.toString()));
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(status).as("javac " + String.join(" ", args) + " (errors above)").isZero();
    }

    /** Runs a child JVM with {@code args}; returns its output once it exited 0 within a minute. */
    private static String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path log = Files.createTempFile(WORK.toAbsolutePath().getParent(), "consumer", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exited).as("the consumer exits within a minute; output so far:%n%s", output).isTrue();
            assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
