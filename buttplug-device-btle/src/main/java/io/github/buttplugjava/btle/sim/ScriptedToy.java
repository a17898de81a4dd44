package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The behaviour of the toys {@link SimulatedBle} offers: answers the handshakes and battery
 * requests of their protocols (Lovense {@code DeviceType;} and {@code Battery;}, Lelo
 * authorisation, Fredorch echoes, model and battery characteristics) and logs every write at
 * info level, as the toy would show it: {@code sim Lovense Hush: Vibrate:10;} (ASCII on tx),
 * {@code sim We-Vibe 4 Plus: tx <- 0f 03 00 ...} (anything else). Battery level 87 %.
 */
final class ScriptedToy implements ToyBehaviour {

    private static final Logger log = LoggerFactory.getLogger(ScriptedToy.class);
    static final int BATTERY = 87;

    private final String displayName;
    private final String protocol;
    private final String lovenseType;
    private final Map<Endpoint, byte[]> readable;

    ScriptedToy(String displayName, String protocol, String lovenseType, Map<Endpoint, byte[]> readable) {
        this.displayName = displayName;
        this.protocol = protocol;
        this.lovenseType = lovenseType;
        this.readable = Map.copyOf(readable);
    }

    @Override
    public void onWrite(SimulatedPeripheral toy, Endpoint endpoint, byte[] data, boolean withResponse) {
        if (log.isInfoEnabled()) {
            String text = printableText(data);
            if (endpoint == Endpoint.TX && text != null) {
                log.info("sim {}: {}", displayName, text);
            } else {
                log.info("sim {}: {} <- {}", displayName, endpoint.configName(), text != null ? '"' + text + '"' : hex(data));
            }
        }
        switch (protocol) {
            case "lovense" -> {
                String command = new String(data, StandardCharsets.US_ASCII);
                if (command.equals("DeviceType;")) {
                    toy.notify(Endpoint.RX, ascii(lovenseType + ":11:0082059AD3BD;"));
                } else if (command.equals("Battery;")) {
                    toy.notify(Endpoint.RX, ascii(BATTERY + ";"));
                }
            }
            case "fredorch" -> toy.notify(Endpoint.RX, data);
            default -> {
            }
        }
    }

    @Override
    public void onSubscription(SimulatedPeripheral toy, Endpoint endpoint, boolean subscribed) {
        if (subscribed && (protocol.startsWith("lelo-f1sv2") || protocol.equals("lelo-harmony"))
                && (endpoint == Endpoint.WHITELIST || endpoint == Endpoint.GENERIC0)) {
            toy.notify(endpoint, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        }
    }

    @Override
    public CompletableFuture<byte[]> onRead(SimulatedPeripheral toy, Endpoint endpoint) {
        byte[] value = readable.get(endpoint);
        if (value == null && endpoint == Endpoint.RXBLEBATTERY) {
            value = new byte[] {(byte) BATTERY};
        }
        if (value == null) {
            return ToyBehaviour.super.onRead(toy, endpoint);
        }
        return CompletableFuture.completedFuture(value.clone());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The data as ASCII text, or null when it has bytes outside printable ASCII. */
    private static String printableText(byte[] data) {
        for (byte b : data) {
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
        }
        return data.length == 0 ? null : new String(data, StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] data) {
        return HexFormat.ofDelimiter(" ").formatHex(data);
    }
}
