package io.github.buttplugjava.remote.hub;

/** {@link ArbitrationPolicy#shared()}: every claim is granted; the latest command wins per output. */
final class SharedPolicy implements ArbitrationPolicy {

    @Override
    public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
        return Claim.grant();
    }

    @Override
    public void release(String controller, String deviceId) {
        // nothing is held
    }

    @Override
    public String toString() {
        return "shared";
    }
}
