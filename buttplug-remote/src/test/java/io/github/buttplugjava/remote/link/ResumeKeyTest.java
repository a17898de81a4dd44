package io.github.buttplugjava.remote.link;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeKeyTest {

    private static final String KEY = "abcdefghijklmnopqrstuv";

    @Test
    void generatedKeysAre128RandomBitsInBase64urlAndNeverShown() {
        ResumeKey a = ResumeKey.generate();
        ResumeKey b = ResumeKey.generate();
        assertThat(a.reveal()).matches("[A-Za-z0-9_-]{22}");
        assertThat(a).isNotEqualTo(b);
        assertThat(ResumeKey.of(a.reveal())).isEqualTo(a);
        assertThat(a.toString()).isEqualTo("ResumeKey[redacted]");
        assertThat(a.digest()).hasSize(32).isEqualTo(ResumeKey.of(a.reveal()).digest()).isNotEqualTo(b.digest());
    }

    @Test
    void keysFromPeersAreBoundedAndUrlSafe() {
        assertThat(ResumeKey.of(KEY).reveal()).isEqualTo(KEY);
        assertThat(ResumeKey.of("x".repeat(ResumeKey.MAX_LENGTH)).reveal()).hasSize(64);
        for (String bad : new String[] {"x".repeat(21), "x".repeat(65), KEY + "=", KEY + " ", KEY + "\u00e9"}) {
            assertThatThrownBy(() -> ResumeKey.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a resume key needs 22..64 characters from A-Z a-z 0-9 _ -");
        }
    }

    @Test
    void aDerivedKeyIsTheSameForTheSameKeyAndRevealsNothingOfIt() {
        ResumeKey key = ResumeKey.of(KEY);
        assertThat(key.derived()).isEqualTo(ResumeKey.of(KEY).derived()).isNotEqualTo(key)
                .isNotEqualTo(ResumeKey.generate().derived());
        assertThat(key.derived().reveal()).matches("[A-Za-z0-9_-]{43}").doesNotContain(KEY);
        assertThat(key.derived().digest()).isNotEqualTo(key.digest());
    }

    @Test
    void theHelloCarriesTheKeyAsResumeAndAHelloWithoutOneIsTheOldFrame() {
        Hello with = new Hello(Hello.PROTOCOL, "t0k3n", "Alice", LinkExtensions.NONE, Optional.of(ResumeKey.of(KEY)));
        assertThat(with.encode()).isEqualTo("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t0k3n\",\"Alias\":\"Alice\",\"Resume\":\""
                + KEY + "\"}}");
        assertThat(Hello.decode(with.encode())).isEqualTo(with);
        assertThat(with.toString()).doesNotContain(KEY).doesNotContain("t0k3n").contains("resume=redacted");
        assertThat(with.withResume(Optional.empty()).encode())
                .isEqualTo("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t0k3n\",\"Alias\":\"Alice\"}}");
        assertThat(Hello.decode("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t\",\"Alias\":\"A\"}}").resume()).isEmpty();
    }

    @Test
    void aHelloWithAResumeThatIsNoKeyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Hello.decode("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t\",\"Alias\":\"A\",\"Resume\":7}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the hello's Resume must be a string");
        assertThatThrownBy(() -> Hello.decode("{\"Hello\":{\"AgentProtocol\":1,\"Token\":\"t\",\"Alias\":\"A\",\"Resume\":\"short\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the hello's Resume is not a resume key: a resume key needs 22..64 characters from A-Z a-z 0-9 _ -");
    }
}
