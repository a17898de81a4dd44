package io.github.buttplugjava.remote.link;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Extensions negotiated through the hello, and what older peers send and accept. */
class LinkExtensionsTest {

    /** The hello of agents without extensions (and of every agent before them), byte for byte. */
    private static final String OLD_HELLO = "{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t0k3n\",\"Alias\":\"Alice\"}}";
    /** The welcome of hubs without extensions (and of every hub before them), byte for byte. */
    private static final String OLD_WELCOME = "{\"Welcome\":{\"AgentProtocol\":1,\"Room\":\"default\"}}";

    @Test
    void aHelloWithoutExtensionsIsExactlyTheOldHelloAndTheOldHelloReadsAsOfferingNone() {
        assertThat(new Hello(Hello.PROTOCOL, "t0k3n", "Alice").encode()).isEqualTo(OLD_HELLO);
        assertThat(Hello.decode(OLD_HELLO).extensions()).isEqualTo(LinkExtensions.NONE);
    }

    @Test
    void aHelloOfferingPresenceKeepsTheFieldsOlderHubsCheck() {
        String frame = new Hello(Hello.PROTOCOL, "t0k3n", "Alice", LinkExtensions.SUPPORTED).encode();
        assertThat(frame).isEqualTo("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t0k3n\",\"Alias\":\"Alice\","
                + "\"Extensions\":{\"Presence\":1}}}");
        Hello read = Hello.decode(frame);
        assertThat(read.protocol()).isEqualTo(1);
        assertThat(read.extensions().version(LinkExtensions.PRESENCE)).isEqualTo(1);
    }

    @Test
    void aWelcomeWithoutExtensionsIsExactlyTheOldWelcomeAndTheOldWelcomeAgreesToNone() {
        assertThat(new HelloReply.Welcome(1, "default").encode()).isEqualTo(OLD_WELCOME);
        HelloReply.Welcome w = (HelloReply.Welcome) HelloReply.decode(OLD_WELCOME);
        assertThat(w.extensions().has(LinkExtensions.PRESENCE)).isFalse();
        HelloReply.Welcome agreed = (HelloReply.Welcome) HelloReply.decode(
                new HelloReply.Welcome(1, "default", LinkExtensions.SUPPORTED).encode());
        assertThat(agreed.extensions().has(LinkExtensions.PRESENCE)).isTrue();
    }

    @Test
    void bothSidesAgreeOnTheLowerVersionOfWhatBothSpeak() {
        LinkExtensions newer = new LinkExtensions(Map.of("Presence", 3, "Future", 1));
        assertThat(LinkExtensions.SUPPORTED.agreedWith(newer).versions()).isEqualTo(Map.of("Presence", 1));
        assertThat(LinkExtensions.SUPPORTED.agreedWith(LinkExtensions.NONE)).isEqualTo(LinkExtensions.NONE);
    }

    @Test
    void extensionsFromAPeerAreReadLenientlyAndBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.append("\"X").append(i).append("\":1,");
        }
        String frame = "{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t\",\"Alias\":\"A\",\"Extensions\":{"
                + "\"Presence\":\"1\",\"bad name\":1,\"Zero\":0," + many + "\"Last\":2}}}";
        LinkExtensions read = Hello.decode(frame).extensions();
        assertThat(read.has("Presence")).isFalse();
        assertThat(read.versions()).hasSize(LinkExtensions.MAX_EXTENSIONS).doesNotContainKeys("bad name", "Zero");
        assertThat(Hello.decode("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t\",\"Alias\":\"A\",\"Extensions\":[1]}}")
                .extensions()).isEqualTo(LinkExtensions.NONE);
        assertThatThrownBy(() -> new LinkExtensions(Map.of("Presence", 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
