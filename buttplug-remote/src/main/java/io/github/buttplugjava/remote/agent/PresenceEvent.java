package io.github.buttplugjava.remote.agent;

import java.util.List;
import java.util.Objects;

/**
 * A change in who is in the room an agent shares into, told to its {@link PresenceListener}. The
 * hub sends the whole picture, coalesced (at most one update per 200 ms or so), and the agent turns
 * each update into events in this order: controllers that joined, devices whose drivers changed,
 * controllers that left. A controller that joins and leaves between two updates is not seen. Each
 * event carries the picture as it is after it. Immutable.
 */
public sealed interface PresenceEvent {

    /**
     * The room as known after this event.
     *
     * @return the picture after this event ({@link Presence#NOBODY} when it is not known)
     */
    Presence presence();

    /**
     * A controller connected to the room.
     *
     * @param controller its display name (as the room owner named it, cleaned)
     * @param presence   the picture after this event
     */
    record ControllerJoined(String controller, Presence presence) implements PresenceEvent {
        /**
         * Checks the values.
         *
         * @param controller its display name
         * @param presence the picture after this event
         * @throws NullPointerException when an argument is null
         */
        public ControllerJoined {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /**
     * A controller's connection ended; the outputs it set have been stopped by the hub.
     *
     * @param controller its display name
     * @param presence   the picture after this event
     */
    record ControllerLeft(String controller, Presence presence) implements PresenceEvent {
        /**
         * Checks the values.
         *
         * @param controller its display name
         * @param presence the picture after this event
         * @throws NullPointerException when an argument is null
         */
        public ControllerLeft {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /**
     * Who drives one of the agent's devices changed.
     *
     * @param device      the device's local identifier (as in {@link GrantFilter#localDevices()})
     * @param deviceName  the device's local name, cleaned
     * @param controllers the controllers driving it now; empty when nobody does
     * @param presence    the picture after this event
     */
    record DriversChanged(String device, String deviceName, List<String> controllers, Presence presence)
            implements PresenceEvent {
        /**
         * Checks and copies the values.
         *
         * @param device the device's local identifier
         * @param deviceName the device's local name
         * @param controllers the controllers driving it now
         * @param presence the picture after this event
         * @throws NullPointerException when an argument is null
         */
        public DriversChanged {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(deviceName, "deviceName");
            controllers = List.copyOf(controllers);
            Objects.requireNonNull(presence, "presence");
        }
    }

    /**
     * The agent does not know who is in the room: the link to the hub ended, or the hub does not
     * tell presence (a hub older than this agent). The picture is {@link Presence#NOBODY} until
     * the hub tells it again, and then the controllers present are told as joined.
     *
     * @param why    why, for programs
     * @param reason why, in words for the agent's owner
     */
    record Unavailable(Why why, String reason) implements PresenceEvent {

        /** Why presence is not known. */
        public enum Why {
            /** The link to the hub ended; the next link tells presence again. */
            NOT_LINKED,
            /** The hub does not tell presence: it is older than this agent. */
            HUB_DOES_NOT_TELL
        }

        /**
         * Checks the values.
         *
         * @param why why, for programs
         * @param reason why, in words
         * @throws NullPointerException when an argument is null
         */
        public Unavailable {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * Nothing is known.
         *
         * @return {@link Presence#NOBODY}
         */
        @Override
        public Presence presence() {
            return Presence.NOBODY;
        }
    }
}
