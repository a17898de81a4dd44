package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema check used by the other tests does reject what the schema forbids. */
class SchemasSanityTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "[{\"Ping\":{\"Id\":0}}]",
        "[{\"Ping\":{\"Id\":1,\"X\":2}}]",
        "[{\"VibrateCmd\":{\"Id\":1,\"DeviceIndex\":0,\"Speeds\":[{\"Index\":0,\"Speed\":2}]}}]",
        "[{\"ServerInfo\":{\"Id\":0,\"ServerName\":\"s\",\"MessageVersion\":3,\"MaxPingTime\":0}}]",
        "[{\"DeviceAdded\":{\"Id\":3,\"DeviceName\":\"x\",\"DeviceIndex\":0,\"DeviceMessages\":[\"StopDeviceCmd\"]}}]",
        "[{\"Tickle\":{\"Id\":1}}]",
    })
    void invalidFramesHaveErrors(String frame) {
        assertThat(Schemas.errorsAgainstAll(frame)).isNotEmpty();
    }
}
