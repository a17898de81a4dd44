package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceConfigurationTest {

    private final DeviceConfiguration config = DeviceConfiguration.bundled();

    private static Advertisement ad(String name, Map<Integer, byte[]> md, Set<UUID> services) {
        return new Advertisement("AA:BB:CC:DD:EE:FF", name, md, services, OptionalInt.empty());
    }

    @Test
    void bundledConfigurationHasEveryProtocol() {
        assertThat(config.protocols()).hasSize(140);
        assertThat(config.protocol("utimi")).isPresent();
        assertThat(config.protocol("lovense")).isPresent();
        assertThat(config.protocol("lovense").get().btle().get().services()).hasSizeGreaterThan(30);
    }

    @Test
    void namesMatchExactlyOrByPrefixWildcard() {
        assertThat(config.protocolsFor(Advertisement.named("a", "4plus"))).extracting(ProtocolDefinition::id)
                .containsExactly("wevibe");
        assertThat(config.protocolsFor(Advertisement.named("a", "LVS-Z36"))).extracting(ProtocolDefinition::id)
                .containsExactly("lovense");
        assertThat(config.protocolsFor(Advertisement.named("a", "4plusX"))).isEmpty();
        assertThat(config.protocolsFor(Advertisement.named("a", ""))).isEmpty();
    }

    @Test
    void manufacturerDataMatchesBySubsequence() {
        Advertisement satisfyer = ad("Unnamed", Map.of(93, new byte[] {0, 0, 39, (byte) 0xb0}), Set.of());
        assertThat(config.protocolsFor(satisfyer)).extracting(ProtocolDefinition::id).contains("satisfyer");
        Advertisement other = ad("Unnamed", Map.of(93, new byte[] {1, 2}), Set.of());
        assertThat(config.protocolsFor(other)).extracting(ProtocolDefinition::id).doesNotContain("satisfyer");
    }

    @Test
    void advertisedServicesSelectAProtocol() {
        Advertisement lush = ad("", Map.of(), Set.of(UUID.fromString("53300001-0023-4bd4-bbd5-a6920e4c5653")));
        assertThat(config.protocolsFor(lush)).extracting(ProtocolDefinition::id).containsExactly("lovense");
    }

    @Test
    void lovenseGattServicesNewIn4197AreLovenseEndpoints() {
        // 4.197 adds the Velvo's and Synth's GATT services (not advertised services: those toys are
        // found by their LVS- name, then their endpoints come from these).
        var services = config.protocol("lovense").orElseThrow().btle().orElseThrow().services();
        assertThat(services.get(UUID.fromString("43420001-0023-4bd4-bbd5-a6920e4c5653")))
                .containsEntry(io.github.buttplugjava.btle.Endpoint.TX, UUID.fromString("43420002-0023-4bd4-bbd5-a6920e4c5653"))
                .containsEntry(io.github.buttplugjava.btle.Endpoint.RX, UUID.fromString("43420003-0023-4bd4-bbd5-a6920e4c5653"));
        assertThat(services.get(UUID.fromString("5a410001-0023-4bd4-bbd5-a6920e4c5653")))
                .containsEntry(io.github.buttplugjava.btle.Endpoint.TX, UUID.fromString("5a410002-0023-4bd4-bbd5-a6920e4c5653"))
                .containsEntry(io.github.buttplugjava.btle.Endpoint.RX, UUID.fromString("5a410003-0023-4bd4-bbd5-a6920e4c5653"));
        assertThat(config.protocolsFor(Advertisement.named("a", "LVS-Velvo"))).extracting(ProtocolDefinition::id)
                .containsExactly("lovense");
    }

    @Test
    void everyBleModelNewIn4197IsFoundByItsNameAndNamed() {
        String[][] models = {
            {"Tiani Twist", "lelo-harmony", "Tiani Twist", "Lelo Tiani Twist"},
            {"SONA3 Cruise", "lelo-harmony", "SONA3 Cruise", "Lelo Sona 3 Cruise"},
            {"Switch", "lelo-harmony", "Switch", "Lelo Switch"},
            {"SURFER2", "lelo-harmony", "SURFER2", "Lelo Surfer 2"},
            {"F2", "lelo-harmony", "F2", "Lelo F2S"},
            {"HPB-376", "honeyplaybox", "HPB-376", "Honey Play Box Joi Thrust"},
            {"AP-22-892", "honeyplaybox", "AP-22-892", "Honey Play Box Ryder"},
            {"J-Rowdy", "joyhub", "J-Rowdy", "JoyHub Rowdy"},
            {"Utimi000040", "utimi", "Utimi000040", "Utimi KnotVibe ThrustMaster"},
            {"Utimi", "utimi", "Utimi", "Utimi Prostate Massager"},
            // Lovense toys are found by their LVS- name and identified by DeviceType; (CB, ZA)
            {"LVS-Velvo", "lovense", "CB", "Lovense Velvo"},
            {"LVS-Synth", "lovense", "ZA", "Lovense Synth"},
        };
        for (String[] m : models) {
            assertThat(config.protocolsFor(Advertisement.named("a", m[0]))).as(m[0]).extracting(ProtocolDefinition::id)
                    .containsExactly(m[1]);
            assertThat(config.definition(m[1], m[2], "a").orElseThrow().name()).as(m[0]).isEqualTo(m[3]);
        }
    }

    @Test
    void leloF2MovedToHarmonyIn4197() {
        assertThat(config.protocolsFor(Advertisement.named("a", "F2"))).extracting(ProtocolDefinition::id)
                .containsExactly("lelo-harmony");
        assertThat(config.definition("lelo-harmony", "F2", "a").orElseThrow().name()).isEqualTo("Lelo F2S");
    }

    @Test
    void modelIdentifierSelectsAConfigurationElseDefaults() {
        DeviceDefinition max = config.definition("lovense", "B", "x").orElseThrow();
        assertThat(max.name()).isEqualTo("Lovense Max");
        assertThat(max.features()).extracting(f -> f.feature().outputs().keySet())
                .contains(Set.of(OutputType.VIBRATE), Set.of(OutputType.CONSTRICT));
        assertThat(max.feature(2).orElseThrow().feature().input(InputType.BATTERY)).isPresent();

        DeviceDefinition unknown = config.definition("lovense", "no-such-model", "x").orElseThrow();
        assertThat(unknown.name()).isEqualTo("Lovense Device");
        assertThat(config.definition("no-such-protocol", "x", "x")).isEmpty();
    }

    @Test
    void configurationsWithoutFeaturesInheritTheDefaults() {
        DeviceDefinition bloom = config.definition("wevibe", "Bloom", "x").orElseThrow();
        assertThat(bloom.name()).isEqualTo("WeVibe Bloom");
        assertThat(bloom.features()).hasSize(1);
        assertThat(bloom.features().get(0).feature().output(OutputType.VIBRATE).orElseThrow().value())
                .isEqualTo(new Range(0, 15));
    }

    private static final String USER = """
            {"version":{"major":4,"minor":0},"user_configs":{"devices":[
              {"identifier":{"address":"AA","protocol":"wevibe","identifier":"4plus"},
               "config":{"id":"u1","base_id":"11cd7b68-2c94-4fc8-837f-09d47214cee1",
                 "features":[{"base_id":"c76fd58e-a38c-4f25-a04c-d798e3f892d3","id":"f1","output":{"vibrate":{"value":[5,10]}}},
                             {"base_id":"027061c3-4d18-4d03-8219-13e3134b8a19","id":"f2","output":{"vibrate":{"disabled":true}}}],
                 "user_config":{"allow":false,"deny":false,"index":7,"display_name":"Bedroom"}}},
              {"identifier":{"address":"BB","protocol":"wevibe","identifier":"4plus"},
               "config":{"id":"u2","base_id":"x","features":[],"user_config":{"deny":true,"index":0}}}]}}
            """;

    @Test
    void userSettingsNarrowRangesDisableOutputsAndNameDevices() {
        DeviceConfiguration user = config.withUserConfig(USER);
        DeviceDefinition d = user.definition("wevibe", "4plus", "AA").orElseThrow();
        assertThat(d.displayName()).contains("Bedroom");
        assertThat(d.reservedIndex()).hasValue(7);
        ConfiguredFeature first = d.feature(0).orElseThrow();
        assertThat(first.feature().output(OutputType.VIBRATE).orElseThrow().value()).isEqualTo(new Range(0, 5));
        assertThat(first.deviceValue(OutputType.VIBRATE, 0)).isEqualTo(5);
        assertThat(first.deviceValue(OutputType.VIBRATE, 5)).isEqualTo(10);
        assertThat(d.feature(1).orElseThrow().feature().outputs()).isEmpty();
        // another address keeps the base settings
        assertThat(user.definition("wevibe", "4plus", "CC").orElseThrow().displayName()).isEmpty();
    }

    @Test
    void denyAndAllowListsDecideWhoConnects() {
        DeviceConfiguration user = config.withUserConfig(USER);
        assertThat(user.mayConnect("BB")).isFalse();
        assertThat(user.mayConnect("AA")).isTrue();
        assertThat(user.mayConnect("ZZ")).isTrue();
        DeviceConfiguration allowOnly = config.withUserConfig("""
                {"user_configs":{"devices":[{"identifier":{"address":"AA","protocol":"wevibe","identifier":"4plus"},
                 "config":{"features":[],"user_config":{"allow":true,"index":0}}}]}}""");
        assertThat(allowOnly.mayConnect("AA")).isTrue();
        assertThat(allowOnly.mayConnect("ZZ")).isFalse();
    }

    @Test
    void userRangesOutsideTheBaseRangeAreRefused() {
        DeviceConfiguration user = config.withUserConfig(USER.replace("[5,10]", "[5,99]"));
        assertThatThrownBy(() -> user.definition("wevibe", "4plus", "AA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the base range");
    }

    @Test
    void userProtocolsAddCommunicationAndConfigurations() {
        DeviceConfiguration user = config.withUserConfig("""
                {"user_configs":{"protocols":{"tcode-v03":{"communication":[{"btle":{"names":["my-tcode"],
                 "services":{"0000eea0-0000-1000-8000-00805f9b34fb":{"tx":"0000ee01-0000-1000-8000-00805f9b34fb"}}}}],
                 "configurations":[{"identifier":["my-tcode"],"name":"My TCode","id":"a",
                 "features":[{"index":0,"id":"b","output":{"vibrate":{"value":[0,99]}}}]}]}}}}""");
        assertThat(user.protocolsFor(Advertisement.named("a", "my-tcode"))).extracting(ProtocolDefinition::id)
                .containsExactly("tcode-v03");
        assertThat(user.definition("tcode-v03", "my-tcode", "a").orElseThrow().name()).isEqualTo("My TCode");
    }

    @Test
    void malformedUserConfigurationIsRefusedClearly() {
        assertThatThrownBy(() -> config.withUserConfig("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> config.withUserConfig("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user_configs");
    }

    @Test
    void aWholeConfigurationFileReadsLikeTheBundledOne() throws Exception {
        String json;
        try (java.io.InputStream in = DeviceConfiguration.class.getResourceAsStream("buttplug-device-config-v4.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        DeviceConfiguration fromFile = DeviceConfiguration.fromJson(json);
        assertThat(fromFile.protocols()).hasSameSizeAs(config.protocols());
        assertThat(fromFile.protocolsFor(Advertisement.named("a", "LVS-Z36"))).extracting(ProtocolDefinition::id)
                .isEqualTo(config.protocolsFor(Advertisement.named("a", "LVS-Z36")).stream().map(ProtocolDefinition::id).toList());
        assertThatThrownBy(() -> DeviceConfiguration.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DeviceConfiguration.fromJson("{\"version\":{\"major\":4}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no protocols");
    }
}
