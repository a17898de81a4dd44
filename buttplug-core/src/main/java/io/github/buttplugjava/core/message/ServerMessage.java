package io.github.buttplugjava.core.message;

/** A message a server sends to a client: a reply (the request's Id) or an event (Id 0). */
public sealed interface ServerMessage extends Message
        permits ServerInfo, Ok, ErrorMessage, ScanningFinished, DeviceList, InputReading {

    @Override
    ServerMessage withId(long id);
}
