package io.github.buttplugjava.core.server;

/** What a server tells its clients: its name and MaxPingTime (ms, 0 = no ping required). */
record ServerSettings(String name, long maxPingTimeMs) {
}
