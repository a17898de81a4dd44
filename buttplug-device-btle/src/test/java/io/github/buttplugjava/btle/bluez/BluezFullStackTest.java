package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.fakebluez.FakeBluez;
import io.github.buttplugjava.btle.fakebluez.FullStackContract;

/** BleDeviceSource + handlers + ButtplugServer + ButtplugClient over the BlueZ D-Bus backend. */
class BluezFullStackTest extends FullStackContract {

    @Override
    protected BleAdapter newAdapter(FakeBluez fake) {
        return new BluezBleAdapter(BluezOptions.defaults().withBusAddress(fake.address()));
    }

    @Override
    protected String expectedWriteType(boolean withResponse) {
        return withResponse ? "request" : "command";
    }
}
