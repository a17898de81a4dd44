package io.github.buttplugjava.btle.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This project's device cases ({@code src/test/resources/device-tests-local}, upstream's YAML
 * format) for models and protocols upstream has no case for: the models new in device
 * configuration 4.197 and {@code utimi}. Their expected bytes come from the reference's protocol
 * sources (each file says which), not from this library's handlers. Run by the same runner as the
 * upstream cases, at the device level and as v4 and v3 clients.
 */
class LocalDeviceCaseTest {

    static List<String> caseNames() throws IOException, URISyntaxException {
        return DeviceCaseRunner.caseNames(DeviceCaseRunner.LOCAL_CASES);
    }

    /** Each case at the device level: v4 output commands straight to the {@code Device}. */
    @TestFactory
    Stream<DynamicTest> deviceLevel() throws Exception {
        return cases(DeviceDriver::new);
    }

    /** Each case as a spec v4 client sends it, through the real server. */
    @TestFactory
    Stream<DynamicTest> serverV4() throws Exception {
        return cases(() -> new ServerDriver(4));
    }

    /** Each case as a spec v3 client sends it, through the real server. */
    @TestFactory
    Stream<DynamicTest> serverV3() throws Exception {
        return cases(() -> new ServerDriver(3));
    }

    private static Stream<DynamicTest> cases(Supplier<CaseDriver> driver) throws Exception {
        List<String> names = caseNames();
        assertThat(names).as("local device cases").isNotEmpty();
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            try (DeviceCaseRunner runner = new DeviceCaseRunner(DeviceCaseRunner.LOCAL_CASES, name, driver.get())) {
                runner.run();
            }
        }));
    }
}
