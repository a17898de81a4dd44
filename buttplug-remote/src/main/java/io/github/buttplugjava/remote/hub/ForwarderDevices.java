package io.github.buttplugjava.remote.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.TokenBucket;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ServerMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The devices a buttplug-js 0.13 forwarder shares, read straight off its link: the hub's source of
 * {@link ForwarderDevice}s, whose commands go to the forwarder in spec v1 through one
 * {@link ForwarderWire} (no hub-side Buttplug client, no v4 frame in between).
 *
 * <p>The forwarder has no handshake: its {@code DeviceAdded} and {@code DeviceRemoved} add and
 * remove devices here (a device described again differently is replaced), its {@code Ok}s complete
 * commands, anything else it sends is ignored. Frames are handled on the thread that delivers them
 * (the link's event loop), so a command's {@code Ok} completes it with no hand-off.
 *
 * <p>Bounded, and every violation closes the link with the reason: a frame the v1 codec rejects; a
 * frame of more than {@code limits.maxMessagesPerFrame()} messages (at most
 * {@link #MAX_MESSAGES_PER_FRAME}); more than {@code limits.messagesPerSecond()} unasked messages
 * per second (device events, replies to nothing waiting; bursts of {@code limits.burst()}); more
 * devices than {@link AgentCaps#maxDevices()} or a device with more features than
 * {@link AgentCaps#maxFeatures()}. When the link ends, every waiting command fails, every device is
 * reported removed at once, and {@code ended} is told. {@link #close()} stops every device (one
 * {@code StopDeviceCmd} each, as the forwarder ignores {@code StopAllDevices}), then closes the link.
 */
final class ForwarderDevices implements DeviceSource {

    /** Most messages in one frame from a forwarder (a 0.13 forwarder sends one): {@value}. */
    static final int MAX_MESSAGES_PER_FRAME = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ButtplugConnector link;
    private final ForwarderWire wire;
    private final String firstFrame;
    private final AgentCaps caps;
    private final int maxMessagesPerFrame;
    private final TokenBucket unasked;
    private final long messagesPerSecond;
    private final Consumer<Throwable> ended;
    private final Map<Integer, ForwarderDevice> devices = new HashMap<>();
    private DeviceSourceListener listener;
    private boolean linkEnded;
    private boolean closing;

    /**
     * @param link         the forwarder's link, not yet connected
     * @param firstFrame   the forwarder's first frame, already read (its first device)
     * @param replyTimeout how long a command waits for the forwarder's Ok
     * @param maxFrameChars the longest frame read from the forwarder
     * @param caps         most devices, and features per device, the forwarder may share
     * @param limits       the link's message limits (messages per frame, unasked messages per second)
     * @param scheduling   where reply deadlines are timed and the clock of the rate
     * @param ended        told once when the link has ended, with its cause (null for an orderly close)
     */
    ForwarderDevices(ButtplugConnector link, String firstFrame, Duration replyTimeout, int maxFrameChars, AgentCaps caps,
                     MessageLimits limits, Scheduling scheduling, Consumer<Throwable> ended) {
        this.link = link;
        this.firstFrame = Objects.requireNonNull(firstFrame, "firstFrame");
        this.caps = caps;
        this.maxMessagesPerFrame = Math.min(MAX_MESSAGES_PER_FRAME, limits.maxMessagesPerFrame());
        this.unasked = new TokenBucket(limits.messagesPerSecond(), limits.burst(), scheduling.nanoClock());
        this.messagesPerSecond = (long) limits.messagesPerSecond();
        this.ended = ended;
        this.wire = new ForwarderWire(link, replyTimeout, maxFrameChars, scheduling);
    }

    @Override
    public String name() {
        return "0.13 forwarder";
    }

    /**
     * Reads the first frame, then connects the link.
     *
     * @throws IllegalStateException when already started
     */
    @Override
    public void start(DeviceSourceListener listener) {
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
        }
        onFrame(firstFrame);
        link.connect(new FromForwarder()).whenComplete((v, e) -> {
            if (e != null) {
                linkEnded(e);
            }
        });
    }

    /** A forwarder's devices are there when it shares them: there is nothing to scan. */
    @Override
    public CompletableFuture<Void> startScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops every device (each answered or past its deadline), then closes the link. Idempotent. */
    @Override
    public void close() {
        List<ForwarderDevice> stopping;
        synchronized (this) {
            if (closing || linkEnded) {
                closing = true;
                return;
            }
            closing = true;
            stopping = List.copyOf(devices.values());
        }
        CompletableFuture.allOf(stopping.stream().map(d -> d.stop().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new)).whenComplete((v, e) -> link.close());
    }

    /** For tests: how many commands wait for the forwarder. */
    int waitingCommands() {
        return wire.waitingCount();
    }

    private void onFrame(String frame) {
        if (messageCount(frame) > maxMessagesPerFrame) {
            link.abort("more than " + maxMessagesPerFrame + " messages in one frame");
            return;
        }
        List<ServerMessage> others;
        try {
            others = wire.read(frame);
        } catch (DecodeException e) {
            link.abort("invalid spec v1 message from the forwarder: " + PeerText.error(e.getMessage()));
            return;
        }
        if (others.isEmpty()) {
            return;
        }
        if (!unasked.tryTake(others.size())) {
            link.abort("the forwarder sends more than " + messagesPerSecond + " messages per second unasked");
            return;
        }
        for (ServerMessage m : others) {
            if (m instanceof DeviceList list && list.id() == 0 && !apply(list)) {
                return;
            }
            // ServerInfo, ScanningFinished, readings, late replies: a forwarder has no business sending them
        }
    }

    /** Makes {@code list} the forwarder's devices; false when it broke a cap (the link is closing). */
    private boolean apply(DeviceList list) {
        String violation = violation(list);
        if (violation != null) {
            link.abort(violation);
            return false;
        }
        List<ForwarderDevice> removed = new ArrayList<>();
        List<ForwarderDevice> added = new ArrayList<>();
        DeviceSourceListener l;
        synchronized (this) {
            if (linkEnded) {
                return false;
            }
            l = listener;
            Set<Integer> listed = new HashSet<>();
            for (DeviceInfo info : list.devices()) {
                listed.add(info.deviceIndex());
                ForwarderDevice known = devices.get(info.deviceIndex());
                if (known != null && known.info().equals(info)) {
                    continue;
                }
                if (known != null) {
                    removed.add(known);
                }
                ForwarderDevice device = new ForwarderDevice(wire, info);
                devices.put(info.deviceIndex(), device);
                added.add(device);
            }
            for (ForwarderDevice known : List.copyOf(devices.values())) {
                if (!listed.contains(known.info().deviceIndex())) {
                    devices.remove(known.info().deviceIndex());
                    removed.add(known);
                }
            }
        }
        for (ForwarderDevice d : removed) {
            d.gone();
            l.deviceRemoved(d);
        }
        added.forEach(l::deviceAdded);
        return true;
    }

    private String violation(DeviceList list) {
        if (list.devices().size() > caps.maxDevices()) {
            return "it shares more than " + caps.maxDevices() + " devices, the most one agent may";
        }
        for (DeviceInfo info : list.devices()) {
            if (info.features().size() > caps.maxFeatures()) {
                return "device " + PeerText.name(info.deviceName()) + " has " + info.features().size()
                        + " features; the most is " + caps.maxFeatures();
            }
        }
        return null;
    }

    private void linkEnded(Throwable cause) {
        List<ForwarderDevice> gone;
        DeviceSourceListener l;
        synchronized (this) {
            if (linkEnded) {
                return;
            }
            linkEnded = true;
            l = listener;
            gone = List.copyOf(devices.values());
            devices.clear();
        }
        wire.close(new ButtplugDeviceException("the 0.13 forwarder's link closed"
                + (cause == null ? "" : ": " + PeerText.error(cause.getMessage())), cause));
        for (ForwarderDevice d : gone) {
            d.gone();
            l.deviceRemoved(d);
        }
        ended.accept(cause);
    }

    /** Shortest frame that can hold more than {@link #MAX_MESSAGES_PER_FRAME} messages: {@code [{},{},...]}. */
    private static final int SHORTEST_OVERFULL_FRAME = 3 * (MAX_MESSAGES_PER_FRAME + 1) + 1;

    /**
     * How many messages a frame holds (0 when it is not a JSON array: the codec says what is wrong);
     * a frame too short to hold more than the limit (a forwarder's Ok) is not parsed for it.
     */
    private int messageCount(String frame) {
        if (frame.length() < Math.min(SHORTEST_OVERFULL_FRAME, 3 * (maxMessagesPerFrame + 1) + 1)) {
            return 0;
        }
        try {
            JsonNode root = JSON.readTree(frame);
            return root != null && root.isArray() ? root.size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private final class FromForwarder implements FrameListener {
        @Override
        public void onFrame(String frame) {
            ForwarderDevices.this.onFrame(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            linkEnded(cause);
        }
    }
}
