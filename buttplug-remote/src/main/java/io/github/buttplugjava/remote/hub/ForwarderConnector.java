package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.codec.Decoded;
import io.github.buttplugjava.core.codec.ServerCodec;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A buttplug-js 0.13 forwarder link seen as a spec v4 Buttplug server, so the hub runs the same
 * client over it as over an agent's link.
 *
 * <p>The forwarder has no handshake and speaks spec v1: it sends {@code DeviceAdded},
 * {@code DeviceRemoved} and {@code Ok}, and takes v1 device commands. This connector answers the
 * hub client's handshake, device list, scanning and pings itself; writes its device commands in v1
 * (through {@link ClientCodec}) under Ids of its own, unique on the link, so replies can never be
 * confused (0.13's own hub sends every StopDeviceCmd with Id 1); turns a stop of every device into
 * one StopDeviceCmd per device, since the forwarder ignores {@code StopAllDevices}; refuses input
 * commands (a forwarder returns nothing but Ok); and turns the forwarder's device events into v4
 * device lists.
 *
 * <p>Bounded: at most {@link #MAX_IN_FLIGHT} commands wait for the forwarder (more are refused with
 * a device error), and each waits at most the reply deadline: the forwarder never sends Error and
 * ignores commands for devices it does not know, so a command it does not answer is forgotten
 * here when its deadline passes (the hub client has failed it by then). A frame the v1 codec
 * rejects closes the link with the reason. When the link closes, the hub client hears it at once
 * and the devices leave. Thread-safe.
 *
 * <p>No longer on the hub's path: {@link ForwarderLink} reads a forwarder's devices with
 * {@link ForwarderDevices}, which writes v1 straight to the link without a hub client and the v4
 * re-encodes this class needs (issue #17).
 */
final class ForwarderConnector extends ForwardingConnector {

    /** Most commands waiting for the forwarder's reply at once: {@value}. */
    static final int MAX_IN_FLIGHT = 256;

    /** Most messages in one frame from a forwarder (a 0.13 forwarder sends one): {@value}. */
    static final int MAX_MESSAGES_PER_FRAME = 64;

    private static final long MAX_WIRE_ID = 0xFFFF_FFFFL;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String replayed;
    private final Duration replyTimeout;
    private final int maxDevices;
    private final ScheduledExecutorService timers;
    private final SerialExecutor toClient;
    private final ClientCodec forwarder;
    private final ServerCodec hubSide;
    private final Map<Long, Pending> pending = new HashMap<>();
    private DeviceList devices = new DeviceList(0, List.of());
    private long nextWireId;
    private FrameListener client;

    /** One client request waiting for {@code remaining} replies of the forwarder. */
    private static final class Pending {
        final long clientId;
        int remaining;
        ScheduledFuture<?> deadline;

        Pending(long clientId, int remaining) {
            this.clientId = clientId;
            this.remaining = remaining;
        }
    }

    /**
     * @param link         the forwarder's link, not yet connected
     * @param replayed     a frame of the forwarder already read (its first device), handled first;
     *                     null for none
     * @param replyTimeout how long a command waits for the forwarder's Ok
     * @param maxFrameChars the longest frame read from the forwarder
     * @param maxDevices   most devices the forwarder may share; one more closes the link
     */
    ForwarderConnector(ButtplugConnector link, String replayed, Duration replyTimeout, int maxFrameChars,
                       int maxDevices) {
        this(link, replayed, replyTimeout, maxFrameChars, maxDevices, Scheduling.defaults());
    }

    /** As above, delivering on {@code scheduling}'s executor and timing replies on its scheduler. */
    ForwarderConnector(ButtplugConnector link, String replayed, Duration replyTimeout, int maxFrameChars,
                       int maxDevices, Scheduling scheduling) {
        super(link);
        this.toClient = new SerialExecutor(scheduling.executor());
        this.maxDevices = maxDevices;
        this.replayed = replayed;
        this.replyTimeout = replyTimeout;
        this.timers = scheduling.scheduler();
        this.forwarder = new ClientCodec(SpecVersion.V1, maxFrameChars);
        this.hubSide = new ServerCodec(this::devices, maxFrameChars);
    }

    private synchronized DeviceList devices() {
        return devices;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        synchronized (this) {
            if (client != null) {
                return CompletableFuture.failedFuture(new ConnectorException("already connected"));
            }
            client = listener;
        }
        return delegate().connect(new FromForwarder()).thenRun(() -> {
            if (replayed != null) {
                fromForwarder(replayed);
            }
        });
    }

    // ---- hub client -> forwarder ----------------------------------------------------------

    @Override
    public CompletableFuture<Void> send(String frame) {
        List<Decoded> requests;
        synchronized (this) {
            requests = hubSide.decode(frame);
        }
        for (Decoded d : requests) {
            if (d instanceof Decoded.Rejected r) {
                reply(r.error().toErrorMessage(r.id()));
            } else if (d instanceof Decoded.Request r) {
                request(r);
            }
        }
        return delegate().isConnected() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new ConnectorException("the forwarder's link is closed"));
    }

    private void request(Decoded.Request request) {
        ClientMessage first = request.commands().get(0);
        long id = request.id();
        if (first instanceof RequestServerInfo) {
            reply(new ServerInfo(id, "buttplug-js 0.13 forwarder", SpecVersion.V4.major(), 0, 0));
        } else if (first instanceof RequestDeviceList) {
            reply(new DeviceList(id, devices().devices()));
        } else if (first instanceof StartScanning) {
            reply(new Ok(id));
            reply(new ScanningFinished(0));
        } else if (first instanceof StopScanning || first instanceof Ping) {
            reply(new Ok(id));
        } else if (first instanceof InputCmd) {
            reply(new ButtplugDeviceException("a buttplug-js 0.13 forwarder cannot forward readings").toErrorMessage(id));
        } else if (first instanceof StopCmd stop && stop.deviceIndex().isEmpty()) {
            List<ClientMessage> each = new ArrayList<>();
            for (DeviceInfo d : devices().devices()) {
                each.add(StopCmd.device(id, d.deviceIndex()));
            }
            forward(id, each);
        } else if (first instanceof OutputCmd || first instanceof StopCmd) {
            forward(id, request.commands());
        } else {
            reply(new ButtplugMessageException("a buttplug-js 0.13 forwarder does not take " + request.wireName())
                    .toErrorMessage(id));
        }
    }

    /** Sends each command as its own v1 message under a fresh wire Id; Ok to the client when all are. */
    private void forward(long clientId, List<ClientMessage> commands) {
        if (commands.isEmpty()) {
            reply(new Ok(clientId));
            return;
        }
        List<String> frames = new ArrayList<>(commands.size());
        Pending p = new Pending(clientId, commands.size());
        synchronized (this) {
            if (pending.size() + commands.size() > MAX_IN_FLIGHT) {
                reply(new ButtplugDeviceException("too many commands wait for the 0.13 forwarder (most "
                        + MAX_IN_FLIGHT + ")").toErrorMessage(clientId));
                return;
            }
            List<Long> ids = new ArrayList<>(commands.size());
            try {
                for (ClientMessage c : commands) {
                    long wireId = freshWireId();
                    frames.add(forwarder.encode(List.of(c.withId(wireId))));
                    ids.add(wireId);
                }
            } catch (ButtplugException e) {
                reply(e.toErrorMessage(clientId));
                return;
            }
            ids.forEach(i -> pending.put(i, p));
            p.deadline = timers.schedule(() -> expire(ids), replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (String f : frames) {
            delegate().send(f);
        }
    }

    private long freshWireId() {
        do {
            nextWireId = nextWireId >= MAX_WIRE_ID ? 1 : nextWireId + 1;
        } while (pending.containsKey(nextWireId));
        return nextWireId;
    }

    /** The forwarder did not answer in time: forget the command (the hub client failed it already). */
    private synchronized void expire(List<Long> ids) {
        ids.forEach(pending::remove);
    }

    // ---- forwarder -> hub client ----------------------------------------------------------

    private void fromForwarder(String frame) {
        List<ServerMessage> messages;
        List<ServerMessage> out = new ArrayList<>();
        if (messageCount(frame) > MAX_MESSAGES_PER_FRAME) {
            delegate().abort("more than " + MAX_MESSAGES_PER_FRAME + " messages in one frame");
            return;
        }
        synchronized (this) {
            try {
                messages = forwarder.decode(frame);
            } catch (DecodeException e) {
                delegate().abort("invalid spec v1 message from the forwarder: " + PeerText.error(e.getMessage()));
                return;
            }
            for (ServerMessage m : messages) {
                if (m instanceof DeviceList list && list.id() == 0) {
                    if (list.devices().size() > maxDevices) {
                        delegate().abort("it shares more than " + maxDevices + " devices, the most one agent may");
                        return;
                    }
                    devices = list;
                    out.add(list);
                } else if (m instanceof Ok || m instanceof ErrorMessage) {
                    answered(m).ifPresent(out::add);
                }
                // ServerInfo, ScanningFinished, readings: a forwarder has no business sending them
            }
        }
        out.forEach(this::reply);
    }

    /** Shortest frame that can hold more than {@link #MAX_MESSAGES_PER_FRAME} messages: {@code [{},{},...]}. */
    private static final int SHORTEST_OVERFULL_FRAME = 3 * (MAX_MESSAGES_PER_FRAME + 1) + 1;

    /**
     * How many messages a frame holds (0 when it is not a JSON array: the codec says what is wrong);
     * a frame too short to hold more than the limit (a forwarder's Ok) is not parsed for it.
     */
    private static int messageCount(String frame) {
        if (frame.length() < SHORTEST_OVERFULL_FRAME) {
            return 0;
        }
        try {
            JsonNode root = JSON.readTree(frame);
            return root != null && root.isArray() ? root.size() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The client's reply once every part of its request was answered (the first error wins). */
    private Optional<ServerMessage> answered(ServerMessage m) {
        Pending p = pending.remove(m.id());
        if (p == null) {
            return Optional.empty();
        }
        if (m instanceof ErrorMessage e) {
            pending.values().removeIf(x -> x == p);
            p.deadline.cancel(false);
            return Optional.of(new ErrorMessage(p.clientId, e.code(), e.text()));
        }
        if (--p.remaining > 0) {
            return Optional.empty();
        }
        p.deadline.cancel(false);
        return Optional.of(new Ok(p.clientId));
    }

    private void reply(ServerMessage message) {
        Optional<String> frame;
        synchronized (this) {
            frame = hubSide.encode(List.of(message));
        }
        frame.ifPresent(f -> toClient.execute(() -> listener().onFrame(f)));
    }

    private synchronized FrameListener listener() {
        return client;
    }

    private final class FromForwarder implements FrameListener {
        @Override
        public void onFrame(String frame) {
            fromForwarder(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            synchronized (ForwarderConnector.this) {
                pending.values().forEach(p -> p.deadline.cancel(false));
                pending.clear();
            }
            toClient.executeFirst(() -> listener().onClosed(cause));
        }
    }

    // ---- the link itself ------------------------------------------------------------------
}
