#!/usr/bin/python3
"""A BlueZ-shaped D-Bus service for buttplug-java's BLE backend tests.

It owns the name org.bluez on a (private) bus and exports what bluetoothd would: an ObjectManager at
"/", an adapter hci0 (org.bluez.Adapter1) and peripherals (org.bluez.Device1) whose GATT services and
characteristics (org.bluez.GattService1 / GattCharacteristic1) appear when they are connected.
The peripherals behave like two toys:

  lovense  "LVS-Z36": tx 5a300002-..., rx 5a300003-...; "DeviceType;" -> rx "Z:11:0082059AD3BD;",
           "Battery;" -> rx "<level>;", "Vibrate...;" -> rx "OK;"
  wevibe   "Cougar" (We-Vibe 4 Plus): service f000bb03-..., tx f000c000-..., rx f000b000-... (reading
           rx gives 8 bytes, battery = ((b[3]<<8)+b[2])*100/0xFFFF), and the standard battery
           service 180f / 2a19

A test drives it through io.github.buttplugjava.test.FakeBluez1 at /io/github/buttplugjava/test:
every write is recorded with its characteristic and write type, peripherals can be added (also
"during a scan"), made to drop their connection or to vanish, and notifications can be pushed.

Needs only dbus-python and PyGObject (Debian: python3-dbus, python3-gi) and a dbus-daemon.
Usage: fake_bluez.py [--address ADDR] [--device KIND,ADDRESS[,NAME]]... [--no-adapter] [--exit-on-stdin-eof]
Prints "READY <address>" once it owns org.bluez; stops on SIGTERM/SIGINT, or when its standard input
closes if --exit-on-stdin-eof is given.
"""
import argparse
import os
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

BLUEZ = 'org.bluez'
OBJECT_MANAGER = 'org.freedesktop.DBus.ObjectManager'
PROPERTIES = 'org.freedesktop.DBus.Properties'
ADAPTER = 'org.bluez.Adapter1'
DEVICE = 'org.bluez.Device1'
GATT_SERVICE = 'org.bluez.GattService1'
GATT_CHARACTERISTIC = 'org.bluez.GattCharacteristic1'
CONTROL = 'io.github.buttplugjava.test.FakeBluez1'
CONTROL_PATH = '/io/github/buttplugjava/test'
ADAPTER_PATH = '/org/bluez/hci0'


def bluez_error(name, message):
    return dbus.DBusException(message, name='org.bluez.Error.' + name)


def byte_array(data):
    return dbus.Array([dbus.Byte(b) for b in data], signature='y')


def uuid16(short):
    return '0000%s-0000-1000-8000-00805f9b34fb' % short


class Registry:
    """Every exported object by path, and the ObjectManager signals about them."""

    def __init__(self):
        self.objects = {}
        self.root = None

    def add(self, obj):
        self.objects[obj.path] = obj
        self.root.InterfacesAdded(dbus.ObjectPath(obj.path), obj.all_properties())

    def remove(self, obj):
        if self.objects.pop(obj.path, None) is None:
            return
        self.root.InterfacesRemoved(dbus.ObjectPath(obj.path), dbus.Array(list(obj.props), signature='s'))
        obj.remove_from_connection()


