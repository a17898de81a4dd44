/** Lovense Connect internals: the HTTP client of the app's LAN API and a toy as a peripheral. Not exported. */
package io.github.buttplugjava.btle.lovenseconnect.internal;
