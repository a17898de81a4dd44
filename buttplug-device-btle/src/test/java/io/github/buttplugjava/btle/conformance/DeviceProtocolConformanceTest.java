package io.github.buttplugjava.btle.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The upstream device test cases (shared/spec/device-tests, copied to test resources), each run at
 * the device level through the real configuration, protocol handlers and {@code BleDeviceSource}
 * over a recording simulated peripheral. Each case is reported under its file name.
 */
class DeviceProtocolConformanceTest {

    static List<String> caseNames() throws IOException, URISyntaxException {
        return DeviceCaseRunner.caseNames(DeviceCaseRunner.UPSTREAM_CASES);
    }

    /** Each case at the device level: v4 output commands straight to the {@code Device}. */
    @TestFactory
    Stream<DynamicTest> deviceLevel() throws Exception {
        return cases(DeviceDriver::new);
    }

    /** Each case as a spec v4 client sends it (OutputCmd, InputCmd, StopCmd) through the real server. */
    @TestFactory
    Stream<DynamicTest> serverV4() throws Exception {
        return cases(() -> new ServerDriver(4));
    }

    /** Each case as a spec v3 client sends it (ScalarCmd, VibrateCmd, ..., SensorReadCmd) through the real server. */
    @TestFactory
    Stream<DynamicTest> serverV3() throws Exception {
        return cases(() -> new ServerDriver(3));
    }

    /** The cases the reference runs for a spec v2 client (VibrateCmd, RotateCmd, LinearCmd, BatteryLevelCmd). */
    @TestFactory
    Stream<DynamicTest> serverV2() throws Exception {
        return cases(() -> new ServerDriver(2), oldVersionCases("v2"));
    }

    /** The cases the reference runs for a spec v1 client. */
    @TestFactory
    Stream<DynamicTest> serverV1() throws Exception {
        return cases(() -> new ServerDriver(1), oldVersionCases("v1"));
    }

    /** The cases the reference runs for a spec v0 client (SingleMotorVibrateCmd, StopDeviceCmd). */
    @TestFactory
    Stream<DynamicTest> serverV0() throws Exception {
        return cases(() -> new ServerDriver(0), oldVersionCases("v0"));
    }

    /** The case names listed under {@code [version]} in old-version-cases.txt. */
    static List<String> oldVersionCases(String version) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DeviceCaseRunner.resource("old-version-cases.txt"), StandardCharsets.UTF_8))) {
            String section = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.trim();
                if (line.startsWith("[")) {
                    section = line.substring(1, line.length() - 1);
                } else if (section.equals(version) && line.startsWith("test_")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static Stream<DynamicTest> cases(java.util.function.Supplier<CaseDriver> driver) throws Exception {
        return cases(driver, caseNames());
    }

    private static Stream<DynamicTest> cases(java.util.function.Supplier<CaseDriver> driver, List<String> names) {
        String only = System.getProperty("conformance.only", "");
        Map<String, String> stale = staleCases();
        return names.stream().filter(n -> only.isEmpty() || n.matches(only)).map(name -> DynamicTest.dynamicTest(name, () -> {
            try (DeviceCaseRunner runner = new DeviceCaseRunner(name, driver.get())) {
                runner.run();
            } catch (AssertionError e) {
                if (stale.containsKey(name)) {
                    Assumptions.abort("stale upstream case (" + stale.get(name) + "): " + e.getMessage());
                }
                throw e;
            }
        }));
    }

    /** Cases whose expectations contradict the configuration (stale-cases.txt): name to reason. */
    static Map<String, String> staleCases() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DeviceCaseRunner.resource("stale-cases.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int bar = line.indexOf('|');
                if (!line.startsWith("#") && bar > 0) {
                    out.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
