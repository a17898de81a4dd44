package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.Hello;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a cluster room carries, as its owner writes it: the share token, the arbitration
 * policy, the controllers (name, token, ceiling), the invited sharers (alias, token) and the legacy
 * grant of buttplug-js 0.13 forwarders. The cluster stores it with every token as a salted hash
 * ({@link ClusterRooms}).
 *
 * <p>A token may be null: {@link ClusterRooms#create} then makes a random one (returned, shown
 * only then), and {@link ClusterRooms#update} keeps the stored one of the same controller, invite
 * or share token (a new one gets a random token). Immutable; the {@code with...} methods return
 * changed copies.
 *
 * <pre>{@code
 * RoomSetup party = RoomSetup.named("party").withPolicy(RoomPolicy.exclusive(Duration.ofSeconds(10)))
 *         .withController("alice", null, ControllerCeiling.NONE)
 *         .withController("bob", null, ControllerCeiling.NONE.withMaxLevel(0.3))
 *         .withInvite("Carol", null);
 * }</pre>
 *
 * @param name        the room's name: 1..64 of {@code A-Z a-z 0-9 _ -}
 * @param shareToken  the token any sharer presents, or null (see above)
 * @param policy      who drives a device when several controllers want to
 * @param controllers the controllers, the first one first; at most {@value Room#MAX_CONTROLLERS}
 * @param invites     the invited sharers; at most {@value Room#MAX_INVITES}
 * @param legacyGrant what the devices of buttplug-js 0.13 forwarders may do in the room (the owner
 *                    node's hub enforces it: a 0.13 forwarder enforces nothing), or null for the
 *                    legacy grant of the owner node's hub ({@link RemoteServerBuilder#legacyGrant})
 */
public record RoomSetup(String name, AccessToken shareToken, RoomPolicy policy, List<Controller> controllers,
                        List<Invite> invites, DeviceGrant legacyGrant) {

    /**
     * A setup; the lists are copied.
     *
     * @param name        the room's name
     * @param shareToken  the share token, or null
     * @param policy      the policy
     * @param controllers the controllers
     * @param invites     the invites
     * @param legacyGrant the legacy grant, or null
     * @throws IllegalArgumentException when a name or alias repeats, or a list is too long
     */
    public RoomSetup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        controllers = List.copyOf(controllers);
        invites = List.copyOf(invites);
        if (controllers.size() > Room.MAX_CONTROLLERS || invites.size() > Room.MAX_INVITES) {
            throw new IllegalArgumentException("a room has at most " + Room.MAX_CONTROLLERS + " controllers and "
                    + Room.MAX_INVITES + " invites");
        }
        unique(controllers, Controller::name, "controller");
        unique(invites, Invite::alias, "invited alias");
    }

    /**
     * A setup without a legacy grant of its own; the lists are copied.
     *
     * @param name        the room's name
     * @param shareToken  the share token, or null
     * @param policy      the policy
     * @param controllers the controllers
     * @param invites     the invites
     * @throws IllegalArgumentException when a name or alias repeats, or a list is too long
     */
    public RoomSetup(String name, AccessToken shareToken, RoomPolicy policy, List<Controller> controllers,
                     List<Invite> invites) {
        this(name, shareToken, policy, controllers, invites, null);
    }

    private static <T> void unique(List<T> items, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("the " + what + " " + key.apply(item) + " is given twice");
            }
        }
    }

    /**
     * A controller of the room.
     *
     * @param name    its name in the room: 1 to 64 characters, no control characters
     * @param token   its control token, or null
     * @param ceiling what it may do on top of each sharer's grant; an expiry counts from when the
     *                controller is stored
     */
    public record Controller(String name, AccessToken token, ControllerCeiling ceiling) {

        /**
         * A controller.
         *
         * @param name    its name in the room
         * @param token   its token, or null
         * @param ceiling its ceiling
         * @throws IllegalArgumentException when the name is unusable
         */
        public Controller {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ceiling, "ceiling");
            if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a controller name must be 1 to 64 characters, no control characters");
            }
        }
    }

    /**
     * An invited sharer: an agent presenting the token must say hello with exactly this alias.
     *
     * @param alias the alias, as {@link Hello#cleanAlias} leaves it
     * @param token the invite's token, or null
     */
    public record Invite(String alias, AccessToken token) {

        /**
         * An invite.
         *
         * @param alias the alias
         * @param token the token, or null
         * @throws IllegalArgumentException when the alias is not one an agent can say hello with
         */
        public Invite {
            Objects.requireNonNull(alias, "alias");
            if (!Hello.cleanAlias(alias).equals(alias)) {
                throw new IllegalArgumentException("an invited alias must be one an agent can say hello with (try \""
                        + Hello.cleanAlias(alias) + "\")");
            }
        }
    }

    /**
     * An empty setup: no token given, the shared policy, no controllers or invites yet (a room
     * needs at least one controller to be stored).
     *
     * @param name the room's name
     * @return the setup
     */
    public static RoomSetup named(String name) {
        return new RoomSetup(name, null, RoomPolicy.shared(), List.of(), List.of());
    }

    /**
     * This setup with another share token.
     *
     * @param token the token, or null
     * @return the changed copy
     */
    public RoomSetup withShareToken(AccessToken token) {
        return new RoomSetup(name, token, policy, controllers, invites, legacyGrant);
    }

    /**
     * This setup with another policy.
     *
     * @param rule the policy
     * @return the changed copy
     */
    public RoomSetup withPolicy(RoomPolicy rule) {
        return new RoomSetup(name, shareToken, rule, controllers, invites, legacyGrant);
    }

    /**
     * This setup with one more controller, after the others.
     *
     * @param controllerName its name, not yet in the setup
     * @param token          its token, or null
     * @param ceiling        its ceiling
     * @return the changed copy
     * @throws IllegalArgumentException when the name is unusable or taken
     */
    public RoomSetup withController(String controllerName, AccessToken token, ControllerCeiling ceiling) {
        List<Controller> more = new ArrayList<>(controllers);
        more.add(new Controller(controllerName, token, ceiling));
        return new RoomSetup(name, shareToken, policy, more, invites, legacyGrant);
    }

    /**
     * This setup with one more invited sharer.
     *
     * @param alias the alias, not yet invited
     * @param token the invite's token, or null
     * @return the changed copy
     * @throws IllegalArgumentException when the alias is unusable or invited already
     */
    public RoomSetup withInvite(String alias, AccessToken token) {
        List<Invite> more = new ArrayList<>(invites);
        more.add(new Invite(alias, token));
        return new RoomSetup(name, shareToken, policy, controllers, more, legacyGrant);
    }

    /**
     * This setup with another legacy grant: what the devices of buttplug-js 0.13 forwarders may
     * do in the room. Forwarders already linked keep the grant they joined under until they
     * link again, as in a single hub ({@link Room#legacyGrant(DeviceGrant)}).
     *
     * @param grant the grant, or null for the legacy grant of the owner node's hub
     * @return the changed copy
     */
    public RoomSetup withLegacyGrant(DeviceGrant grant) {
        return new RoomSetup(name, shareToken, policy, controllers, invites, grant);
    }

    /**
     * This setup with a random token wherever none is given.
     *
     * @return the changed copy (this one when every token is given)
     */
    public RoomSetup withFreshTokens() {
        return new RoomSetup(name, shareToken == null ? AccessToken.generate() : shareToken, policy,
                controllers.stream().map(c -> c.token() != null ? c
                        : new Controller(c.name(), AccessToken.generate(), c.ceiling())).toList(),
                invites.stream().map(i -> i.token() != null ? i : new Invite(i.alias(), AccessToken.generate())).toList(),
                legacyGrant);
    }
}
