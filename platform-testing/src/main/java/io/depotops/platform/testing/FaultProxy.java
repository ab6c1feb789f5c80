package io.depotops.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy in front of one real server, so that a test can break the link between the service
 * under test and that server without touching the server itself:
 *
 * <ul>
 *   <li>{@link #cut()}: every connection through the proxy is reset, and new ones are accepted and
 *       reset at once, as clients see a server that went away;
 *   <li>{@link #stall()}: connections stay open but nothing passes in either direction, new ones
 *       included (a partition: clients wait for their own timeouts); what was sent meanwhile
 *       arrives after {@link #restore()}, as TCP would retransmit it;
 *   <li>{@link #slowDown(Duration)}: every chunk of data arrives this much later, in each direction;
 *   <li>{@link #restore()}: a straight link again.
 * </ul>
 *
 * <p>Hand-written because no maintained TCP fault-proxy library resolves from the Maven mirror
 * these machines use (netcrusher-core is absent, and there is no toxiproxy server to drive). It is
 * kept small: blocking sockets, two virtual threads per direction of a connection, listening on the
 * loopback address only; {@code FaultProxyTest} covers each mode.
 */
public final class FaultProxy implements AutoCloseable {

    private enum Mode {
        OPEN,
        STALLED,
        CUT
    }

    private static final int CHUNK = 16 * 1024;
    private static final int UPSTREAM_CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flowing = lock.newCondition();
    private volatile Mode mode = Mode.OPEN;
    private volatile long latencyNanos;

    private FaultProxy(String name, InetSocketAddress target, ServerSocket listener) {
        this.name = name;
        this.target = target;
        this.listener = listener;
    }

    /** A proxy on a free loopback port in front of {@code targetHost:targetPort}, forwarding. */
    public static FaultProxy start(String name, String targetHost, int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FaultProxy proxy = new FaultProxy(name, new InetSocketAddress(targetHost, targetPort), listener);
            Thread.ofVirtual().name("fault-proxy-" + name + "-accept").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a proxy port for " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The loopback address clients connect to ({@code 127.0.0.1}). */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections through the proxy that are open now. */
    public int openConnections() {
        return links.size();
    }

    /** Connections the proxy accepted since it started, including those it reset. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Resets every connection through the proxy and resets new ones until {@link #restore()}. */
    public void cut() {
        switchTo(Mode.CUT);
        links.forEach(Link::reset);
    }

    /** Holds all traffic, on open and new connections, until {@link #restore()}. */
    public void stall() {
        switchTo(Mode.STALLED);
    }

    /** Delays each chunk of data by {@code latency}, in each direction, until {@link #restore()}. */
    public void slowDown(Duration latency) {
        latencyNanos = latency.toNanos();
    }

    /** A straight link again: no cut, no stall, no added latency; held traffic flows on. */
    public void restore() {
        latencyNanos = 0;
        switchTo(Mode.OPEN);
    }

    /** Stops listening and resets every connection through the proxy. */
    @Override
    public void close() {
        switchTo(Mode.CUT);
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::reset);
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " 127.0.0.1:" + port() + " -> " + target + ", " + mode + "]";
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (listener.isClosed()) {
                // Closing a listener whose accept is blocked (a virtual thread) can still hand over
                // a connection that arrived after close() returned: refuse it, do not count it.
                resetQuietly(client);
                return;
            }
            accepted.incrementAndGet();
            if (mode == Mode.CUT) {
                resetQuietly(client);
                continue;
            }
            Thread.ofVirtual().name("fault-proxy-" + name + "-link").start(() -> open(client));
        }
    }

    private void open(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, UPSTREAM_CONNECT_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            // The real server refuses: so does the proxy.
            resetQuietly(client);
            resetQuietly(upstream);
            return;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        if (mode == Mode.CUT) {
            link.reset(); // cut while connecting
            return;
        }
        link.start();
    }

    private void switchTo(Mode next) {
        lock.lock();
        try {
            mode = next;
            flowing.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while the proxy is stalled; false once it is cut. */
    private boolean awaitFlowing() throws InterruptedException {
        if (mode == Mode.OPEN) {
            return true;
        }
        lock.lock();
        try {
            while (mode == Mode.STALLED) {
                flowing.await();
            }
            return mode == Mode.OPEN;
        } finally {
            lock.unlock();
        }
    }

    private static void resetQuietly(Socket socket) {
        try {
            // Linger 0: the peer gets a RST (connection reset), not an orderly end of stream.
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** One client connection and its connection to the real server. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger directionsOpen = new AtomicInteger(2);

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            new Direction(this, client, upstream, "up").start();
            new Direction(this, upstream, client, "down").start();
        }

        void reset() {
            links.remove(this);
            resetQuietly(client);
            resetQuietly(upstream);
        }

        void directionEnded() {
            if (directionsOpen.decrementAndGet() == 0) {
                links.remove(this);
                closeQuietly(client);
                closeQuietly(upstream);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** A chunk read from one side, due at the other side no earlier than {@code dueNanos}. */
    private record Chunk(byte[] bytes, long dueNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /**
     * Bytes from one socket to the other: a reader queues what arrives with its due time, a writer
     * delivers it when due and while the proxy flows, so that added latency delays data without
     * capping throughput.
     */
    private final class Direction {

        private final Link link;
        private final Socket from;
        private final Socket to;
        private final String label;
        private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

        Direction(Link link, Socket from, Socket to, String label) {
            this.link = link;
            this.from = from;
            this.to = to;
            this.label = label;
        }

        void start() {
            Thread.ofVirtual()
                    .name("fault-proxy-" + name + "-" + label + "-read")
                    .start(this::read);
            Thread.ofVirtual()
                    .name("fault-proxy-" + name + "-" + label + "-write")
                    .start(this::write);
        }

        private void read() {
            byte[] buffer = new byte[CHUNK];
            try {
                // Not closed here: closing a socket's stream closes the socket, both directions.
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + latencyNanos));
                }
                queue.add(Chunk.END);
            } catch (IOException e) {
                link.reset();
                queue.add(Chunk.END);
            }
        }

        private void write() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    if (!awaitFlowing()) {
                        link.reset();
                        return;
                    }
                    if (chunk == Chunk.END) {
                        if (!to.isClosed()) {
                            to.shutdownOutput(); // pass the orderly end of stream on
                        }
                        return;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException e) {
                link.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                link.reset();
            } finally {
                link.directionEnded();
            }
        }
    }
}