class PropertyObject(dbus.service.Object):
    """An object with org.freedesktop.DBus.Properties over a dict per interface."""

    writable = ()

    def __init__(self, bus, path, props):
        super().__init__(bus, path)
        self.path = path
        self.props = props

    def all_properties(self):
        return dbus.Dictionary({iface: dbus.Dictionary(p, signature='sv') for iface, p in self.props.items()},
                               signature='sa{sv}')

    def set_props(self, iface, changes):
        self.props[iface].update(changes)
        self.PropertiesChanged(iface, dbus.Dictionary(changes, signature='sv'), dbus.Array([], signature='s'))

    @dbus.service.method(PROPERTIES, in_signature='ss', out_signature='v')
    def Get(self, iface, name):
        try:
            return self.props[iface][name]
        except KeyError:
            raise dbus.DBusException('No such property %s.%s' % (iface, name),
                                     name='org.freedesktop.DBus.Error.InvalidArgs')

    @dbus.service.method(PROPERTIES, in_signature='s', out_signature='a{sv}')
    def GetAll(self, iface):
        return dbus.Dictionary(self.props.get(iface, {}), signature='sv')

    @dbus.service.method(PROPERTIES, in_signature='ssv')
    def Set(self, iface, name, value):
        if (iface, name) not in self.writable:
            raise dbus.DBusException('Property %s is read-only' % name,
                                     name='org.freedesktop.DBus.Error.PropertyReadOnly')
        self.set_props(iface, {name: value})

    @dbus.service.signal(PROPERTIES, signature='sa{sv}as')
    def PropertiesChanged(self, iface, changed, invalidated):
        pass


class Root(dbus.service.Object):
    def __init__(self, bus, registry):
        super().__init__(bus, '/')
        self.registry = registry

    @dbus.service.method(OBJECT_MANAGER, out_signature='a{oa{sa{sv}}}')
    def GetManagedObjects(self):
        return dbus.Dictionary({dbus.ObjectPath(p): o.all_properties() for p, o in self.registry.objects.items()},
                               signature='oa{sa{sv}}')

    @dbus.service.signal(OBJECT_MANAGER, signature='oa{sa{sv}}')
    def InterfacesAdded(self, path, interfaces):
        pass

    @dbus.service.signal(OBJECT_MANAGER, signature='oas')
    def InterfacesRemoved(self, path, interfaces):
        pass


class Adapter(PropertyObject):
    writable = ((ADAPTER, 'Powered'), (ADAPTER, 'Alias'))

    def __init__(self, bus, world, powered):
        super().__init__(bus, ADAPTER_PATH, {ADAPTER: {
            'Address': dbus.String('00:11:22:33:44:55'), 'AddressType': dbus.String('public'),
            'Name': dbus.String('fakebluez'), 'Alias': dbus.String('fakebluez'),
            'Class': dbus.UInt32(0), 'Powered': dbus.Boolean(powered),
            'Discoverable': dbus.Boolean(False), 'DiscoverableTimeout': dbus.UInt32(180),
            'Pairable': dbus.Boolean(True), 'PairableTimeout': dbus.UInt32(0),
            'Discovering': dbus.Boolean(False),
            'UUIDs': dbus.Array([uuid16('1800')], signature='s'), 'Modalias': dbus.String('usb:v1D6Bp0246d0540'),
        }})
        self.world = world
        self.discovery_filter = dbus.Dictionary({}, signature='sv')

    @dbus.service.method(ADAPTER)
    def StartDiscovery(self):
        if not self.props[ADAPTER]['Powered']:
            raise bluez_error('NotReady', 'Resource Not Ready')
        self.set_props(ADAPTER, {'Discovering': dbus.Boolean(True)})
        self.world.discovery_started()

    @dbus.service.method(ADAPTER)
    def StopDiscovery(self):
        if not self.props[ADAPTER]['Discovering']:
            raise bluez_error('Failed', 'No discovery started')
        self.set_props(ADAPTER, {'Discovering': dbus.Boolean(False)})

    @dbus.service.method(ADAPTER, in_signature='a{sv}')
    def SetDiscoveryFilter(self, query):
        self.discovery_filter = dbus.Dictionary(query, signature='sv')

    @dbus.service.method(ADAPTER, out_signature='as')
    def GetDiscoveryFilters(self):
        return ['UUIDs', 'RSSI', 'Pathloss', 'Transport', 'DuplicateData', 'Discoverable', 'Pattern']

    @dbus.service.method(ADAPTER, in_signature='o')
    def RemoveDevice(self, path):
        device = self.world.devices_by_path().get(str(path))
        if device is None:
            raise bluez_error('DoesNotExist', 'Does Not Exist')
        self.world.remove_device(device)


