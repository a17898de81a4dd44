package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.examples.console.CommandArgs;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.examples.console.ConsoleCommand;
import io.github.buttplugjava.examples.console.ConsoleInputError;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.GrantFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The commands of {@code buttplug share} while it runs: list the local toys with what each shares,
 * and pause, resume, revoke or share again one toy (by its number in {@code list} or its name) or
 * every toy; {@code stop} stops every toy, {@code panic} unshares every toy; {@code who} says which
 * controllers are in the room and who drives each toy.
 */
final class ShareConsole {

    private static final long WAIT_S = 5;

    private final GrantFilter grants;
    private final LinkGatedSource toys;
    private final ToyGrants chosen;
    private final Supplier<List<String>> who;

    ShareConsole(GrantFilter grants, LinkGatedSource toys, ToyGrants chosen, Supplier<List<String>> who) {
        this.who = who;
        this.grants = grants;
        this.toys = toys;
        this.chosen = chosen;
    }

    CommandTable table() {
        ConsoleCommand.Completion toy = position -> position == 0 ? toyWords() : List.of();
        List<ConsoleCommand> c = new ArrayList<>();
        c.add(new ConsoleCommand("list", "", "your toys: number, name, and what each shares", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> list()));
        c.add(new ConsoleCommand("who", "", "the controllers in the room, and who drives each of your toys", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> who.get()));
        c.add(perToy("pause", "[TOY]", "stop a toy and hide it from the controller (every toy without TOY)", toy,
                (id, g) -> grants.pause(id, true), "paused: stopped and hidden"));
        c.add(perToy("resume", "[TOY]", "share a paused toy again", toy, (id, g) -> grants.pause(id, false), "resumed"));
        c.add(perToy("revoke", "[TOY]", "stop a toy and stop sharing it until 'share'", toy, (id, g) -> grants.revoke(id),
                "revoked: stopped and unshared"));
        c.add(perToy("share", "[TOY]", "share a toy again under its grant from the command line", toy,
                (id, g) -> g == null ? CompletableFuture.completedFuture(null) : grants.share(id, g), "shared"));
        c.add(new ConsoleCommand("stop", "", "stop every toy now (they stay shared)", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> {
                    grants.stopAll().get(WAIT_S, TimeUnit.SECONDS);
                    return List.of("every toy stopped");
                }));
        c.add(new ConsoleCommand("panic", "", "stop every toy and stop sharing all of them", List.of(), 0, 0,
                ConsoleCommand.Completion.NONE, args -> {
                    grants.revokeAll().get(WAIT_S, TimeUnit.SECONDS);
                    return List.of("every toy stopped and unshared; 'share' shares them again");
                }));
        return new CommandTable("share", c);
    }

    private ConsoleCommand perToy(String name, String arguments, String summary, ConsoleCommand.Completion toy,
                                  BiFunction<String, DeviceGrant, CompletableFuture<Void>> action, String done) {
        return new ConsoleCommand(name, arguments, summary, List.of("TOY is a number from 'list' or a toy's name."), 0, 1, toy,
                args -> {
                    List<LinkGatedSource.Toy> which = args.has(0) ? List.of(toy(args)) : toys.toys();
                    if (which.isEmpty()) {
                        return List.of("no toys yet");
                    }
                    List<String> out = new ArrayList<>();
                    for (LinkGatedSource.Toy t : which) {
                        Optional<DeviceGrant> grant = chosen.grantFor(t.number(), t.device().name());
                        if (name.equals("share") && grant.isEmpty()) {
                            out.add(t.number() + " " + PeerText.name(t.device().name()) + ": not chosen on the command line; not shared");
                            continue;
                        }
                        action.apply(t.device().identifier(), grant.orElse(null)).get(WAIT_S, TimeUnit.SECONDS);
                        out.add(t.number() + " " + PeerText.name(t.device().name()) + ": " + done);
                    }
                    return out;
                });
    }

    private List<String> list() {
        List<LinkGatedSource.Toy> all = toys.toys();
        if (all.isEmpty()) {
            return List.of("no toys yet (they are looked for once the hub has let this agent in)");
        }
        List<String> shared = grants.sharedIdentifiers();
        List<String> out = new ArrayList<>();
        for (LinkGatedSource.Toy t : all) {
            String id = t.device().identifier();
            Optional<DeviceGrant> g = grants.grantOf(id);
            String state;
            if (g.isEmpty() || g.get().outputs().isEmpty() && g.get().inputs().isEmpty()) {
                state = "not shared";
            } else if (g.get().paused()) {
                state = "paused";
            } else {
                state = (shared.contains(id) ? "shared: " : "not shared yet: ") + GrantOptions.describe(g.get());
            }
            out.add(String.format("%3d  %s  %s", t.number(), PeerText.name(t.device().name()), state));
        }
        return out;
    }

    private LinkGatedSource.Toy toy(CommandArgs args) throws ConsoleInputError {
        String word = args.word(0);
        List<LinkGatedSource.Toy> all = toys.toys();
        for (LinkGatedSource.Toy t : all) {
            if (Integer.toString(t.number()).equals(word)) {
                return t;
            }
        }
        LinkGatedSource.Toy found = null;
        for (LinkGatedSource.Toy t : all) {
            if (t.device().name().equalsIgnoreCase(word)) {
                if (found != null) {
                    throw new ConsoleInputError("two toys are called '" + word + "': use the number from 'list'");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new ConsoleInputError("no toy '" + word + "'; 'list' shows them");
        }
        return found;
    }

    private List<String> toyWords() {
        List<String> words = new ArrayList<>();
        toys.toys().forEach(t -> words.add(Integer.toString(t.number())));
        toys.toys().forEach(t -> words.add(PeerText.name(t.device().name())));
        return words;
    }
}
