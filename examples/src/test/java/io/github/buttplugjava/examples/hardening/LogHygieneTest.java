package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.WsPeer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 10: tokens never reach the log whatever path a client typed; peer text (a client name with a
 * newline, one of 900 KB) can neither forge a log line nor make one longer than a few KB; 100 failed
 * authentications from one address are summarised (one line per address per minute), not each logged.
 * The log is slf4j-simple on System.err (examples' simplelogger.properties, level info), captured here.
 */
class LogHygieneTest {

    private static final int MAX_LINE = 4096;

    @Test
    void mistypedControlPathsNeverLogTheToken() throws Exception {
        String token = Rigs.Hub.controlToken(0);
        try (LogCapture log = new LogCapture(); Rigs.Hub hub = new Rigs.Hub()) {
            for (String path : List.of("/" + token, "//control/" + token, "/control" + token, "/control/" + token + "%zz")) {
                try (WsPeer p = WsPeer.connect(hub.port(), path)) {
                    p.closed.get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception refusedOrClosed) {
                    // refused at the upgrade or closed after: either way, only the log matters here
                }
            }
            Thread.sleep(500);
            String text = log.text();
            assertThat(text).as("the log").doesNotContain(token).doesNotContain(Rigs.Hub.shareToken(0));
        }
    }

    @Test
    void clientNamesCannotForgeOrBloatLogLines() throws Exception {
        try (LogCapture log = new LogCapture(); Rigs.Hub hub = new Rigs.Hub()) {
            for (String name : List.of("app\nFORGED-LINE admin logged in\r\nFORGED-LINE 2", "n".repeat(900_000))) {
                ServerProbe.await(() -> !hub.room().hasController(), Duration.ofSeconds(5));
                try (WsPeer p = WsPeer.connect(hub.port(), hub.controlPath(0))) {
                    p.sendText("[" + Wire.requestServerInfo(1, name) + "]");
                    try {
                        p.await(t -> t.contains("ServerInfo") || t.contains("Error"), Duration.ofSeconds(5));
                    } catch (AssertionError closedInstead) {
                        // a hub may refuse the frame and close: fine, the log is what is checked
                    }
                }
            }
            Thread.sleep(500);
            List<String> lines = log.lines();
            assertThat(lines).as("log lines starting with forged text").noneMatch(l -> l.startsWith("FORGED-LINE"));
            assertThat(lines.stream().mapToInt(String::length).max().orElse(0)).as("longest log line")
                    .isLessThanOrEqualTo(MAX_LINE);
        }
    }

    @Test
    void aHundredFailedAuthenticationsAreSummarisedNotEachLogged() throws Exception {
        try (LogCapture log = new LogCapture(); Rigs.Hub hub = new Rigs.Hub()) {
            Thread.sleep(300);
            log.mark();
            for (int i = 0; i < 100; i++) {
                try (WsPeer p = WsPeer.connect(hub.port(), "/control/wrong-control-token-" + i + "-0123456789")) {
                    p.closed.get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception refused) {
                    // refused: expected
                }
            }
            Thread.sleep(500);
            List<String> lines = log.linesSinceMark();
            assertThat(lines).as("log lines for 100 failed authentications from one address").hasSizeLessThanOrEqualTo(3);
        }
    }
}
