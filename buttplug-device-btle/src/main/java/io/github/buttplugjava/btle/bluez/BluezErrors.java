package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.BleException;

import java.util.concurrent.CompletionException;

/** Turns what dbus-java throws into a {@link BleException} that says what went wrong in BLE terms. */
final class BluezErrors {
    private BluezErrors() {
    }

    static BleException toBle(String action, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof BleException ble) {
            return ble;
        }
        String name = errorName(e);
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (name.endsWith("ServiceUnknown") || name.endsWith("NameHasNoOwner")) {
            return new BleException(action + ": BlueZ is not running (nobody owns org.bluez on the D-Bus system bus;"
                    + " start bluetoothd)", e);
        }
        if (name.endsWith("AccessDenied") || name.endsWith("NotAuthorized")) {
            return new BleException(action + ": permission denied by D-Bus/BlueZ (" + text
                    + "); run as a user allowed to use Bluetooth, e.g. in group 'bluetooth'", e);
        }
        if (name.endsWith("UnknownObject") || name.endsWith("UnknownMethod") || name.endsWith("DoesNotExist")) {
            return new BleException(action + ": the device is gone (" + text + ")", e);
        }
        return new BleException(action + ": " + text, e);
    }

    /**
     * Whether BlueZ answered "operation already in progress". dbus-java 5.1 keeps the error name only
     * for errors it has a class for (the org.freedesktop.DBus ones), so BlueZ's own errors are known
     * by their text.
     */
    static boolean isInProgress(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return errorName(e).endsWith("InProgress") || text.contains("in progress");
    }

    /**
     * The D-Bus error name as far as dbus-java keeps it: standard errors arrive as classes named
     * after them (e.g. {@code org.freedesktop.dbus.errors.ServiceUnknown}); bluez-dbus' declared
     * exceptions are mapped back to {@code org.bluez.Error.*}; anything else is its class name.
     */
    static String errorName(Throwable e) {
        String simple = e.getClass().getSimpleName();
        if (e.getClass().getName().startsWith("org.bluez.exceptions.") && simple.startsWith("Bluez")
                && simple.endsWith("Exception")) {
            return "org.bluez.Error." + simple.substring(5, simple.length() - "Exception".length());
        }
        return e.getClass().getName();
    }
}
