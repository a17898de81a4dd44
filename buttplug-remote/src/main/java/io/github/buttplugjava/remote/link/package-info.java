/**
 * The share link between an agent and a hub, before and around Buttplug.
 *
 * <p>The agent dials the hub and sends
 * {@code {"Hello":{"AgentProtocol":1,"Token":"…","Alias":"…"}}}; the hub answers
 * {@code {"Welcome":{"AgentProtocol":1,"Room":"…"}}} or {@code {"Denied":{"Reason":"…"}}} (and
 * closes). After a welcome the same socket carries plain Buttplug JSON with the hub as the client
 * and the agent as the server, so the agent's own server validates every command and its
 * MaxPingTime stops the toys if the hub goes silent.
 *
 * <p>API for apps: {@link io.github.buttplugjava.remote.link.AccessToken}, a share or control
 * secret. {@link io.github.buttplugjava.remote.link.Hello},
 * {@link io.github.buttplugjava.remote.link.HelloReply},
 * {@link io.github.buttplugjava.remote.link.ResumeKey} and
 * {@link io.github.buttplugjava.remote.link.HandoverConnector} are the wire protocol and its
 * plumbing, public only because both {@code remote.hub} and {@code remote.agent} use them; they
 * may change with the agent protocol version.
 */
package io.github.buttplugjava.remote.link;
