package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.examples.console.Console;
import io.github.buttplugjava.remote.agent.Presence;
import io.github.buttplugjava.remote.agent.PresenceEvent;
import io.github.buttplugjava.remote.agent.PresenceListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What {@code buttplug share} says about who is in the room: a console line when a controller joins
 * or leaves and when who drives one of the toys changes, and the answer of its {@code who}
 * command. Toys are named by their number in {@code list}.
 */
final class SharePresence implements PresenceListener {

    private final CompletableFuture<Console> console;
    private final LinkGatedSource toys;
    private final Supplier<String> now;
    private volatile Supplier<Optional<Presence>> known = Optional::empty;
    private volatile String unknownBecause;

    /**
     * A narrator whose {@code who} knows nothing until {@link #readFrom} is called.
     *
     * @param console  where lines go, once it is there
     * @param toys     the local toys and their numbers
     * @param now      the local time, as lines start with it
     * @param unknownBecause why nothing is known until the hub tells (e.g. "not linked to the hub yet")
     */
    SharePresence(CompletableFuture<Console> console, LinkGatedSource toys, Supplier<String> now, String unknownBecause) {
        this.console = console;
        this.toys = toys;
        this.now = now;
        this.unknownBecause = unknownBecause;
    }

    /** Where {@code who} reads the picture: the agent's latest ({@code RemoteClient::presence}). */
    void readFrom(Supplier<Optional<Presence>> presence) {
        this.known = presence;
    }

    @Override
    public void presence(PresenceEvent event) {
        if (event instanceof PresenceEvent.Unavailable u) {
            unknownBecause = u.reason();
            if (u.why() == PresenceEvent.Unavailable.Why.HUB_DOES_NOT_TELL) {
                say("The hub does not tell who is in the room (it is older than this program); 'who' cannot answer.");
            }
            return;
        }
        int count = event.presence().controllers().size();
        if (event instanceof PresenceEvent.ControllerJoined j) {
            say("controller '" + j.controller() + "' joined the room (" + count + " there now)");
        } else if (event instanceof PresenceEvent.ControllerLeft l) {
            say("controller '" + l.controller() + "' left the room; what it set was stopped (" + count + " there now)");
        } else if (event instanceof PresenceEvent.DriversChanged d) {
            say(toyName(d.device(), d.deviceName()) + ": " + drivenBy(d.controllers()));
        }
    }

    /** The lines of the {@code who} command. */
    List<String> who() {
        Optional<Presence> picture = known.get();
        if (picture.isEmpty()) {
            return List.of("who is in the room is not known: " + unknownBecause);
        }
        Presence p = picture.get();
        List<String> out = new ArrayList<>();
        out.add(p.controllers().isEmpty() ? "no controller in the room"
                : p.controllers().size() + " controller(s) in the room: " + String.join(", ", quoted(p.controllers())));
        for (LinkGatedSource.Toy t : toys.toys()) {
            out.add(String.format("%3d  %s  %s", t.number(), PeerText.name(t.device().name()),
                    drivenBy(p.driversOf(t.device().identifier()))));
        }
        return out;
    }

    private String toyName(String identifier, String name) {
        for (LinkGatedSource.Toy t : toys.toys()) {
            if (t.device().identifier().equals(identifier)) {
                return "toy " + t.number() + " " + name;
            }
        }
        return "toy " + name;
    }

    private static String drivenBy(List<String> controllers) {
        return controllers.isEmpty() ? "nobody drives it" : "driven by " + String.join(", ", quoted(controllers));
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    private void say(String line) {
        console.thenAccept(c -> c.print(now.get() + " " + line));
    }
}
