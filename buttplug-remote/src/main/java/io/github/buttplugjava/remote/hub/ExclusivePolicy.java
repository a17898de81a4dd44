package io.github.buttplugjava.remote.hub;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ArbitrationPolicy#exclusive(Duration)}: a device is leased to the controller that
 * commands it, renewed by each of its commands, until it is idle for the lease, stops the device
 * or leaves. Holds one entry per held device (a room's devices are bounded). Not thread-safe: the
 * room calls it under its lock.
 */
final class ExclusivePolicy implements ArbitrationPolicy {

    /** The lease when none is given: {@code 10 s}. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    private record Lease(String holder, long lastUseNanos) {
    }

    private final long leaseNanos;
    private final Map<String, Lease> leases = new HashMap<>();

    ExclusivePolicy(Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        this.leaseNanos = lease.toNanos();
    }

    @Override
    public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
        Lease lease = leases.get(deviceId);
        if (lease == null || lease.holder().equals(controller)) {
            leases.put(deviceId, new Lease(controller, nowNanos));
            return Claim.grant();
        }
        long left = leaseNanos - (nowNanos - lease.lastUseNanos());
        if (left > 0) {
            return Claim.refuse(deviceName + " is held by controller \"" + lease.holder() + "\" for "
                    + String.format(Locale.ROOT, "%.1f", left / 1e9) + " s more unless it goes on using it"
                    + " (exclusive room: a device is free after " + leaseNanos / 1_000_000 + " ms idle)");
        }
        leases.put(deviceId, new Lease(controller, nowNanos));
        return Claim.handover(lease.holder());
    }

    @Override
    public void release(String controller, String deviceId) {
        if (deviceId != null) {
            leases.computeIfPresent(deviceId, (id, lease) -> lease.holder().equals(controller) ? null : lease);
        } else {
            leases.values().removeIf(lease -> lease.holder().equals(controller));
        }
    }

    @Override
    public void deviceLeft(String deviceId) {
        leases.remove(deviceId);
    }

    @Override
    public String toString() {
        return "exclusive(" + leaseNanos / 1_000_000 + " ms)";
    }
}
