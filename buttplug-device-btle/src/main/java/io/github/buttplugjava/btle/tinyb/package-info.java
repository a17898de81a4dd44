/**
 * The TinyB backend: {@link io.github.buttplugjava.btle.tinyb.TinyBBleAdapter} over Intel's TinyB
 * (JNI, bundled natives for Linux x86_64/x86_32/ARMv6), which talks to BlueZ on the system bus named
 * by {@code $DBUS_SYSTEM_BUS_ADDRESS}. It cannot choose the GATT write type (see the adapter's doc);
 * prefer {@link io.github.buttplugjava.btle.bluez.BluezBleAdapter}. Needs the optional dependency
 * {@code org.sputnikdev:bluetooth-manager-tinyb}.
 */
package io.github.buttplugjava.btle.tinyb;