class Characteristic(PropertyObject):
    def __init__(self, bus, path, uuid, flags, service, device):
        super().__init__(bus, path, {GATT_CHARACTERISTIC: {
            'UUID': dbus.String(uuid), 'Service': dbus.ObjectPath(service.path),
            'Value': byte_array(b''), 'Notifying': dbus.Boolean(False),
            'Flags': dbus.Array(flags, signature='s'),
        }})
        self.uuid = uuid
        self.flags = flags
        self.device = device

    def check_connected(self):
        if not self.device.connected():
            raise bluez_error('Failed', 'Not connected')

    def notify(self, data):
        self.props[GATT_CHARACTERISTIC]['Value'] = byte_array(data)
        if self.props[GATT_CHARACTERISTIC]['Notifying']:
            self.set_props(GATT_CHARACTERISTIC, {'Value': byte_array(data)})

    @dbus.service.method(GATT_CHARACTERISTIC, in_signature='a{sv}', out_signature='ay')
    def ReadValue(self, options):
        self.check_connected()
        if 'read' not in self.flags:
            raise bluez_error('NotPermitted', 'Read not permitted')
        data = self.device.behaviour.read(self.device, self.uuid)
        if data is None:
            return self.props[GATT_CHARACTERISTIC]['Value']
        return byte_array(data)

    @dbus.service.method(GATT_CHARACTERISTIC, in_signature='aya{sv}')
    def WriteValue(self, value, options):
        self.check_connected()
        write_type = str(options.get('type', ''))
        if write_type == 'command' and 'write-without-response' not in self.flags:
            raise bluez_error('NotSupported', 'Write without response not supported')
        if write_type in ('request', '') and 'write' not in self.flags:
            raise bluez_error('NotPermitted', 'Write not permitted')
        data = bytes(value)
        self.device.writes.append((self.uuid, data, write_type))
        self.device.behaviour.on_write(self.device, self.uuid, data)

    @dbus.service.method(GATT_CHARACTERISTIC)
    def StartNotify(self):
        self.check_connected()
        if 'notify' not in self.flags and 'indicate' not in self.flags:
            raise bluez_error('NotSupported', 'Notify not supported')
        self.set_props(GATT_CHARACTERISTIC, {'Notifying': dbus.Boolean(True)})

    @dbus.service.method(GATT_CHARACTERISTIC)
    def StopNotify(self):
        self.set_props(GATT_CHARACTERISTIC, {'Notifying': dbus.Boolean(False)})


class Service(PropertyObject):
    def __init__(self, bus, path, uuid, device):
        super().__init__(bus, path, {GATT_SERVICE: {
            'UUID': dbus.String(uuid), 'Primary': dbus.Boolean(True),
            'Device': dbus.ObjectPath(device.path), 'Includes': dbus.Array([], signature='o'),
        }})


class Lovense:
    SERVICE = '5a300001-0023-4bd4-bbd5-a6920e4c5653'
    TX = '5a300002-0023-4bd4-bbd5-a6920e4c5653'
    RX = '5a300003-0023-4bd4-bbd5-a6920e4c5653'
    default_name = 'LVS-Z36'
    manufacturer_data = {620: b'\xff\x21'}
    advertised = [SERVICE]
    layout = [(SERVICE, [(TX, ['write', 'write-without-response']), (RX, ['read', 'notify'])])]

    def on_write(self, device, uuid, data):
        if uuid != self.TX:
            return
        if data == b'DeviceType;':
            device.characteristic(self.RX).notify(b'Z:11:0082059AD3BD;')
        elif data == b'Battery;':
            device.characteristic(self.RX).notify(b'%d;' % device.battery)
        elif data.endswith(b';'):
            device.characteristic(self.RX).notify(b'OK;')

    def read(self, device, uuid):
        return None


