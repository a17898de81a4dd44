package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.DeviceInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * One session's {@link LegacyDeviceView}s, kept while their device is unchanged, so a legacy command
 * does not rebuild its device's attribute lists. A view is reused only for the very same
 * {@link DeviceInfo} instance it was made from (a device manager hands out one instance per device
 * until it changes); anything else builds a new one. Bounded: past {@link #MAX_VIEWS} devices the
 * cache starts over. Not thread-safe: one session uses it serially.
 */
public final class LegacyViews {
    /** Most views kept: {@value}. */
    static final int MAX_VIEWS = 256;

    /** Most entries of one message's list the streaming path takes (more go the tree path): {@value}. */
    static final int MAX_HOT_ITEMS = 64;

    private final Map<Integer, LegacyDeviceView> views = new HashMap<>();

    /**
     * The legacy view of a device.
     *
     * @param device a device of the session's current list
     * @return its view, the cached one when made from this same instance
     */
    public LegacyDeviceView of(DeviceInfo device) {
        LegacyDeviceView view = views.get(device.deviceIndex());
        if (view != null && view.device() == device) {
            return view;
        }
        if (views.size() >= MAX_VIEWS) {
            views.clear();
        }
        view = LegacyDeviceView.of(device);
        views.put(device.deviceIndex(), view);
        return view;
    }
}
