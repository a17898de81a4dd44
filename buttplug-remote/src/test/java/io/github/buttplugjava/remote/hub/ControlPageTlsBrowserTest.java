package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.SelfSignedKeystore;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The control page over {@code https}: a hub serving TLS (a self-signed certificate the browser is
 * told to accept) serves the page, the page connects back over {@code wss} to the same URL, and a
 * slider reaches the toy. Same Chromium rules as {@link ControlPageBrowserTest}.
 */
class ControlPageTlsBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final char[] PASSWORD = "test-only-password".toCharArray();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void thePageServedOverHttpsConnectsBackOverWssAndDrivesTheToy() throws Exception {
        requireChromium();
        Path keystore = SelfSignedKeystore.create(dir.resolve("hub.p12"), "hub", "ip:127.0.0.1", PASSWORD);
        SSLContext trust = SelfSignedKeystore.trusting(keystore, PASSWORD, "hub");
        RemoteServer hub = RemoteServer.builder().host("127.0.0.1").tls(keystore, PASSWORD).build();
        Room room = hub.addRoom("secure");
        hub.start();
        SimulatedDevices toys = HubFixture.sims("lovense");
        ChromeDriver browser = null;
        try (hub; RemoteClient agent = RemoteClient.builder(hub.shareUri(), room.shareToken().reveal(), "Alice", toys)
                .dialer(uri -> WebSocketConnector.builder(uri).sslContext(trust).build()).build()) {
            agent.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5)))
                    .get(2, TimeUnit.SECONDS);
            agent.start().get(10, TimeUnit.SECONDS);
            assertThat(hub.controlPageUri(room).getScheme()).isEqualTo("https");

            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build(), options());
            browser.get(hub.controlPageUri(room).toString());
            ChromeDriver b = browser;
            new WebDriverWait(browser, WAIT).until(d -> b.findElement(By.id("link-text")).getText().equals("Live")
                    && b.findElements(By.cssSelector("#toys > li")).size() == 1);

            browser.findElement(By.cssSelector("#toys > li input[type=range]")).sendKeys(Keys.END);

            SimulatedDevice hush = toys.devices().get(0);
            assertThat(hush.awaitOutput(0, o -> o.value() == 10, WAIT).value())
                    .as("the granted maximum (half of 20) reached the toy through wss").isEqualTo(10);
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the hub's certificate is self-signed for this test; a real hub has one the browser trusts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1100,900", "--no-first-run", "--disable-extensions", "--ignore-certificate-errors");
        return options;
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String why = "the control page browser test needs Debian's chromium and chromium-driver (" + CHROMIUM
                + ", " + DRIVER + "); apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + " (CI=true: this test must run)");
        }
        Assumptions.assumeTrue(false, "skipped: " + why);
    }
}
