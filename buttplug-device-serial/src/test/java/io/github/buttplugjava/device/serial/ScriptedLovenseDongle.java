package io.github.buttplugjava.device.serial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fazecast.jSerialComm.SerialPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Lovense USB dongle at the far end of a pseudo-terminal, answering as the serial dongle does
 * (the message shapes of the reference's {@code lovense_dongle_messages.rs}) and recording every
 * line it receives: {@code statuss} is answered with a {@code status} 202 when a toy is connected,
 * {@code search} with {@code search} 205 and, when a toy is in range, a {@code toyData} with its
 * id (the toy is then connected); {@code stopSearch} with 200 and {@code search} 206; a
 * {@code command} to the connected toy with a {@code toyData} reply: {@code DeviceType;} gives the
 * toy's type, {@code Battery;} its level, anything else {@code OK;}.
 */
public final class ScriptedLovenseDongle implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SerialPort port;
    private final String toyId;
    private final String deviceType;
    private final int battery;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private volatile boolean open = true;
    private boolean toyInRange;
    private boolean toyConnected;

    private ScriptedLovenseDongle(SerialPort port, String toyId, String deviceType, int battery) {
        this.port = port;
        this.toyId = toyId;
        this.deviceType = deviceType;
        this.battery = battery;
        this.reader = new Thread(this::readLoop, "scripted-lovense-dongle");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Opens the dongle's end of a pseudo-terminal.
     *
     * @param path the script's terminal
     * @param toyId the id the dongle gives the toy
     * @param deviceType the toy's answer to {@code DeviceType;}, e.g. {@code S:11:0082059AD3BD;}
     * @param battery the toy's battery level
     */
    public static ScriptedLovenseDongle open(String path, String toyId, String deviceType, int battery) {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new ScriptedLovenseDongle(port, toyId, deviceType, battery);
    }

    /** A toy is in range: the next search finds it. */
    public synchronized void toyInRange() {
        toyInRange = true;
    }

    /** The toy is connected already (as after an earlier session): {@code statuss} reports it. */
    public synchronized void toyAlreadyConnected() {
        toyInRange = true;
        toyConnected = true;
    }

    /** The toy goes away: the dongle reports {@code status} 403. */
    public synchronized void toyDisconnects() {
        toyConnected = false;
        toyInRange = false;
        ObjectNode data = JSON.createObjectNode().put("id", toyId).put("status", 403);
        send(JSON.createObjectNode().put("type", "toy").put("func", "status").set("data", data));
    }

    private void readLoop() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (open) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    received(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
                } else {
                    line.write(buffer[i]);
                }
            }
        }
    }

    private synchronized void received(String line) {
        lines.add(line);
        notifyAll();
        JsonNode m;
        try {
            m = JSON.readTree(line);
        } catch (IOException e) {
            send(JSON.createObjectNode().put("type", "usb").put("func", "error").put("result", 400));
            return;
        }
        switch (m.path("func").asText()) {
            case "statuss" -> {
                if (toyConnected) {
                    ObjectNode data = JSON.createObjectNode().put("id", toyId).put("status", 202);
                    send(JSON.createObjectNode().put("type", "toy").put("func", "status").set("data", data));
                }
            }
            case "search" -> {
                send(JSON.createObjectNode().put("type", "usb").put("func", "search").put("result", 205));
                if (toyInRange && !toyConnected) {
                    toyConnected = true;
                    ObjectNode data = JSON.createObjectNode().put("id", toyId);
                    send(JSON.createObjectNode().put("type", "toy").put("func", "toyData").set("data", data));
                }
            }
            case "stopSearch" -> {
                send(JSON.createObjectNode().put("type", "usb").put("func", "stopSearch").put("result", 200));
                send(JSON.createObjectNode().put("type", "usb").put("func", "search").put("result", 206));
            }
            case "command" -> {
                if (!toyConnected || !toyId.equals(m.path("id").asText())) {
                    send(JSON.createObjectNode().put("type", "toy").put("func", "command").put("result", 404));
                    return;
                }
                String cmd = m.path("cmd").asText();
                String reply = cmd.equals("DeviceType;") ? deviceType : cmd.equals("Battery;") ? battery + ";" : "OK;";
                ObjectNode data = JSON.createObjectNode().put("id", toyId).put("data", reply);
                send(JSON.createObjectNode().put("type", "toy").put("func", "toyData").set("data", data));
            }
            default -> send(JSON.createObjectNode().put("type", "usb").put("func", "error").put("result", 400));
        }
    }

    private void send(JsonNode message) {
        byte[] bytes = (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        port.writeBytes(bytes, bytes.length);
    }

    /** Every line received so far, in order, without line ends. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The {@code cmd} of every {@code command} line received so far, in order. */
    public synchronized List<String> commands() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            try {
                JsonNode m = JSON.readTree(l);
                if ("command".equals(m.path("func").asText())) {
                    out.add(m.path("cmd").asText());
                }
            } catch (IOException e) {
                // not a command
            }
        }
        return out;
    }

    /**
     * Waits until the lines received satisfy {@code condition}.
     *
     * @return the lines when they did
     * @throws AssertionError with the lines received when {@code deadline} passes first
     */
    public synchronized List<String> await(Predicate<List<String>> condition, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.test(List.copyOf(lines))) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the scripted dongle received " + lines);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(lines);
    }

    /** Waits until the toy was sent {@code cmd} and returns every command so far. */
    public List<String> awaitCommand(String cmd, Duration deadline) throws InterruptedException {
        await(l -> commands().contains(cmd), deadline);
        return commands();
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(2_000);
        port.closePort();
    }
}
