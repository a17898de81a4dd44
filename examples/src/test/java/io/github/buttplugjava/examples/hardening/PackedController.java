package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.WsPeer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A controller on a raw socket speaking spec v4: handshakes, lists devices, and sends frames
 * packed with thousands of messages (which a real library never does).
 */
final class PackedController implements AutoCloseable {

    final WsPeer peer;
    private final AtomicLong ids = new AtomicLong(100_000);

    private PackedController(WsPeer peer) {
        this.peer = peer;
    }

    static PackedController connect(int port, String path) throws IOException {
        return new PackedController(WsPeer.connect(port, path));
    }

    static PackedController connect(int port, String path, WsPeer.Options options) throws IOException {
        return new PackedController(WsPeer.connect(port, path, options));
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** RequestServerInfo (v4); returns the ServerInfo frame. */
    String handshake(String clientName) throws Exception {
        long id = nextId();
        peer.sendText("[" + Wire.requestServerInfo(id, clientName) + "]");
        return peer.await(t -> t.contains("ServerInfo") || t.contains("Error"), Duration.ofSeconds(5));
    }

    /** The v4 device list: device name to index. */
    Map<String, Integer> deviceList() throws Exception {
        long id = nextId();
        peer.sendText("[" + Wire.requestDeviceList(id) + "]");
        String frame = peer.await(t -> t.contains("\"DeviceList\"") && t.contains("\"Id\":" + id), Duration.ofSeconds(5));
        return names(frame);
    }

    /** The raw v4 DeviceList reply. */
    JsonNode deviceListJson() throws Exception {
        long id = nextId();
        peer.sendText("[" + Wire.requestDeviceList(id) + "]");
        String frame = peer.await(t -> t.contains("\"DeviceList\"") && t.contains("\"Id\":" + id), Duration.ofSeconds(5));
        for (Wire.Message m : Wire.messages(frame)) {
            if (m.name().equals("DeviceList")) {
                return m.body();
            }
        }
        throw new AssertionError("no DeviceList in " + frame);
    }

    static Map<String, Integer> names(String frame) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Wire.Message m : Wire.messages(frame)) {
            if (m.name().equals("DeviceList")) {
                Iterator<JsonNode> it = m.body().path("Devices").elements();
                while (it.hasNext()) {
                    JsonNode d = it.next();
                    out.put(d.path("DeviceName").asText(), d.path("DeviceIndex").asInt());
                }
            }
        }
        return out;
    }

    /** Polls the device list until one device's name contains {@code part}; returns its index. */
    int awaitDevice(String part, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Integer> last = Map.of();
        for (int i = 0; i < 1000 && System.nanoTime() < deadline; i++) {
            last = deviceList();
            for (Map.Entry<String, Integer> e : last.entrySet()) {
                if (e.getKey().contains(part)) {
                    return e.getValue();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no device named like " + part + "; have " + last);
    }

    /**
     * One frame of {@code pings} Pings (Ids of four digits, so 12,000 of them stay under 256 KiB)
     * followed by one OutputCmd setting vibrate of {@code device} to {@code value}.
     */
    static String pingsThenVibrate(int pings, int device, int value, long commandId) {
        StringBuilder b = new StringBuilder(pings * 22 + 128).append('[');
        for (int i = 0; i < pings; i++) {
            b.append("{\"Ping\":{\"Id\":").append(1000 + i % 9000).append("}},");
        }
        return b.append(Wire.vibrate(commandId, device, value)).append(']').toString();
    }

    void send(String frame) throws IOException {
        peer.sendText(frame);
    }

    void kill() {
        peer.kill();
    }

    @Override
    public void close() {
        peer.close();
    }
}
