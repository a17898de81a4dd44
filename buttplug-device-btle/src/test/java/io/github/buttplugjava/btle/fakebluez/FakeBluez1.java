package io.github.buttplugjava.btle.fakebluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/** The test-control interface of {@code src/test/python/fake_bluez.py} (see its docstring). */
@DBusInterfaceName("io.github.buttplugjava.test.FakeBluez1")
public interface FakeBluez1 extends DBusInterface {
    String PATH = "/io/github/buttplugjava/test";

    DBusPath AddPeripheral(String kind, String address, String name);

    void AddOnNextScan(String kind, String address, String name);

    void RemovePeripheral(String address);

    void DropConnection(String address);

    List<RecordedWrite> GetWrites(String address);

    void ClearWrites(String address);

    void Notify(String address, String uuid, byte[] data);

    void SetBattery(String address, byte level);

    void Configure(String address, Map<String, Variant<?>> options);

    List<String> ConnectedPeripherals();

    Map<String, Variant<?>> GetDiscoveryFilter();

    void Reset();
}
