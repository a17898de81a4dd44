package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToyGrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static List<String> line(String... args) {
        return List.of(args);
    }

    @Test
    void withoutDeviceEveryToyGetsTheGrantOptions() {
        ToyGrants g = ToyGrants.from(line("--hub", "ws://h/share", "--max", "vibrate=0.5", "--alias", "A"), NOW);
        assertThat(g.choosesToys()).isFalse();
        assertThat(g.grantFor(3, "Anything").orElseThrow().outputs().get(OutputType.VIBRATE).maxLevel()).isEqualTo(0.5);
    }

    @Test
    void eachDeviceGetsTheCommonOptionsPlusItsOwn() {
        ToyGrants g = ToyGrants.from(line("--max", "vibrate=0.5", "--alias", "A",
                "--device", "Lovense Hush", "--expire", "30m",
                "--device=1", "--max=vibrate=0.2", "--battery", "--simulate", "lovense"), NOW);
        assertThat(g.choosesToys()).isTrue();
        DeviceGrant lovense = g.grantFor(0, "lovense hush").orElseThrow();
        assertThat(lovense.outputs().get(OutputType.VIBRATE).maxLevel()).isEqualTo(0.5);
        assertThat(lovense.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(lovense.inputs()).isEmpty();
        DeviceGrant second = g.grantFor(1, "WeVibe 4 Plus").orElseThrow();
        assertThat(second.outputs().get(OutputType.VIBRATE).maxLevel()).isEqualTo(0.2);
        assertThat(second.inputs()).containsExactly(InputType.BATTERY);
        assertThat(second.expiresAt()).isNull();
        assertThat(g.grantFor(2, "Satisfyer")).as("a toy not chosen is not shared").isEmpty();
    }

    @Test
    void aSectionThatCannotWorkNamesItsToy() {
        assertThatThrownBy(() -> ToyGrants.from(line("--device", "Hush", "--max", "vibrate=3"), NOW))
                .hasMessageStartingWith("--device hush: --max vibrate=3.0: the level must be more than 0 and at most 1");
        assertThatThrownBy(() -> ToyGrants.from(line("--device", "Hush", "--device", "hush"), NOW))
                .hasMessage("--device hush is given twice");
        assertThatThrownBy(() -> ToyGrants.from(line("--device", " "), NOW))
                .hasMessageContaining("--device needs a toy's name");
    }
}
