package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.ButtplugPingException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.internal.OrderedDeadlines;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Consumer;

/**
 * The protocol logic of one server session in v4 terms, independent of the wire: handshake,
 * version rule, ping watchdog, validation, dispatch to the device manager, events, and the
 * clean-up on disconnect or ping-out.
 *
 * <p>Every method must be called on {@code serial}; device completions hop back onto it, so the
 * state needs no locks. Replies and events go to {@code out} in the order they are produced.
 */
final class SessionCore implements DeviceManagerListener {

    /** Newest spec major version this server speaks. */
    static final int NEWEST_MAJOR = 4;

    private static final Logger log = LoggerFactory.getLogger(SessionCore.class);

    private final ServerSettings settings;
    private final DeviceManager manager;
    private final Executor serial;
    private final ScheduledExecutorService timers;
    private final Consumer<List<ServerMessage>> out;
    private final Set<Integer> drivenDevices = new HashSet<>();
    private SessionState state = SessionState.AWAITING_HANDSHAKE;
    private String clientName = "";
    private int clientMajor = -1;
    private boolean scanRequested;
    private ScheduledFuture<?> pingDeadline;
    private long pingGeneration;
    /** A device list send is queued on {@code serial}: later changes ride along with it. */
    private boolean deviceListQueued;
    /** The deadlines of requests the devices have not answered yet: one timer for all. */
    private final OrderedDeadlines<CompletableFuture<ServerMessage>> commandDeadlines;

    SessionCore(ServerSettings settings, DeviceManager manager, Executor serial,
                ScheduledExecutorService timers, Consumer<List<ServerMessage>> out) {
        this(settings, manager, serial, timers, System::nanoTime, out);
    }

    /** @param nanoTime the clock of {@code timers}, for the command deadlines */
    SessionCore(ServerSettings settings, DeviceManager manager, Executor serial,
                ScheduledExecutorService timers, LongSupplier nanoTime, Consumer<List<ServerMessage>> out) {
        this.settings = settings;
        this.manager = manager;
        this.serial = serial;
        this.timers = timers;
        this.out = out;
        this.commandDeadlines = new OrderedDeadlines<>(Math.max(1, TimeUnit.MILLISECONDS.toNanos(settings.commandTimeoutMs())),
                timers, serial, nanoTime, late -> late.completeExceptionally(new java.util.concurrent.TimeoutException()));
    }

    SessionState state() {
        return state;
    }

    String clientName() {
        return clientName;
    }

    /**
     * Runs one client request (one or several v4 commands converted from one wire message) and
     * sends exactly one reply with {@code id}: the single command's reply, else Ok when all
     * succeed, else the first error.
     */
    void request(long id, List<ClientMessage> commands) {
        if (state == SessionState.CLOSED) {
            return;
        }
        CompletableFuture<ServerMessage> reply;
        if (commands.isEmpty()) {
            reply = CompletableFuture.failedFuture(new ButtplugMessageException("Message carries no command"));
        } else if (commands.size() == 1) {
            reply = run(commands.get(0));
        } else if (outputsOfOneDevice(commands)) {
            reply = runOutputs(commands).thenApply(v -> (ServerMessage) new Ok(id));
        } else {
            reply = CompletableFuture.completedFuture(null);
            for (ClientMessage command : commands) {
                reply = reply.thenComposeAsync(previous -> run(command), serial);
            }
            reply = reply.thenApply(last -> new Ok(id));
        }
        if (reply.isDone()) {
            // answered at once (a device list, a ping): sent in this task, so nothing queued since,
            // such as a device list announcing a device added meanwhile, can overtake the older answer
            answer(id, reply);
            return;
        }
        CompletableFuture<ServerMessage> pending = reply;
        // the deadline fails the request on this executor; answered in time, it is only forgotten
        // (no timer task per request: one timer serves every pending request of the session)
        commandDeadlines.add(pending);
        pending.whenComplete((m, e) -> serial.execute(() -> {
            commandDeadlines.remove(pending);
            answer(id, pending);
        }));
    }

    /** Sends the reply of a finished request, unless the session has ended. */
    private void answer(long id, CompletableFuture<ServerMessage> reply) {
        if (state == SessionState.CLOSED) {
            return;
        }
        ServerMessage message;
        try {
            message = reply.join().withId(id);
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            message = toError(id, e);
        }
        out.accept(List.of(message));
    }

    /** Sends an Error answering {@code id} (a message the codec could not decode). */
    void reject(long id, ButtplugException error) {
        if (state != SessionState.CLOSED) {
            out.accept(List.of(error.toErrorMessage(id)));
        }
    }

    /** The connector closed: stop what this session drove, drop its subscriptions and its scan. */
    void closed() {
        if (state == SessionState.CLOSED) {
            return;
        }
        SessionState was = state;
        state = SessionState.CLOSED;
        cancelPingDeadline();
        commandDeadlines.close();
        manager.removeListener(this);
        if (was == SessionState.CONNECTED) {
            releaseDevices(false);
        }
        log.info("session of client '{}' closed", clientName);
    }

