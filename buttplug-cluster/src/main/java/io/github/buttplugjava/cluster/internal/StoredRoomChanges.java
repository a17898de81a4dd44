package io.github.buttplugjava.cluster.internal;

/**
 * What a node does when a stored room changes: the room it runs is made to match the new record,
 * and a deleted room is closed here (its agents stop their toys) and its lease given back. Called
 * on the rooms watch's thread, which serves every room: nothing here waits for NATS (the lease's
 * delete is handed to the leases' own thread, {@link Leases#releaseSoon}).
 */
public final class StoredRoomChanges implements RoomStore.Changes {

    private final OwnedRooms owned;
    private volatile Leases leases;

    /**
     * Changes applied to {@code owned}.
     *
     * @param owned the rooms run here
     */
    public StoredRoomChanges(OwnedRooms owned) {
        this.owned = owned;
    }

    /**
     * The leases to give back when a room is deleted (set once they are open).
     *
     * @param leases the node's leases
     */
    public void leases(Leases leases) {
        this.leases = leases;
    }

    @Override
    public void stored(RoomRecord record) {
        owned.apply(record);
    }

    @Override
    public void deleted(String name) {
        owned.drop(name);
        Leases l = leases;
        if (l != null) {
            l.releaseSoon(name);
        }
    }
}