class WeVibe:
    SERVICE = 'f000bb03-0451-4000-b000-000000000000'
    TX = 'f000c000-0451-4000-b000-000000000000'
    RX = 'f000b000-0451-4000-b000-000000000000'
    BATTERY_SERVICE = uuid16('180f')
    BATTERY_LEVEL = uuid16('2a19')
    default_name = 'Cougar'
    manufacturer_data = {}
    advertised = [SERVICE]
    layout = [(SERVICE, [(TX, ['write', 'write-without-response']), (RX, ['read', 'notify'])]),
              (BATTERY_SERVICE, [(BATTERY_LEVEL, ['read', 'notify'])])]

    def on_write(self, device, uuid, data):
        pass

    def read(self, device, uuid):
        if uuid == self.RX:
            raw = (device.battery * 0xFFFF + 99) // 100
            return bytes([0, 0, raw & 0xFF, raw >> 8, 0, 0, 0, 0])
        if uuid == self.BATTERY_LEVEL:
            return bytes([device.battery])
        return None


KINDS = {'lovense': Lovense(), 'wevibe': WeVibe()}


class Device(PropertyObject):
    def __init__(self, bus, world, kind, address, name):
        self.behaviour = KINDS[kind]
        super().__init__(bus, ADAPTER_PATH + '/dev_' + address.replace(':', '_'), {DEVICE: {
            'Address': dbus.String(address), 'AddressType': dbus.String('random'),
            'Name': dbus.String(name), 'Alias': dbus.String(name),
            'Adapter': dbus.ObjectPath(ADAPTER_PATH), 'Paired': dbus.Boolean(False),
            'Trusted': dbus.Boolean(False), 'Blocked': dbus.Boolean(False), 'LegacyPairing': dbus.Boolean(False),
            'Connected': dbus.Boolean(False), 'ServicesResolved': dbus.Boolean(False),
            'RSSI': dbus.Int16(-60), 'TxPower': dbus.Int16(0),
            'UUIDs': dbus.Array(self.behaviour.advertised, signature='s'),
            'ManufacturerData': dbus.Dictionary(
                {dbus.UInt16(k): byte_array(v) for k, v in self.behaviour.manufacturer_data.items()},
                signature='qv'),
            'ServiceData': dbus.Dictionary({}, signature='sv'),
            'Appearance': dbus.UInt16(0), 'Icon': dbus.String(''), 'Modalias': dbus.String(''),
        }})
        self.bus = bus
        self.world = world
        self.address = address
        self.kind = kind
        self.battery = 85 if kind == 'lovense' else 60
        self.writes = []
        self.gatt = []
        self.resolve_delay_ms = 50
        self.connect_fails = False

    def connected(self):
        return bool(self.props[DEVICE]['Connected'])

    def characteristic(self, uuid):
        return next(o for o in self.gatt if isinstance(o, Characteristic) and o.uuid == uuid)

    def export_gatt(self):
        if self.gatt:
            return
        handle = 0x000a
        for service_uuid, chars in self.behaviour.layout:
            service = Service(self.bus, '%s/service%04x' % (self.path, handle), service_uuid, self)
            self.gatt.append(service)
            self.world.registry.add(service)
            for char_uuid, flags in chars:
                handle += 2
                char = Characteristic(self.bus, '%s/char%04x' % (service.path, handle), char_uuid, flags,
                                      service, self)
                self.gatt.append(char)
                self.world.registry.add(char)
            handle += 0x10

    def resolve(self):
        if self.connected():
            self.set_props(DEVICE, {'ServicesResolved': dbus.Boolean(True)})
        return False

    def drop(self):
        if not self.connected():
            return
        for obj in self.gatt:
            if isinstance(obj, Characteristic) and obj.props[GATT_CHARACTERISTIC]['Notifying']:
                obj.set_props(GATT_CHARACTERISTIC, {'Notifying': dbus.Boolean(False)})
        self.set_props(DEVICE, {'ServicesResolved': dbus.Boolean(False), 'Connected': dbus.Boolean(False)})

    @dbus.service.method(DEVICE)
    def Connect(self):
        if self.connect_fails:
            raise bluez_error('Failed', 'Software caused connection abort')
        if self.connected():
            return
        self.set_props(DEVICE, {'Connected': dbus.Boolean(True)})
        self.export_gatt()
        if self.resolve_delay_ms >= 0:
            GLib.timeout_add(self.resolve_delay_ms, self.resolve)

    @dbus.service.method(DEVICE)
    def Disconnect(self):
        self.drop()

    @dbus.service.method(DEVICE, in_signature='s')
    def ConnectProfile(self, uuid):
        raise bluez_error('NotAvailable', 'Operation currently not available')

    @dbus.service.method(DEVICE, in_signature='s')
    def DisconnectProfile(self, uuid):
        raise bluez_error('NotSupported', 'Operation is not supported')

    @dbus.service.method(DEVICE)
    def Pair(self):
        raise bluez_error('AuthenticationRejected', 'Authentication Rejected')

    @dbus.service.method(DEVICE)
    def CancelPairing(self):
        raise bluez_error('DoesNotExist', 'Does Not Exist')


