package io.github.buttplugjava.transport.ws.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Tells the {@link ConnectionRegistry} when a new connection sends its first bytes, then steps
 * out of the pipeline: a socket that has said nothing at all is the first to be shed.
 */
final class FirstBytes extends ChannelInboundHandlerAdapter {

    private final ConnectionRegistry registry;

    FirstBytes(ConnectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        registry.spoke(ctx.channel());
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }
}
