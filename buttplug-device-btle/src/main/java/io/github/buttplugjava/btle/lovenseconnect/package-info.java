/**
 * Lovense Connect: toys connected to the Lovense app, driven through the app's LAN HTTP API
 * ({@code GetToys}, {@code /command}) with the {@code lovense-connect-service} protocol of the
 * device configuration. Start with {@link io.github.buttplugjava.btle.lovenseconnect.LovenseConnectSource}.
 */
package io.github.buttplugjava.btle.lovenseconnect;
