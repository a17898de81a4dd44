package io.github.buttplugjava.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @Test
    void ownVersionFilesRejectLaterMessages() {
        String v4 = "[{\"OutputCmd\":{\"Id\":1,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":1}}}}]";
        String v3 = "[{\"ScalarCmd\":{\"Id\":1,\"DeviceIndex\":0,\"Scalars\":[{\"Index\":0,\"Scalar\":0.5,\"ActuatorType\":\"Vibrate\"}]}}]";
        String v1 = "[{\"VibrateCmd\":{\"Id\":1,\"DeviceIndex\":0,\"Speeds\":[{\"Index\":0,\"Speed\":0.5}]}}]";
        assertThat(Schemas.errorsAgainstOwn(SpecVersion.V3, v4)).isNotEmpty();
        assertThat(Schemas.errorsAgainstOwn(SpecVersion.V2, v3)).isNotEmpty();
        assertThat(Schemas.errorsAgainstOwn(SpecVersion.V0, v1)).isNotEmpty();
        assertThat(Schemas.errorsAgainstOwn(SpecVersion.V1, v1)).isEmpty();
    }
}
