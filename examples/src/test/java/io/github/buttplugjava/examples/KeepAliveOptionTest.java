package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.transport.ws.KeepAlive;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KeepAliveOptionTest {

    private static <T> T parse(Class<T> type, String... args) {
        CommandLine.ParseResult result = Cli.commandLine().parseArgs(args);
        return type.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void millisBecomeAPingIntervalWithThreeIntervalsOfAllowedSilence() {
        assertThat(KeepAliveOption.fromMillis(500)).isEqualTo(new KeepAlive(Duration.ofMillis(500), Duration.ofMillis(1500)));
        assertThat(KeepAliveOption.fromMillis(0)).isNull();
        assertThatThrownBy(() -> KeepAliveOption.fromMillis(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ws-keepalive-ms");
    }

    @Test
    void theHubAndServeKeepLinksAliveEverySecondByDefault() {
        assertThat(parse(HubCommand.class, "hub").wsKeepaliveMs).isEqualTo(1000);
        assertThat(parse(HubCommand.class, "hub", "--ws-keepalive-ms", "0").wsKeepaliveMs).isZero();
        assertThat(parse(ServeCommand.class, "serve").wsKeepaliveMs).isEqualTo(1000);
        assertThat(parse(ServeCommand.class, "serve", "--ws-keepalive-ms", "250").wsKeepaliveMs).isEqualTo(250);
    }

    @Test
    void theHubTakesItsIoThreadCountOrHalfTheProcessors() {
        assertThat(parse(HubCommand.class, "hub").ioThreads)
                .isEqualTo(io.github.buttplugjava.remote.hub.RemoteServer.DEFAULT_IO_THREADS);
        assertThat(parse(HubCommand.class, "hub", "--io-threads", "3").ioThreads).isEqualTo(3);
    }
}
