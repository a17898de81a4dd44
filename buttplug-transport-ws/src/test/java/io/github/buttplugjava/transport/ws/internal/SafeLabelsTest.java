package io.github.buttplugjava.transport.ws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SafeLabelsTest {

    @Test
    void keepsOnlyTheFirstPathSegment() {
        assertThat(SafeLabels.path(null)).isEqualTo("/");
        assertThat(SafeLabels.path("")).isEqualTo("/");
        assertThat(SafeLabels.path("/")).isEqualTo("/");
        assertThat(SafeLabels.path("/share")).isEqualTo("/share");
        assertThat(SafeLabels.path("/share/")).isEqualTo("/share/…");
        assertThat(SafeLabels.path("/control/s3cr3t-token")).isEqualTo("/control/…").doesNotContain("s3cr3t");
        // mistyped paths that put the token first show nothing of it
        assertThat(SafeLabels.path("/s3cr3t-token")).isEqualTo("/…");
        assertThat(SafeLabels.path("//control/s3cr3t")).isEqualTo("/…");
        assertThat(SafeLabels.path("/controls3cr3t")).isEqualTo("/…");
        assertThat(SafeLabels.path("/Control/s3cr3t")).isEqualTo("/…");
        assertThat(SafeLabels.path("/abcdefghijklmnop")).as("too long for a word").isEqualTo("/…");
    }

    @Test
    void dropsUserInfoQueryAndTokens() {
        String label = SafeLabels.uri(URI.create("wss://user:pw@hub.example:8443/control/s3cr3t?x=s3cr3t"));
        assertThat(label).isEqualTo("wss://hub.example:8443/control/…").doesNotContain("s3cr3t", "pw");
        assertThat(SafeLabels.uri(URI.create("ws://127.0.0.1:12345"))).isEqualTo("ws://127.0.0.1:12345/");
    }
}
