package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.BleException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One D-Bus connection to BlueZ: the chosen adapter, a cache of BlueZ's object tree kept current by
 * its signals, and typed proxies. Its methods block (D-Bus round trips): callers run them on the
 * adapter's I/O executor.
 */
final class BluezSession implements AutoCloseable {
    static final String BLUEZ = "org.bluez";
    /** Every BlueZ object lives below this path; signals about other paths come from other services. */
    static final String BLUEZ_ROOT = "/org/bluez";
    static final String ADAPTER = "org.bluez.Adapter1";
    static final String DEVICE = "org.bluez.Device1";
    static final String GATT_SERVICE = "org.bluez.GattService1";
    static final String GATT_CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    private static final Logger log = LoggerFactory.getLogger(BluezSession.class);

    /** What the session tells its owner, after updating the cache; called on dbus-java's signal threads. */
    interface Events {
        void interfacesAdded(String path, Map<String, Map<String, Variant<?>>> interfaces);

        void interfacesRemoved(String path, List<String> interfaces);

        void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed);
    }

    private final DBusConnection connection;
    private final String busAddress;
    private final String adapterPath;
    private final Map<String, Map<String, Map<String, Variant<?>>>> objects = new ConcurrentHashMap<>();

    private BluezSession(DBusConnection connection, String busAddress, String adapterPath) {
        this.connection = connection;
        this.busAddress = busAddress;
        this.adapterPath = adapterPath;
    }

    /** Dials the bus, finds the adapter and subscribes to BlueZ's signals. Blocks. */
    static BluezSession open(BluezOptions options, Events events) {
        String address = options.resolvedBusAddress();
        DBusConnection connection;
        try {
            // dbus-java retries a missing socket for 10 s by default; a missing bus should fail fast
            connection = DBusConnectionBuilder.forAddress(address).withShared(false)
                    .transportConfig().withTimeout(2000).back().build();
        } catch (DBusException | RuntimeException e) {
            throw new BleException("cannot connect to the D-Bus system bus at " + address + ": " + e.getMessage()
                    + " (is D-Bus running? set " + BluezOptions.SYSTEM_BUS_ENV + " or BluezOptions.busAddress)", e);
        }
        try {
            BluezSession session = new BluezSession(connection, address, "");
            Map<String, Map<String, Map<String, Variant<?>>>> tree = session.fetchTree();
            String adapterPath = chooseAdapter(tree, options.adapterName(), address);
            BluezSession chosen = new BluezSession(connection, address, adapterPath);
            chosen.subscribe(events);
            chosen.objects.putAll(chosen.fetchTree());
            log.info("BlueZ adapter {} on {}", adapterPath, address);
            return chosen;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw BluezErrors.toBle("cannot use BlueZ on " + address, e);
        }
    }

    private static String chooseAdapter(Map<String, Map<String, Map<String, Variant<?>>>> tree,
                                        Optional<String> wanted, String address) {
        List<String> adapters = tree.entrySet().stream()
                .filter(e -> e.getValue().containsKey(ADAPTER)).map(Map.Entry::getKey).sorted().toList();
        if (adapters.isEmpty()) {
            throw new BleException("no Bluetooth adapter: BlueZ on " + address + " reports none (is one plugged in,"
                    + " and not blocked by rfkill?)");
        }
        if (wanted.isEmpty()) {
            return adapters.get(0);
        }
        return adapters.stream().filter(p -> p.endsWith("/" + wanted.get())).findFirst()
                .orElseThrow(() -> new BleException("no Bluetooth adapter " + wanted.get() + "; BlueZ has " + adapters));
    }

    private void subscribe(Events events) {
        try {
            connection.addSigHandler(ObjectManager.InterfacesAdded.class, s -> {
                String path = s.getSignalSource().getPath();
                if (!path.startsWith(BLUEZ_ROOT)) {
                    return;
                }
                objects.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putAll(copy(s.getInterfaces()));
                events.interfacesAdded(path, s.getInterfaces());
            });
            connection.addSigHandler(ObjectManager.InterfacesRemoved.class, s -> {
                String path = s.getSignalSource().getPath();
                Map<String, Map<String, Variant<?>>> known = objects.get(path);
                if (known != null) {
                    s.getInterfaces().forEach(known::remove);
                    if (known.isEmpty()) {
                        objects.remove(path);
                    }
                }
                events.interfacesRemoved(path, s.getInterfaces());
            });
            connection.addSigHandler(Properties.PropertiesChanged.class, s -> {
                if (!s.getPath().startsWith(BLUEZ_ROOT)) {
                    return; // another service on the system bus
                }
                Map<String, Variant<?>> props = objects.computeIfAbsent(s.getPath(), p -> new ConcurrentHashMap<>())
                        .computeIfAbsent(s.getInterfaceName(), i -> new ConcurrentHashMap<>());
                props.putAll(s.getPropertiesChanged());
                s.getPropertiesRemoved().forEach(props::remove);
                events.propertiesChanged(s.getPath(), s.getInterfaceName(), s.getPropertiesChanged());
            });
        } catch (DBusException e) {
            throw new BleException("cannot subscribe to BlueZ signals: " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Variant<?>>> copy(Map<String, Map<String, Variant<?>>> interfaces) {
        Map<String, Map<String, Variant<?>>> out = new ConcurrentHashMap<>();
        interfaces.forEach((k, v) -> out.put(k, new ConcurrentHashMap<>(v)));
        return out;
    }

    private Map<String, Map<String, Map<String, Variant<?>>>> fetchTree() {
        Map<DBusPath, Map<String, Map<String, Variant<?>>>> raw =
                remote("/", ObjectManager.class).GetManagedObjects();
        Map<String, Map<String, Map<String, Variant<?>>>> out = new TreeMap<>();
        raw.forEach((path, ifaces) -> out.put(path.getPath(), copy(ifaces)));
        return out;
    }

    /** Re-reads BlueZ's whole object tree into the cache. */
    void refresh() {
        Map<String, Map<String, Map<String, Variant<?>>>> tree = fetchTree();
        objects.keySet().retainAll(tree.keySet());
        objects.putAll(tree);
    }

    /** The cached properties of one interface of an object; empty when unknown. */
    Map<String, Variant<?>> properties(String path, String iface) {
        Map<String, Map<String, Variant<?>>> ifaces = objects.get(path);
        Map<String, Variant<?>> props = ifaces == null ? null : ifaces.get(iface);
        return props == null ? Map.of() : Map.copyOf(props);
    }

    /** Paths of cached objects that implement {@code iface} and lie under {@code prefix}. */
    List<String> pathsUnder(String prefix, String iface) {
        return objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix + "/") && e.getValue().containsKey(iface))
                .map(Map.Entry::getKey).sorted().toList();
    }

    <T extends DBusInterface> T remote(String path, Class<T> type) {
        try {
            return connection.getRemoteObject(BLUEZ, path, type);
        } catch (DBusException e) {
            throw new BleException("cannot reach BlueZ object " + path + ": " + e.getMessage(), e);
        }
    }

    void setProperty(String path, String iface, String name, Object value) {
        remote(path, Properties.class).Set(iface, name, value);
    }

    String adapterPath() {
        return adapterPath;
    }

    String busAddress() {
        return busAddress;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(DBusConnection connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the D-Bus connection failed", e);
        }
    }
}
