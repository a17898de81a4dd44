/**
 * Internals of the WebSocket transport shared with buttplug-transport-ws-server, buttplug-test-support
 * and the programs: the JDK WebSocket link, frame delivery, safe labels. Not API: exported only to
 * those modules and may change in any release.
 */
package io.github.buttplugjava.transport.ws.internal;
