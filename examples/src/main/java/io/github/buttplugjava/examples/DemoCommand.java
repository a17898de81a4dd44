package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.hub.RoomController;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code buttplug demo}: remote sharing end to end, in one process on 127.0.0.1: a hub, Alice and
 * Bob sharing simulated toys under different grants, and a controller that finds and drives them
 * over a real WebSocket, joined for a while by a second controller with a ceiling of its own. It narrates what the controller sends and what each toy receives, shows a
 * limit holding, a revoked grant, a second controller whose leaving stops only what it set, and a
 * controller crash stopping the toys, checks each outcome on
 * the toys themselves, and exits 0 only when every check held.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Watch remote sharing work: a hub, two sharers and two controllers, in one process.",
                "Everything on 127.0.0.1 with simulated toys and different limits. Narrates every step;",
                "exits 0 when every check holds."})
public final class DemoCommand implements Callable<Integer> {

    private static final String ALICE_TOY = "Alice - Lovense Hush";
    private static final String BOB_TOY = "Bob - Lovense Edge";
    private static final long WAIT_S = 5;

    private final PrintStream out = System.out;
    private final BlockingQueue<String> controllerEvents = new LinkedBlockingQueue<>();
    private long start;
    private int failures;

    @Override
    public Integer call() {
        // keep the library's own info logs out of the narration (warnings still show)
        System.setProperty("org.slf4j.simpleLogger.log.io.github.buttplugjava", "warn");
        start = System.nanoTime();
        try {
            run();
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            out.println();
            out.println("demo failed: " + cause);
            return 1;
        }
        out.println();
        if (failures > 0) {
            out.println("demo: " + failures + " check(s) failed");
            return 1;
        }
        out.println("Every check held. That was remote sharing: see docs/REMOTE.md to run the hub, share and control yourself.");
        return 0;
    }

    private void run() throws Exception {
        out.println("Remote sharing demo: one hub, two people sharing simulated toys, two controllers.");
        out.println("Everything runs in this process over real WebSockets on 127.0.0.1.");
        scene("Setting up");
        RemoteServer hub = RemoteServer.builder().build();
        Room room = hub.addRoom("demo");
        hub.start();
        try {
            say("hub", "listening on " + hub.shareUri().resolve("/") + " (a random port on loopback)");
            say("hub", "share URL " + hub.shareUri() + ", control URL " + hub.shareUri().resolve("/control/")
                    + "<secret control token>");

            SimulatedDevices aliceToys = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
            SimulatedDevice aliceToy = aliceToys.devices().get(0);
            DeviceGrant aliceGrant = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5))
                    .withInput(InputType.BATTERY);
            RemoteClient alice = agent(hub, room, "Alice", aliceToys, aliceGrant, "Alice's toy");
            say("Alice", "shares her Lovense Hush: " + GrantOptions.describe(aliceGrant));

            SimulatedDevices bobToys = SimulatedDevices.builder().add("edge").presentAtStart(true).build();
            SimulatedDevice bobToy = bobToys.devices().get(0);
            DeviceGrant bobGrant = DeviceGrant.none().withOutput(OutputType.VIBRATE,
                    new OutputGrant(0.8, Duration.ofMillis(500)));
            RemoteClient bob = agent(hub, room, "Bob", bobToys, bobGrant, "Bob's toy");
            say("Bob", "shares his Lovense Edge: " + GrantOptions.describe(bobGrant));
            awaitRoomSize(room, 2);

