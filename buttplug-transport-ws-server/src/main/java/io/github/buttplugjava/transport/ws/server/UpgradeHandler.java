package io.github.buttplugjava.transport.ws.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the one HTTP request of a new connection into a WebSocket: checks it (method, path depth,
 * decodable path), answers it from the {@link HttpPages} when it is a plain GET and pages are served,
 * else upgrades it, puts a {@link ServerLink} in its place and asks the
 * {@link ConnectionHandler} whether to take it. Closes the socket when the upgrade is not done
 * within the upgrade timeout. Never logs the request path: it may carry a token.
 */
final class UpgradeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(UpgradeHandler.class);

    private final LinkLabel label;
    private final ServerSettings settings;
    private final ConnectionRegistry registry;
    private final KeepAliveSweeps keepAlive;
    private final ConnectionHandler handler;
    private final BooleanSupplier stopping;
    private final WebSocketServerHandshakerFactory handshakers;
    private final HttpPages pages;
    private ScheduledFuture<?> deadline;

    UpgradeHandler(LinkLabel label, ServerSettings settings, ConnectionRegistry registry, KeepAliveSweeps keepAlive,
                   ConnectionHandler handler, BooleanSupplier stopping, WebSocketServerHandshakerFactory handshakers,
                   HttpPages pages) {
        this.label = label;
        this.keepAlive = keepAlive;
        this.pages = pages;
        this.settings = settings;
        this.registry = registry;
        this.handler = handler;
        this.stopping = stopping;
        this.handshakers = handshakers;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            log.debug("{}: no WebSocket upgrade within {}, closing", label,
                    ServerSettings.words(settings.upgradeTimeout()));
            ctx.channel().close();
        }, settings.upgradeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpHeaderException
                    ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : HttpResponseStatus.BAD_REQUEST;
            answer(ctx, status, "bad HTTP request");
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            answer(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "not a GET");
            return;
        }
        String path;
        try {
            path = new QueryStringDecoder(request.uri()).path();
        } catch (IllegalArgumentException e) {
            answer(ctx, HttpResponseStatus.BAD_REQUEST, "undecodable path");
            return;
        }
        if (path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/")) {
            answer(ctx, HttpResponseStatus.BAD_REQUEST, "path not absolute");
            return;
        }
        if (depth(path) > ServerSettings.MAX_PATH_SEGMENTS) {
            answer(ctx, HttpResponseStatus.NOT_FOUND, "path deeper than " + ServerSettings.MAX_PATH_SEGMENTS
                    + " segments");
            return;
        }
        if (pages != null && !request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
            servePage(ctx, request, path);
            return;
        }
        WebSocketServerHandshaker handshaker = handshakers.newHandshaker(request);
        if (handshaker == null) {
            log.debug("{}: unsupported WebSocket version, closing", label);
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String route;
        try {
            route = Objects.requireNonNullElse(handler.describe(path), "/…");
        } catch (RuntimeException e) {
            route = "/…";
        }
        ServerLink link = new ServerLink(ctx.channel(), label.upgradedTo(route), settings, registry, keepAlive);
        // before the 101 goes out: a client that connects again at once must find this one upgraded
        registry.upgraded(ctx.channel());
        try {
            handshaker.handshake(ctx.channel(), request).addListener(f -> {
                if (!f.isSuccess()) {
                    log.debug("{}: upgrade failed", label, f.cause());
                    ctx.channel().close();
                }
            });
        } catch (RuntimeException e) {
            // a request without the WebSocket headers: plain HTTP, not for us
            answer(ctx, HttpResponseStatus.BAD_REQUEST, "not a WebSocket upgrade");
            return;
        }
        // fragmented messages are put together by the link itself: no aggregating handler per socket
        ctx.pipeline().addAfter(ctx.name(), "link", link);
        ctx.pipeline().remove(this);
        admit(link, path);
    }

    private void admit(ServerLink link, String path) {
        if (stopping.getAsBoolean()) {
            link.closeWith(1001, "server shutting down", null, false);
            return;
        }
        Admission admission;
        try {
            admission = Objects.requireNonNull(handler.onConnection(path, link), "handler returned null");
        } catch (RuntimeException e) {
            log.warn("{}: connection handler failed", link.label(), e);
            link.closeWith(1011, "server error", null, false);
            return;
        }
        if (admission.accepted()) {
            log.debug("{}: accepted", link.label());
        } else {
            log.debug("{}: refused: {}", link.label(), admission.reason());
            link.closeWith(1008, admission.reason(), null, false);
        }
    }

    private void servePage(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        HttpPage page;
        try {
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            page = Objects.requireNonNull(pages.get(path, host, (InetSocketAddress) ctx.channel().remoteAddress()),
                    "pages returned null");
        } catch (RuntimeException e) {
            log.warn("{}: page handler failed", label, e);
            page = HttpPage.text(500, "server error\n");
        }
        log.debug("{}: HTTP {} for a plain GET, closing", label, page.status());
        byte[] body = page.body();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(page.status()), Unpooled.wrappedBuffer(body));
        page.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, page.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Number of {@code /} in the path: {@code /} is 1, {@code /a/b/c/d} is 4. */
    static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    private void answer(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
        log.debug("{}: HTTP {} ({}), closing", label, status.code(), why);
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{}: error before the upgrade", label, cause);
        ctx.channel().close();
    }
}
