package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.message.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LevelStepsTest {

    @Test
    void levelsBecomeStepsByCeiling() {
        Range twenty = Range.upTo(20);
        assertThat(ButtplugClientDevice.steps(twenty, 0)).isZero();
        assertThat(ButtplugClientDevice.steps(twenty, 0.01)).isEqualTo(1);
        assertThat(ButtplugClientDevice.steps(twenty, 0.5)).isEqualTo(10);
        assertThat(ButtplugClientDevice.steps(twenty, 0.3)).isEqualTo(6);
        assertThat(ButtplugClientDevice.steps(twenty, 0.51)).isEqualTo(11);
        assertThat(ButtplugClientDevice.steps(twenty, 1)).isEqualTo(20);
        assertThat(ButtplugClientDevice.steps(Range.upTo(127), 0.1)).isEqualTo(13);
        assertThat(ButtplugClientDevice.steps(new Range(-20, 20), 0.25)).isEqualTo(5);
    }
}