class World:
    """The adapter, the peripherals, and the peripherals waiting for the next scan."""

    def __init__(self, bus, args):
        self.bus = bus
        self.args = args
        self.registry = Registry()
        self.registry.root = Root(bus, self.registry)
        self.adapter = None
        self.devices = {}
        self.on_discovery = []
        self.reset()

    def reset(self):
        for device in list(self.devices.values()):
            self.remove_device(device)
        self.on_discovery = []
        if self.adapter is None and not self.args.no_adapter:
            self.adapter = Adapter(self.bus, self, True)
            self.registry.add(self.adapter)
        if self.adapter is not None:
            self.adapter.discovery_filter = dbus.Dictionary({}, signature='sv')
            changes = {}
            if not self.adapter.props[ADAPTER]['Powered']:
                changes['Powered'] = dbus.Boolean(True)
            if self.adapter.props[ADAPTER]['Discovering']:
                changes['Discovering'] = dbus.Boolean(False)
            if changes:
                self.adapter.set_props(ADAPTER, changes)
        for spec in self.args.device:
            self.add_device(*parse_device(spec))

    def devices_by_path(self):
        return {d.path: d for d in self.devices.values()}

    def add_device(self, kind, address, name):
        if kind not in KINDS:
            raise dbus.DBusException('unknown kind ' + kind, name='org.freedesktop.DBus.Error.InvalidArgs')
        if address in self.devices:
            raise bluez_error('AlreadyExists', 'Already Exists')
        device = Device(self.bus, self, kind, address, name or KINDS[kind].default_name)
        self.devices[address] = device
        self.registry.add(device)
        return device

    def remove_device(self, device):
        device.drop()
        for obj in reversed(device.gatt):
            self.registry.remove(obj)
        self.registry.remove(device)
        self.devices.pop(device.address, None)

    def device(self, address):
        device = self.devices.get(address)
        if device is None:
            raise dbus.DBusException('no peripheral ' + address, name='org.freedesktop.DBus.Error.InvalidArgs')
        return device

    def discovery_started(self):
        waiting, self.on_discovery = self.on_discovery, []
        for kind, address, name in waiting:
            GLib.timeout_add(100, self.appear, kind, address, name)

    def appear(self, kind, address, name):
        if self.adapter.props[ADAPTER]['Discovering'] and address not in self.devices:
            self.add_device(kind, address, name)
        return False


