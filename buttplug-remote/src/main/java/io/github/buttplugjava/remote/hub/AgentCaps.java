package io.github.buttplugjava.remote.hub;

/**
 * What one agent link may put into a room (docs/LIMITS.md §3). Over any of them the hub aborts the
 * agent link with the reason: its devices leave and its agent stops its toys.
 *
 * @param maxDevices         most devices shared at once over one link
 * @param maxFeatures        most features of one device
 * @param churnPerMinute     devices that may be added per minute after the link's first device list
 * @param churnBurst         devices that may be added at once above that rate
 */
record AgentCaps(int maxDevices, int maxFeatures, int churnPerMinute, int churnBurst) {

    /** 64 devices, 32 features per device, 60 added devices per minute with bursts of 64. */
    static final AgentCaps DEFAULT = new AgentCaps(64, 32, 60, 64);

    AgentCaps {
        if (maxDevices < 1 || maxFeatures < 1 || churnPerMinute < 1 || churnBurst < 1) {
            throw new IllegalArgumentException("agent caps must be positive");
        }
    }
}
