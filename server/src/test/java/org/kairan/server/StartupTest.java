package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.server.demo.DemoCity;
import org.kairan.server.testing.RunningServer;

/** How the server starts: safe defaults, HTTPS with a keystore, the demo city on first start. */
class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void plainHttpOnANonLoopbackAddressIsRefused() {
        ServerConfig config = ServerConfig.defaults(dataDir).toBuilder().port(0).bind("0.0.0.0", false).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KairanServer.newServer(config),
                "plain HTTP on all interfaces is refused");
        assertTrue(e.getMessage().contains("0.0.0.0") && e.getMessage().contains("keystore"),
                "the message says why and what to do: " + e.getMessage());
        assertTrue(Files.notExists(dataDir.resolve("kairan.mv.db")), "nothing was created before refusing");
    }

    @Test
    void plainHttpOnANonLoopbackAddressIsAllowedWhenExplicitlyConfigured() {
        ServerConfig config = ServerConfig.defaults(dataDir).toBuilder().port(0).bind("0.0.0.0", true).build();
        KairanServer server = KairanServer.newServer(config);
        server.stop();
    }

    @Test
    void theCommandLineExplainsARefusal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of("--data", dataDir.toString(), "--port", "0", "--bind", "0.0.0.0"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code, "the server does not start");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refusing to serve plain HTTP"),
                "the reason is printed: " + err);
        assertEquals(2, Main.run(List.of("--no-such-flag"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())), "an unknown flag is a usage error");
    }

    @Test
    void aKeystoreTurnsOnHttps() throws Exception {
        Path keystore = dataDir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kairan", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(new ByteArrayOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool made a keystore");

        ServerConfig config = ServerConfig.defaults(dataDir.resolve("data")).toBuilder().port(0)
                .keystore(keystore, "changeit").build();
        try (KairanServer server = KairanServer.newServer(config)) {
            server.start();
            assertEquals("https", server.uri().getScheme(), "the server announces an https URL");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "the health check answers over TLS");
        }
    }

    @Test
    void theDemoCityIsLoadedOnFirstStartOnly() {
        ServerConfig config = RunningServer.config(dataDir, null).withDemo(true);
        int staff;
        try (RunningServer running = RunningServer.start(config)) {
            HttpResponse<String> response = running.login("120002", DemoCity.PASSWORD, null);
            assertEquals(200, response.statusCode(), "a demo account logs in with the README password");
            LoginResponse login = running.read(response, LoginResponse.class);
            assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, login.status(), "the demo account enrols 2FA first");
            String admin = running.sessionForPassword("110001", DemoCity.PASSWORD);
            DirectorySnapshot directory = running.read(running.get("/api/directory", admin), DirectorySnapshot.class);
            staff = directory.staff().size();
            assertTrue(staff >= 350, "the demo city has about 400 staff: " + staff);
            assertTrue(directory.units().stream().anyMatch(u -> u.name().equals("財政課")), "the demo city has a 財政課");
            assertEquals(204, running.post("/api/admin/users/120002/unlock", admin, null, new byte[0]).statusCode(),
                    "the demo administrator administers");
        }
        try (RunningServer again = RunningServer.start(RunningServer.config(dataDir, null).withDemo(true))) {
            assertEquals(401, again.login("120001", "wrong-password", null).statusCode(), "the data is still there");
            int after = again.server.database().inTransaction(
                    c -> new org.kairan.server.directory.OrganisationStore().staffCount(c));
            assertEquals(staff, after,
                    "a second start with --demo does not import again");
        }
    }
}
