package io.depotops.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of the machine's real Redis (deploy/dev infra), spoken to in RESP. */
class FaultProxyAgainstRedisTest {

    private FaultProxy proxy;

    @BeforeEach
    void startProxy() {
        URI redis = TestServers.realAddress(TestServers.Server.REDIS);
        proxy = FaultProxy.start("redis", redis.getHost(), redis.getPort());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void aRealServerAnswersThroughTheProxySlowerWhenSlowedAndNotAtAllWhenCut() throws IOException {
        try (Socket client = connect()) {
            assertThat(ping(client)).isEqualTo("+PONG");

            proxy.slowDown(Duration.ofMillis(200));
            long started = System.nanoTime();
            assertThat(ping(client)).isEqualTo("+PONG");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

            proxy.cut();
            assertThatThrownBy(() -> ping(client)).isInstanceOf(IOException.class);
        }
        proxy.restore();
        try (Socket client = connect()) {
            assertThat(ping(client)).isEqualTo("+PONG");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String ping(Socket socket) throws IOException {
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(7);
        if (answer.length < 7) {
            throw new IOException("end of stream after " + answer.length + " bytes");
        }
        return new String(answer, StandardCharsets.US_ASCII).strip();
    }
}
