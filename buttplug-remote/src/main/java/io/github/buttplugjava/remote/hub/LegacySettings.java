package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.remote.agent.DeviceGrant;

/**
 * The hub's settings for buttplug-js 0.13 peers and 0.13-style names, from its
 * {@link RemoteServerBuilder}. Immutable.
 *
 * @param forwarderPath           where 0.13 forwarders dial ({@code /forwarder} by default), or
 *                                null when the hub takes none
 * @param forwarderGrant          what a 0.13 forwarder's devices may do, enforced at the hub
 * @param defaultGrant            whether {@code forwarderGrant} is the built-in default (the hub
 *                                warns about it at start)
 * @param passwordFirstControllers whether {@code /} takes 0.13 sample-app controllers (control
 *                                token as the first frame, answered {@code ok})
 * @param nameSeparator           between an agent's alias and its device's name
 */
record LegacySettings(String forwarderPath, DeviceGrant forwarderGrant, boolean defaultGrant,
                      boolean passwordFirstControllers, String nameSeparator) {

    /** The path of 0.13 sample-app controllers. */
    static final String PASSWORD_FIRST_PATH = "/";
}
