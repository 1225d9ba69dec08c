package org.exportguard.spark;

import org.exportguard.testkit.Prerequisite;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone cluster on 127.0.0.1, started from the Spark jars on the test classpath (no download): a
 * master and two workers, each its own JVM. The built job jar ({@code target/exportguard-spark.jar}) is submitted
 * with Spark's own {@code SparkSubmit}; the cluster's processes see only Spark's jars, so the job runs from the jar
 * alone. The hits must equal the CLI batch's, and each executor must index the lists once. About a minute here.
 */
class SparkClusterIT {
    @TempDir
    static Path dir;

    private static final List<Process> processes = new ArrayList<>();
    private static String sparkClasspath;
    private static int masterPort;

    @BeforeAll
    static void cluster() throws Exception {
        Path jar = Path.of("target", "exportguard-spark.jar").toAbsolutePath();
        Prerequisite.require(Files.exists(jar), () -> jar + " not built (run mvn verify)");
        Path project = Path.of("").toAbsolutePath().getParent();
        // Spark's classpath: the test classpath without this project's own classes and jars
        sparkClasspath = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(e -> !Path.of(e).toAbsolutePath().startsWith(project)).toList());
        Path sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars")); // the workers look for it; empty: jars come from the classpath
        masterPort = freePort();
        processes.add(start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())), sparkHome));
        waitForPort(masterPort);
        for (int i = 1; i <= 2; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            processes.add(start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
                    "spark://127.0.0.1:" + masterPort, "--cores", "1", "--memory", "1g", "--host", "127.0.0.1",
                    "--webui-port", Integer.toString(freePort()), "--work-dir", work.toString()), sparkHome));
        }
    }

    @AfterAll
    static void stop() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void screenJobOnTheClusterGivesTheCliBatchHits() throws Exception {
        Path names = dir.resolve("names.csv");
        List<String> rows = new ArrayList<>(List.of("id,name,type,country,dob"));
        try (Stream<String> s = Files.lines(SharedData.dev("background-company-names-sec-half.txt"))) {
            s.limit(300).forEach(n -> rows.add("b" + rows.size() + ",\"" + n.replace("\"", "\"\"") + "\",,,"));
        }
        for (String listed : List.of("KIM Jong Un", "Al-Qaida", "Taliban", "ISLAMIC REVOLUTIONARY GUARD CORPS")) {
            rows.add("l" + rows.size() + "," + listed + ",,,");
        }
        Files.write(names, rows);
        // the UN list and the CSL sample: small enough that the cluster's JVMs index them in seconds
        Path un = SharedData.list("un-consolidated-2026-02-27.xml");
        Path csl = SharedData.list("us-csl-sample-2019.csv");
        Path cliOut = dir.resolve("cli.jsonl");
        assertEquals(0, SparkJobsTest.cli("screen", "--list", un.toString(), "--list", csl.toString(), "--input",
                names.toString(), "--output", cliOut.toString()));

        Path out = dir.resolve("cluster-out");
        Path jar = Path.of("target", "exportguard-spark.jar").toAbsolutePath();
        Process submit = start("submit", List.of("org.apache.spark.deploy.SparkSubmit",
                "--master", "spark://127.0.0.1:" + masterPort, "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=800m",
                "--conf", "spark.cores.max=2", "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=60s",
                "--conf", "spark.executor.extraJavaOptions=" + System.getProperty("exportguard.spark.jvm.options", ""),
                "--class", "org.exportguard.spark.SparkMain", jar.toString(),
                "screen", "--lists", un.toString(), csl.toString(), "--input", names.toString(), "--partitions", "6",
                "--output", out.toString()), dir.resolve("spark-home"));
        boolean done = submit.waitFor(10, TimeUnit.MINUTES);
        String log = Files.readString(dir.resolve("submit.log"));
        assertTrue(done, "the job did not finish in 10 minutes:\n" + tail(log));
        assertEquals(0, submit.exitValue(), tail(log));
        assertTrue(log.contains("screened 304 rows"), tail(log));

        Map<String, String> want = SparkJobsTest.byKey(Files.readAllLines(cliOut), "id");
        assertTrue(want.values().stream().anyMatch(l -> l.contains("\"sourceId\"")), "listed names must hit");
        assertEquals(want, SparkJobsTest.byKey(SparkJobsTest.parts(out), "id"));
        // two executors (one per worker), six partitions: each executor JVM indexed the lists once, whatever
        // number of tasks it ran
        long executors = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                long builds = Files.readAllLines(p).stream()
                        .filter(l -> l.contains("exportguard-spark: " + ShippedLists.INDEX_LOG + " ")).count();
                assertTrue(builds <= 1, p + " indexed the lists " + builds + " times");
                executors += builds;
            }
        }
        assertEquals(2, executors, "both executors screened rows, each from its own index");
    }

    private static Process start(String name, List<String> mainAndArgs, Path sparkHome) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(Arrays.asList(System.getProperty("exportguard.spark.jvm.options", "").split(" ")));
        cmd.add("-cp");
        cmd.add(sparkClasspath);
        cmd.addAll(mainAndArgs);
        cmd.removeIf(String::isEmpty);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_DIST_CLASSPATH", sparkClasspath);
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not listen on " + port + " within 60 s");
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