class Control(dbus.service.Object):
    def __init__(self, bus, world):
        super().__init__(bus, CONTROL_PATH)
        self.world = world

    @dbus.service.method(CONTROL, in_signature='sss', out_signature='o')
    def AddPeripheral(self, kind, address, name):
        return dbus.ObjectPath(self.world.add_device(kind, address, name).path)

    @dbus.service.method(CONTROL, in_signature='sss')
    def AddOnNextScan(self, kind, address, name):
        self.world.on_discovery.append((kind, address, name))

    @dbus.service.method(CONTROL, in_signature='s')
    def RemovePeripheral(self, address):
        self.world.remove_device(self.world.device(address))

    @dbus.service.method(CONTROL, in_signature='s')
    def DropConnection(self, address):
        self.world.device(address).drop()

    @dbus.service.method(CONTROL, in_signature='s', out_signature='a(says)')
    def GetWrites(self, address):
        return dbus.Array([dbus.Struct((u, byte_array(d), t), signature='says')
                           for u, d, t in self.world.device(address).writes], signature='(says)')

    @dbus.service.method(CONTROL, in_signature='s')
    def ClearWrites(self, address):
        self.world.device(address).writes.clear()

    @dbus.service.method(CONTROL, in_signature='ssay')
    def Notify(self, address, uuid, data):
        self.world.device(address).characteristic(str(uuid)).notify(bytes(data))

    @dbus.service.method(CONTROL, in_signature='sy')
    def SetBattery(self, address, level):
        self.world.device(address).battery = int(level)

    @dbus.service.method(CONTROL, in_signature='sa{sv}')
    def Configure(self, address, options):
        device = self.world.device(address)
        if 'ResolveDelayMs' in options:
            device.resolve_delay_ms = int(options['ResolveDelayMs'])
        if 'ConnectFails' in options:
            device.connect_fails = bool(options['ConnectFails'])
        if 'RSSI' in options:
            device.set_props(DEVICE, {'RSSI': dbus.Int16(int(options['RSSI']))})

    @dbus.service.method(CONTROL, out_signature='as')
    def ConnectedPeripherals(self):
        return dbus.Array([a for a, d in self.world.devices.items() if d.connected()], signature='s')

    @dbus.service.method(CONTROL, out_signature='a{sv}')
    def GetDiscoveryFilter(self):
        return self.world.adapter.discovery_filter

    @dbus.service.method(CONTROL)
    def Reset(self):
        self.world.reset()


def parse_device(spec):
    parts = spec.split(',')
    if len(parts) not in (2, 3):
        raise SystemExit('--device wants KIND,ADDRESS[,NAME], got ' + spec)
    return parts[0], parts[1], parts[2] if len(parts) == 3 else ''


def main():
    parser = argparse.ArgumentParser(description='BlueZ-shaped D-Bus service for tests')
    parser.add_argument('--address', default=os.environ.get('DBUS_SYSTEM_BUS_ADDRESS'),
                        help='bus address (default: $DBUS_SYSTEM_BUS_ADDRESS)')
    parser.add_argument('--device', action='append', default=[], help='KIND,ADDRESS[,NAME] present at start')
    parser.add_argument('--no-adapter', action='store_true', help='export no adapter (bluetoothd without hci)')
    parser.add_argument('--exit-on-stdin-eof', action='store_true',
                        help='quit when standard input closes (how the Java tests tie it to their JVM)')
    args = parser.parse_args()
    if not args.address:
        raise SystemExit('no bus address: pass --address or set DBUS_SYSTEM_BUS_ADDRESS')

    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(args.address)
    world = World(bus, args)
    Control(bus, world)
    name = dbus.service.BusName(BLUEZ, bus, do_not_queue=True)

    loop = GLib.MainLoop()
    if args.exit_on_stdin_eof:
        GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_HUP | GLib.IO_IN | GLib.IO_ERR, lambda *a: loop.quit() or False)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 15, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 2, loop.quit)
    print('READY ' + args.address, flush=True)
    loop.run()
    sys.stdout.flush()
    os._exit(0)  # skip dbus-python finalizers: the bus may already be gone


if __name__ == '__main__':
    main()
