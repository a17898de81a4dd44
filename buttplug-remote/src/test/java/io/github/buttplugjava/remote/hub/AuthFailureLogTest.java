package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.InProcessConnector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailureLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final AuthFailureLog log = new AuthFailureLog(TimeUnit.SECONDS.toNanos(60), now::get, lines::add);

    private void seconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void aFloodCostsOneLinePerAddressPerMinute() {
        log.refused("127.0.0.1", "unknown control token");
        assertThat(lines).containsExactly("refused a link from 127.0.0.1: unknown control token");
        for (int i = 0; i < 500; i++) {
            log.refused("127.0.0.1", "unknown control token");
        }
        for (int i = 0; i < 23; i++) {
            log.refused("127.0.0.1", "unknown share token");
        }
        log.refused("10.0.0.2", "bad hello");
        assertThat(lines).hasSize(2);
        seconds(59);
        log.flush();
        assertThat(lines).hasSize(2);
        seconds(1);
        log.flush();
        // 10.0.0.2 failed once: its line was the first, nothing is left to summarize
        assertThat(lines).hasSize(3).contains(
                "refused 523 links from 127.0.0.1 in the last 60 s (unknown control token \u00d7500, unknown share token \u00d723)");
        assertThat(log.tracked()).isZero();
    }

    @Test
    void aFloodThatGoesOnIsSummarizedByTheNextFailureToo() {
        log.refused("a", "unknown share token");
        seconds(10);
        log.refused("a", "unknown share token");
        seconds(55);
        log.refused("a", "unknown share token"); // the minute is over: summary, and this opens the next one
        assertThat(lines).containsExactly("refused a link from a: unknown share token",
                "refused 1 link from a in the last 60 s (unknown share token \u00d71)");
        seconds(60);
        log.flush();
        assertThat(lines).hasSize(3).last().asString().startsWith("refused 1 link from a");
    }

    @Test
    void addressesAreBounded() {
        for (int i = 0; i < AuthFailureLog.MAX_ADDRESSES + 100; i++) {
            log.refused("10.0." + (i / 256) + "." + (i % 256), "bad hello");
        }
        assertThat(log.tracked()).isLessThanOrEqualTo(AuthFailureLog.MAX_ADDRESSES + 1);
    }

    @Test
    void aConnectorWithoutAnAddressIsUnknown() {
        assertThat(AuthFailureLog.addressOf(InProcessConnector.pair().server())).isEqualTo("unknown address");
    }
}