            DroppableLink socket = new DroppableLink(hub.controlUri(room));
            ButtplugClient controller = ButtplugClient.builder("demo controller").build();
            AtomicBoolean crashed = new AtomicBoolean();
            AtomicBoolean aliceStoppedFirst = new AtomicBoolean();
            controller.addListener(new ButtplugClientListener() {
                @Override
                public void deviceRemoved(ButtplugClientDevice device) {
                    if (crashed.get()) {
                        return;
                    }
                    if (device.name().equals(ALICE_TOY)) {
                        aliceStoppedFirst.set(aliceToy.outputValue(0, OutputType.VIBRATE) == 0);
                    }
                    say("controller", "sees '" + device.name() + "' leave its device list");
                    controllerEvents.add("removed " + device.name());
                }
            });
            controller.connect(socket).get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "connects to the control URL like any Buttplug app, and finds:");
            for (ButtplugClientDevice d : controller.devices()) {
                StringBuilder ranges = new StringBuilder();
                d.features().forEach(f -> f.outputs().forEach((t, l) -> ranges.append(" ").append(t.wireName())
                        .append(" ").append(l.value().min()).append("..").append(l.value().max())));
                d.features().forEach(f -> f.inputs().keySet().forEach(t -> ranges.append(" ").append(t.wireName())));
                say("", "  device " + d.index() + ": " + d.name() + " \u2014" + ranges);
            }
            say("", "  (both toys really have 0..20 per motor: each range is shrunk to what its owner granted)");
            ButtplugClientDevice a = device(controller, ALICE_TOY);
            ButtplugClientDevice b = device(controller, BOB_TOY);

            scene("1. The controller asks for full power");
            say("controller", "\u2192 " + a.name() + ": vibrate 100 %");
            a.vibrate(1.0).get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "\u2190 Ok");
            say("controller", "\u2192 " + b.name() + ": vibrate 100 %");
            b.vibrate(1.0).get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "\u2190 Ok");
            check(aliceToy.outputValue(0, OutputType.VIBRATE) == 10, "Alice's toy runs at 10 of 20: her 50 % limit");
            check(bobToy.outputValue(0, OutputType.VIBRATE) == 16 && bobToy.outputValue(1, OutputType.VIBRATE) == 16,
                    "Bob's toy runs at 16 of 20 on both motors: his 80 % limit");

            scene("2. Limits hold, whatever the controller sends");
            say("controller", "\u2192 " + b.name() + ": vibrate 50 %, 25 %, 75 % in a row (Bob allows one command per 500 ms)");
            CompletableFuture.allOf(b.vibrate(0.5), b.vibrate(0.25), b.vibrate(0.75)).get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "\u2190 Ok, Ok, Ok");
            say("", "   (Bob's own share agent holds what comes too soon and sends only the latest, 500 ms after the last write)");
            check(bobToy.outputValue(0, OutputType.VIBRATE) == 12, "Bob's toy runs at 12 of 20: 75 % of his 80 %");
            check(shortestGapMs(bobToy, 0) >= 500, "Bob's toy never got two commands closer than 500 ms");
            say("controller", "\u2192 " + a.name() + ": OutputCmd Vibrate 20, above the 0..10 it was shown (a buggy or hostile app)");
            refused(controller.request(new OutputCmd(1, a.index(), 0, OutputCommand.of(OutputType.VIBRATE, 20))));
            say("", "   (refused by the hub; Alice's agent checks every command again, so even a compromised hub could not)");
            say("controller", "\u2192 " + a.name() + ": read battery (Alice allows it)");
            int battery = a.battery().get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "\u2190 battery " + battery + " %");
            say("controller", "   " + b.name() + " shows no battery at all: Bob did not share it");
            check(!b.hasInput(InputType.BATTERY), "Bob's battery is not visible to the controller");
            check(aliceToy.outputValue(0, OutputType.VIBRATE) == 10 && maxSeen(aliceToy, 0) <= 10,
                    "Alice's toy never went above 10 of 20");
            check(maxSeen(bobToy, 0) <= 16, "Bob's toy never went above 16 of 20");

            scene("3. Alice takes her toy back");
            say("Alice", "revokes her grant (works even with no network)");
            alice.grants().revokeAll().get(WAIT_S, TimeUnit.SECONDS);
            String left = controllerEvents.poll(WAIT_S, TimeUnit.SECONDS);
            check(ALICE_TOY.equals(left == null ? null : left.substring("removed ".length())),
                    "the controller no longer lists Alice's toy");
            check(aliceStoppedFirst.get(), "Alice's toy had already stopped when it left the controller's list");

            scene("4. A second controller joins the room, then leaves");
            RoomController carol = room.addController("Carol", ControllerCeiling.NONE.withMaxLevel(0.5));
            say("hub", "the room owner adds a second controller, Carol, with her own control URL and a 50 % ceiling;"
                    + " the room is 'shared': the latest command wins, per motor");
            ButtplugClient second = ButtplugClient.builder("Carol's app").build();
            second.connect(WebSocketConnector.to(hub.controlUri(carol))).get(WAIT_S, TimeUnit.SECONDS);
            ButtplugClientDevice carolsB = device(second, BOB_TOY);
            int carolMax = carolsB.features().get(1).output(OutputType.VIBRATE).orElseThrow().value().max();
            say("Carol", "connects and sees " + BOB_TOY + " with 0.." + carolMax + " per motor (Bob's 0..16, halved by her ceiling)");
            say("Carol", "\u2192 " + carolsB.name() + ": motor 2 at 100 %");
            carolsB.output(1, OutputCommand.of(OutputType.VIBRATE, carolMax)).get(WAIT_S, TimeUnit.SECONDS);
            say("Carol", "\u2190 Ok");
            check(reached(bobToy, 1, carolMax) && bobToy.outputValue(0, OutputType.VIBRATE) == 12,
                    "Bob's motor 2 runs at Carol's " + carolMax + " of 20, motor 1 still at the first controller's 12");
            say("Carol", "closes her app");
            second.disconnect().get(WAIT_S, TimeUnit.SECONDS);
            check(reached(bobToy, 1, 0) && bobToy.outputValue(0, OutputType.VIBRATE) == 12,
                    "only what Carol set stopped: motor 2 at 0, motor 1 still at the first controller's 12");

            scene("5. The first controller crashes while Bob's toy runs");
            say("controller", "its process dies: the socket is cut without a goodbye");
            long crash = System.nanoTime();
            crashed.set(true);
            socket.drop();
            bobToy.awaitStop(Duration.ofSeconds(2));
            long ms = (System.nanoTime() - crash) / 1_000_000;
            check(bobToy.outputValue(0, OutputType.VIBRATE) == 0 && bobToy.outputValue(1, OutputType.VIBRATE) == 0,
                    "the hub stopped Bob's toy " + ms + " ms after the crash (the promise is within 1 s)");
            awaitRoomSize(room, 1);
            check(room.devices().devices().stream().anyMatch(d -> d.deviceName().equals(BOB_TOY)),
                    "Bob's toy stays shared, ready for the next controller");

            scene("Closing");
            bob.close();
            alice.close();
            check(bobToy.outputValue(0, OutputType.VIBRATE) == 0 && aliceToy.outputValue(0, OutputType.VIBRATE) == 0,
                    "every toy is stopped");
        } finally {
            hub.close();
        }
    }

    private RemoteClient agent(RemoteServer hub, Room room, String alias, SimulatedDevices toys, DeviceGrant grant,
                               String toyLabel) throws Exception {
        RemoteClient agent = RemoteClient.builder(hub.shareUri(), room.shareToken().reveal(), alias,
                new NarratedToys(toys, s -> say(toyLabel, s))).build();
        agent.grants().shareAll(grant).get(WAIT_S, TimeUnit.SECONDS);
        agent.start().get(WAIT_S, TimeUnit.SECONDS);
        return agent;
    }

    private void refused(CompletableFuture<?> request) throws Exception {
        try {
            request.get(WAIT_S, TimeUnit.SECONDS);
            say("controller", "\u2190 Ok (unexpected!)");
            failures++;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ButtplugException be)) {
                throw e;
            }
            say("controller", "\u2190 Error (" + be.code() + "): " + be.getMessage());
        }
    }

    /** The shortest time between two output commands the toy received on one feature. */
    /** Whether {@code feature} of {@code toy} reaches {@code value} within a few seconds. */
    private static boolean reached(SimulatedDevice toy, int feature, int value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (toy.outputValue(feature, OutputType.VIBRATE) != value) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // bounded poll-until loop
        }
        return true;
    }

    private static long shortestGapMs(SimulatedDevice toy, int feature) {
        List<RecordedCommand> outputs = toy.commands().stream()
                .filter(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.featureIndex() == feature).toList();
        long shortest = Long.MAX_VALUE;
        for (int i = 1; i < outputs.size(); i++) {
            shortest = Math.min(shortest, Duration.between(outputs.get(i - 1).at(), outputs.get(i).at()).toMillis());
        }
        return shortest;
    }

    private static int maxSeen(SimulatedDevice toy, int feature) {
        return toy.outputs(feature).stream().mapToInt(OutputCommand::value).max().orElse(0);
    }

    private static ButtplugClientDevice device(ButtplugClient client, String name) {
        return client.devices().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the controller does not see " + name));
    }

    private static void awaitRoomSize(Room room, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (room.devices().devices().size() != size) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the room should list " + size + " device(s): " + room.devices());
            }
            new LinkedBlockingQueue<>().poll(10, TimeUnit.MILLISECONDS);
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures++;
        }
        say(ok ? "check \u2713" : "check \u2717", what);
    }

    private void scene(String title) {
        out.println();
        out.println("== " + title);
    }

    private synchronized void say(String who, String what) {
        out.printf("%6.2fs  %-12s %s%n", (System.nanoTime() - start) / 1e9, who, what);
    }
}
