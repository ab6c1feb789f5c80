package io.depotops.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

    private ServerSocket echoServer;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::echoEveryConnection);
        proxy = FaultProxy.start("echo", "127.0.0.1", echoServer.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
    }

    @Test
    void forwardsBothWaysAndPassesTheEndOfStreamOn() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");

            client.shutdownOutput();
            assertThat(client.getInputStream().read())
                    .as("the server's end of stream")
                    .isEqualTo(-1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void aCutResetsOpenConnectionsAndResetsNewOnesUntilRestored() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "up")).isEqualTo("up");

            proxy.cut();

            assertThatThrownBy(() -> roundTrip(before, "lost")).isInstanceOf(IOException.class);
            assertThat(proxy.openConnections()).isZero();
        }
        try (Socket during = connect()) {
            assertThatThrownBy(() -> roundTrip(during, "refused")).isInstanceOf(IOException.class);
        }

        proxy.restore();

        try (Socket after = connect()) {
            assertThat(roundTrip(after, "back")).isEqualTo("back");
        }
    }

    @Test
    void aStallHoldsTrafficOnOpenAndNewConnectionsUntilRestored() throws IOException {
        try (Socket open = connect()) {
            assertThat(roundTrip(open, "one")).isEqualTo("one");

            proxy.stall();
            send(open, "held");
            Socket opened = connect();
            send(opened, "new");
            open.setSoTimeout(500);
            assertThatThrownBy(() -> open.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).as("nothing is closed").isEqualTo(2);

            proxy.restore();

            assertThat(receive(open, 4)).isEqualTo("held");
            try (opened) {
                assertThat(receive(opened, 3)).isEqualTo("new");
            }
        }
    }

    @Test
    void aSlowedLinkDelaysEachDirectionUntilRestored() throws IOException {
        Duration latency = Duration.ofMillis(500);
        try (Socket client = connect()) {
            proxy.slowDown(latency);
            long started = System.nanoTime();
            assertThat(roundTrip(client, "slow")).isEqualTo("slow");
            Duration slow = Duration.ofNanos(System.nanoTime() - started);
            assertThat(slow).as("there and back").isGreaterThanOrEqualTo(latency.multipliedBy(2));

            proxy.restore();
            started = System.nanoTime();
            assertThat(roundTrip(client, "fast")).isEqualTo("fast");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency);
        }
    }

    @Test
    void aServerThatIsNotThereIsNotThereThroughTheProxyEither() throws IOException {
        echoServer.close();
        try (Socket client = connect()) {
            client.setSoTimeout(5_000);
            assertThatThrownBy(() -> {
                        if (client.getInputStream().read() == -1) {
                            throw new IOException("end of stream");
                        }
                    })
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aClosedProxyNoLongerListens() throws Exception {
        int port = proxy.port();
        int acceptedBefore = proxy.acceptedConnections();
        proxy.close();
        // The freed port is the machine's again: another process may listen on it at once, and a
        // loopback socket whose source port equals it connects to itself. What must hold is that
        // the proxy takes no connection any more.
        try (Socket client = new Socket("127.0.0.1", port)) {
            Thread.sleep(200);
            assertThat(proxy.acceptedConnections()).isEqualTo(acceptedBefore);
        } catch (IOException refused) {
            assertThat(proxy.acceptedConnections()).isEqualTo(acceptedBefore);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        send(socket, text);
        return receive(socket, text.length());
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String receive(Socket socket, int length) throws IOException {
        socket.setSoTimeout(5_000);
        byte[] received = socket.getInputStream().readNBytes(length);
        if (received.length < length) {
            throw new IOException("end of stream after " + received.length + " bytes");
        }
        return new String(received, StandardCharsets.UTF_8);
    }

    private void echoEveryConnection() {
        while (!echoServer.isClosed()) {
            try {
                Socket connection = echoServer.accept();
                Thread.ofVirtual().start(() -> echo(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                connection.getOutputStream().write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}
