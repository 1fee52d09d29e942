package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cairn.Level;
import dev.cairn.Logging;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPHandler with {@code secure}: HTTPS to a real HttpsServer on loopback with a certificate made by keytool. */
class HTTPSHandlerTest {
    @Test
    void secureSendsOverHttpsAndUntrustedCertificatesAreCounted(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "server", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        try (InputStream out = keytool.getInputStream()) {
            out.readAllBytes();
        }
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", e -> {
            bodies.add(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.start();
        boolean raise = Logging.raiseExceptions;
        Logging.raiseExceptions = false;
        try {
            String host = "127.0.0.1:" + server.getAddress().getPort();
            HTTPHandler trusted = new HTTPHandler(host, "/log", "POST", true, null, clientContext);
            trusted.handle(Records.record(Level.ERROR, "over tls"));
            assertThat(bodies.poll(5, TimeUnit.SECONDS)).contains("msg=over+tls");
            assertThat(trusted.getErrorCount()).isZero();

            // The JDK's default trust store does not know the self-signed certificate.
            HTTPHandler untrusted = new HTTPHandler(host, "/log", "POST", true, null, null);
            untrusted.setTimeout(5);
            untrusted.handle(Records.record(Level.ERROR, "refused"));
            assertThat(untrusted.getErrorCount()).isEqualTo(1);
        } finally {
            Logging.raiseExceptions = raise;
            server.stop(0);
        }
    }
}
