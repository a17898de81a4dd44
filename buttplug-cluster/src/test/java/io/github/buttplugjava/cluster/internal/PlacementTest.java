package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.LinkExtensions;
import io.github.buttplugjava.remote.link.ResumeKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the entry node tells the owner of an agent's hello: never the token nor the agent's own resume key. */
class PlacementTest {

    @Test
    void theOpenRequestCarriesTheDerivedKeyAndNeverTheAgentsKeyAndToStringShowsNeither() {
        ResumeKey own = ResumeKey.generate();
        Hello passedOn = new Hello(Hello.PROTOCOL, Placement.NO_TOKEN, "Alice", LinkExtensions.PRESENCE_ONLY,
                Optional.of(own.derived()));
        Placement p = new Placement("party", LinkKind.SHARE, "", Hello.PROTOCOL, "Alice", passedOn.encode());
        String request = new String(p.openRequest("n2-abc-1", "n2"), StandardCharsets.UTF_8);
        assertThat(request).doesNotContain(own.reveal()).contains(own.derived().reveal());

        Placement read = Placement.readOpen(request.getBytes(StandardCharsets.UTF_8)).placement();
        Hello atOwner = Hello.decode(read.hello());
        assertThat(atOwner.resume()).contains(own.derived());
        assertThat(atOwner.extensions()).isEqualTo(LinkExtensions.PRESENCE_ONLY);
        assertThat(p.toString()).doesNotContain(own.derived().reveal()).contains("hello=redacted");
    }

    @Test
    void anEntryNodeOfThisBuildAsksForTheHeartbeatRelayAndAnOlderRequestDoesNot() {
        Placement p = new Placement("party", LinkKind.SHARE, "", Hello.PROTOCOL, "Alice", "{}");
        assertThat(Placement.readOpen(p.openRequest("n2-abc-1", "n2")).beats()).isTrue();
        String older = "{\"link\":\"n2-abc-2\",\"entry\":\"n2\",\"room\":\"party\",\"kind\":\"SHARE\","
                + "\"name\":\"\",\"protocol\":1,\"alias\":\"Alice\",\"hello\":\"{}\"}";
        Placement.Open read = Placement.readOpen(older.getBytes(StandardCharsets.UTF_8));
        assertThat(read.beats()).isFalse();
        assertThat(read.placement().alias()).isEqualTo("Alice");
    }
}
