package io.depotops.chargepointsim;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One websocket of a charge point on the JDK's client: the handshake (subprotocols, basic auth,
 * TLS through the given client), whole text frames to a handler, and sends in order (the JDK allows
 * one outstanding send; a charger answering the CSMS while it sends its own CALL needs two).
 */
final class OcppSocket {

    interface Handler {
        /** A whole text frame; may come before {@link #open} completes. */
        void onFrame(OcppSocket source, String text);

        /** The socket is gone: closed by the CSMS (its code) or failed (-1). Called once. */
        void onClosed(OcppSocket source, int code, String reason);
    }

    private final Listener listener;
    private volatile WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private OcppSocket(Handler handler) {
        this.listener = new Listener(this, handler);
    }

    /**
     * Opens the socket; fails with {@link HandshakeRefused} when the CSMS answers the upgrade with
     * an HTTP status, with the connect error otherwise.
     */
    static CompletableFuture<OcppSocket> open(
            HttpClient http, Endpoint endpoint, Duration connectTimeout, Handler handler) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (!endpoint.subprotocols().isEmpty()) {
            builder.subprotocols(
                    endpoint.subprotocols().get(0),
                    endpoint.subprotocols()
                            .subList(1, endpoint.subprotocols().size())
                            .toArray(String[]::new));
        }
        String authorization = endpoint.authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        OcppSocket opening = new OcppSocket(handler);
        return builder.buildAsync(endpoint.uri(), opening.listener).handle((socket, error) -> {
            if (error == null) {
                opening.socket = socket;
                return opening;
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof WebSocketHandshakeException refused) {
                throw new CompletionException(
                        new HandshakeRefused(refused.getResponse().statusCode()));
            }
            throw new CompletionException(cause);
        });
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends one text frame after the ones sent before it. */
    synchronized CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = lastSend.handle((ignored, error) -> null)
                .thenCompose(ignored -> socket.sendText(text, true))
                .thenApply(ignored -> null);
        lastSend = sent;
        return sent;
    }

    boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Starts the closing handshake (1000); the handler hears when the CSMS answers it. */
    void close(String reason) {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).exceptionally(e -> null);
        }
    }

    /** Drops the connection without a closing handshake, as a lost link does. */
    void abort() {
        socket.abort();
        // the JDK does not tell the listener about an abort
        listener.closedWith(-1, "aborted");
    }

    private static final class Listener implements WebSocket.Listener {
        private final OcppSocket owner;
        private final Handler handler;
        private final StringBuilder partial = new StringBuilder();
        private boolean closed;

        Listener(OcppSocket owner, Handler handler) {
            this.owner = owner;
            this.handler = handler;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // set before buildAsync completes, so that a CALL the CSMS sends at once can be answered
            owner.socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handler.onFrame(owner, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith(-1, String.valueOf(error));
        }

        private synchronized void closedWith(int code, String reason) {
            if (!closed) {
                closed = true;
                handler.onClosed(owner, code, reason);
            }
        }
    }
}