    private CompletableFuture<ServerMessage> run(ClientMessage message) {
        try {
            return dispatch(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether every command is an output of one device: the parts of one multi-feature message. */
    private static boolean outputsOfOneDevice(List<ClientMessage> commands) {
        int device = -1;
        for (ClientMessage c : commands) {
            if (!(c instanceof OutputCmd cmd) || (device >= 0 && cmd.deviceIndex() != device)) {
                return false;
            }
            device = cmd.deviceIndex();
        }
        return true;
    }

    /**
     * The outputs of one multi-feature message, checked all before any is set, then handed to the
     * device as one command, so the device can write them in one frame whatever the timing.
     */
    private CompletableFuture<Void> runOutputs(List<ClientMessage> commands) {
        try {
            OutputCmd first = (OutputCmd) commands.get(0);
            requireConnected(first);
            ManagedDevice device = device(first.deviceIndex());
            List<FeatureOutput> outputs = new ArrayList<>(commands.size());
            for (ClientMessage c : commands) {
                OutputCmd cmd = (OutputCmd) c;
                CommandValidator.checkOutput(device.info(), cmd);
                outputs.add(new FeatureOutput(cmd.featureIndex(), cmd.command()));
            }
            drivenDevices.add(first.deviceIndex());
            return device.outputs(outputs);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void requireConnected(ClientMessage message) {
        switch (state) {
            case AWAITING_HANDSHAKE -> throw new ButtplugHandshakeException(
                    "RequestServerInfo expected as the first message, got " + message.messageName());
            case PINGED_OUT -> throw new ButtplugPingException("Pinged out: the client missed its ping");
            case CLOSED -> throw new ButtplugHandshakeException("Session is closed");
            case CONNECTED -> {
            }
        }
    }

    private CompletableFuture<ServerMessage> dispatch(ClientMessage message) {
        if (message instanceof RequestServerInfo rsi) {
            return handshake(rsi);
        }
        requireConnected(message);
        if (message instanceof Ping ping) {
            return ping(ping);
        } else if (message instanceof StartScanning) {
            scanRequested = true;
            return manager.startScanning().thenApply(v -> ok());
        } else if (message instanceof StopScanning) {
            scanRequested = false;
            return manager.stopScanning().thenApply(v -> ok());
        } else if (message instanceof RequestDeviceList) {
            return CompletableFuture.completedFuture(manager.deviceList(0));
        } else if (message instanceof OutputCmd cmd) {
            return output(cmd);
        } else if (message instanceof InputCmd cmd) {
            return input(cmd);
        } else if (message instanceof StopCmd cmd) {
            return stop(cmd);
        }
        throw new ButtplugMessageException("Unexpected message " + message.messageName());
    }

    private CompletableFuture<ServerMessage> handshake(RequestServerInfo rsi) {
        switch (state) {
            case CONNECTED -> throw new ButtplugHandshakeException("Handshake already happened");
            case PINGED_OUT, CLOSED -> throw new ButtplugHandshakeException(
                    "Reconnect denied: a session is single-use, open a new connection");
            case AWAITING_HANDSHAKE -> {
            }
        }
        if (rsi.protocolVersionMajor() > NEWEST_MAJOR) {
            throw new ButtplugHandshakeException("Client speaks spec v" + rsi.protocolVersionMajor()
                    + ", newer than this server's v" + NEWEST_MAJOR);
        }
        clientName = PeerText.name(rsi.clientName());
        clientMajor = rsi.protocolVersionMajor();
        state = SessionState.CONNECTED;
        manager.addListener(this);
        armPingDeadline();
        log.info("client '{}' connected, spec v{}", clientName, clientMajor);
        int replyMajor = Math.min(clientMajor, NEWEST_MAJOR);
        return CompletableFuture.completedFuture(
                new ServerInfo(rsi.id(), settings.name(), replyMajor, 0, settings.maxPingTimeMs()));
    }

    /** With MaxPingTime 0 we answer Ok, as the prose spec says (the reference answers ERROR_PING). */
    private CompletableFuture<ServerMessage> ping(Ping ping) {
        armPingDeadline();
        return CompletableFuture.completedFuture(ok());
    }

    private CompletableFuture<ServerMessage> output(OutputCmd cmd) {
        ManagedDevice device = device(cmd.deviceIndex());
        CommandValidator.checkOutput(device.info(), cmd);
        drivenDevices.add(cmd.deviceIndex());
        return device.output(cmd.featureIndex(), cmd.command()).thenApply(v -> ok());
    }

    private CompletableFuture<ServerMessage> input(InputCmd cmd) {
        ManagedDevice device = device(cmd.deviceIndex());
        CommandValidator.checkInput(device.info(), cmd);
        InputKey key = new InputKey(cmd.featureIndex(), cmd.type());
        if (cmd.command() == InputCommandType.READ) {
            return device.read(cmd.featureIndex(), cmd.type()).thenApply(value ->
                    new InputReading(cmd.id(), cmd.deviceIndex(), cmd.featureIndex(), cmd.type(), value));
        } else if (cmd.command() == InputCommandType.SUBSCRIBE) {
            int deviceIndex = cmd.deviceIndex();
            return device.subscribe(this, key, value -> serial.execute(() -> {
                if (state == SessionState.CONNECTED) {
                    out.accept(List.of(new InputReading(0, deviceIndex, key.featureIndex(), key.type(), value)));
                }
            })).thenApply(v -> ok());
        }
        return device.unsubscribe(this, key).thenApply(v -> ok());
    }

    private CompletableFuture<ServerMessage> stop(StopCmd cmd) {
        List<ManagedDevice> targets;
        int feature = -1;
        if (cmd.deviceIndex().isPresent()) {
            ManagedDevice device = device(cmd.deviceIndex().getAsInt());
            if (cmd.featureIndex().isPresent()) {
                feature = CommandValidator.feature(device.info(), cmd.featureIndex().getAsInt()).featureIndex();
            }
            targets = List.of(device);
        } else {
            targets = manager.devices();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ManagedDevice device : targets) {
            if (cmd.outputs()) {
                stops.add(feature < 0 ? device.stop() : device.stopFeature(feature));
            }
            if (cmd.inputs()) {
                stops.add(device.unsubscribeAll(this, feature));
            }
        }
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).thenApply(v -> ok());
    }

    private ManagedDevice device(int index) {
        return manager.device(index).orElseThrow(() ->
                new ButtplugDeviceException("Device " + index + " is not available"));
    }

    /** A proof of life from outside Buttplug: as a Ping while connected, else nothing. */
    void keepAlive() {
        if (state == SessionState.CONNECTED) {
            armPingDeadline();
        }
    }

    private void armPingDeadline() {
        cancelPingDeadline();
        long max = settings.maxPingTimeMs();
        if (max <= 0 || state != SessionState.CONNECTED) {
            return;
        }
        long generation = ++pingGeneration;
        pingDeadline = timers.schedule(() -> serial.execute(() -> pingExpired(generation)), max, TimeUnit.MILLISECONDS);
    }

    private void cancelPingDeadline() {
        pingGeneration++;
        if (pingDeadline != null) {
            pingDeadline.cancel(false);
            pingDeadline = null;
        }
    }

    private void pingExpired(long generation) {
        if (generation != pingGeneration || state != SessionState.CONNECTED) {
            return;
        }
        state = SessionState.PINGED_OUT;
        log.warn("client '{}' pinged out after {} ms: stopping all devices", clientName, settings.maxPingTimeMs());
        releaseDevices(true);
        out.accept(List.of(new ErrorMessage(0, ErrorCode.PING, "Pinged out: no Ping within "
                + settings.maxPingTimeMs() + " ms")));
    }

    /** Stops outputs (all devices after a ping-out, else those this session drove), subscriptions and the scan. */
    private void releaseDevices(boolean allDevices) {
        if (allDevices) {
            manager.stopAllDevices();
        } else {
            for (Integer index : drivenDevices) {
                manager.device(index).ifPresent(ManagedDevice::stop);
            }
        }
        drivenDevices.clear();
        manager.devices().forEach(d -> d.unsubscribeAll(this, -1));
        if (scanRequested) {
            scanRequested = false;
            manager.stopScanning();
        }
    }

    @Override
    public void deviceAdded(DeviceInfo device) {
        queueDeviceList();
    }

    @Override
    public void deviceRemoved(DeviceInfo device) {
        serial.execute(() -> drivenDevices.remove(device.deviceIndex()));
        queueDeviceList();
    }

    /**
     * Coalesces device changes: one list goes out for however many changes happen before it is
     * sent, so n changes cost one list, not n lists of growing size.
     */
    private void queueDeviceList() {
        synchronized (this) {
            if (deviceListQueued) {
                return;
            }
            deviceListQueued = true;
        }
        serial.execute(() -> {
            synchronized (this) {
                deviceListQueued = false;
            }
            sendDeviceList();
        });
    }

    @Override
    public void scanningFinished() {
        serial.execute(() -> {
            if (state == SessionState.CONNECTED && scanRequested) {
                scanRequested = false;
                out.accept(List.of(new ScanningFinished(0)));
            }
        });
    }

    private void sendDeviceList() {
        if (state == SessionState.CONNECTED) {
            out.accept(List.of(manager.deviceList(0)));
        }
    }

    private static Ok ok() {
        return new Ok(1);
    }

    private static ErrorMessage toError(long id, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ButtplugException buttplug) {
            return buttplug.toErrorMessage(id);
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return new ErrorMessage(id, ErrorCode.DEVICE, "The device did not answer in time");
        }
        log.warn("request {} failed unexpectedly", id, cause);
        return new ErrorMessage(id, ErrorCode.UNKNOWN, String.valueOf(cause.getMessage()));
    }
}
