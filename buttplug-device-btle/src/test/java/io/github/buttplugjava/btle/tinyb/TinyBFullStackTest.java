package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.fakebluez.FakeBluez;
import io.github.buttplugjava.btle.fakebluez.FakeBluezExtension;
import io.github.buttplugjava.btle.fakebluez.FullStackContract;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** BleDeviceSource + handlers + ButtplugServer + ButtplugClient over the TinyB backend. */
class TinyBFullStackTest extends FullStackContract {

    @BeforeAll
    static void systemBusIsTheFake() throws IOException {
        String expected = "unix:path=" + FakeBluezExtension.socket();
        assumeTrue(expected.equals(System.getenv("DBUS_SYSTEM_BUS_ADDRESS")),
                "skipping TinyB tests: $DBUS_SYSTEM_BUS_ADDRESS must be " + expected + " (Maven sets it)");
    }

    @Override
    protected BleAdapter newAdapter(FakeBluez fake) {
        return new TinyBBleAdapter(TinyBOptions.defaults());
    }

    @Override
    protected String expectedWriteType(boolean withResponse) {
        return "";
    }
}
