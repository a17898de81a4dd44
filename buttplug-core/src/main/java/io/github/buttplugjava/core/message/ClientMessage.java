package io.github.buttplugjava.core.message;

/** A message a client sends to a server. Its Id must be 1..{@link Message#MAX_ID} on the wire. */
public sealed interface ClientMessage extends Message
        permits RequestServerInfo, Ping, StartScanning, StopScanning, RequestDeviceList,
                OutputCmd, InputCmd, StopCmd {

    @Override
    ClientMessage withId(long id);
}
