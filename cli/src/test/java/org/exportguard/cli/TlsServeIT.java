package org.exportguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve --tls-cert/--tls-key} on a real process: a self-signed certificate made here with the JDK's keytool,
 * written as PEM files, and a real HTTPS request that trusts exactly that certificate (host name checked). Plain
 * HTTP to the same port gets no answer; unusable key files stop serve with one line naming the file.
 */
class TlsServeIT {
    @TempDir
    Path dir;

    /** A self-signed certificate for 127.0.0.1 and localhost: the key store, and the PEM files serve takes. */
    private record SelfSigned(KeyStore trust, Path cert, Path key) {
    }

    private SelfSigned selfSigned() throws Exception {
        Path p12 = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "test-only")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test-only".toCharArray());
        }
        Key key = ks.getKey("server", "test-only".toCharArray());
        Certificate cert = ks.getCertificate("server");
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8, as openssl writes it
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        return new SelfSigned(trust, certPem, keyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void aRealHttpsRequestIsAnsweredWithTheGivenCertificate() throws Exception {
        SelfSigned tls = selfSigned();
        ServeProcs procs = new ServeProcs(dir);
        String data = dir.resolve("data").toString();
        ServeProcs.Proc added = procs.exec("users", "add", "tia", "--role", "viewer", "--data-dir", data);
        assertEquals(0, added.code(), added::toString);
        String token = added.lastLine();
        // screening needs lists in force (a store without lists answers 503)
        ServeProcs.Proc imported = procs.exec("lists", "import", Path.of("src/main/resources/sample-lists/un-consolidated.xml").toAbsolutePath().toString(),
                "--data-dir", data);
        assertEquals(0, imported.code(), imported::toString);
        ServeProcs.Server s = procs.serve("--data-dir", data, "--tls-cert", tls.cert().toString(), "--tls-key",
                tls.key().toString());
        try {
            assertTrue(s.base().startsWith("https://127.0.0.1:"), s.base());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(tls.trust());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/screen"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Banco Nacional de Cuba\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"hits\""), r.body());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());

            // A client that does not trust the certificate refuses it; plain HTTP on the TLS port gets no answer.
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThrows(javax.net.ssl.SSLException.class, () -> untrusting.send(HttpRequest.newBuilder(
                    URI.create(s.base() + "/health")).build(), HttpResponse.BodyHandlers.ofString()));
            String plain = s.base().replace("https://", "http://");
            try {
                HttpResponse<String> p = ServeProcs.client().send(HttpRequest.newBuilder(URI.create(plain + "/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertFalse(p.statusCode() == 200, "plain HTTP answered on the TLS port: " + p.body());
            } catch (java.io.IOException expected) {
                // the TLS layer drops a plain-text request
            }
        } finally {
            ServeProcs.kill(s);
        }
    }

    @Test
    void unusableTlsFilesStopServeWithOneLineNamingTheFile() throws Exception {
        SelfSigned tls = selfSigned();
        ServeProcs procs = new ServeProcs(dir);
        String data = dir.resolve("data").toString();
        // a store that exists (serve never creates one), so what stops serve is the TLS files
        assertEquals(0, procs.exec("users", "add", "tia", "--role", "viewer", "--data-dir", data).code());
        Path rsaStyle = dir.resolve("old-style.pem");
        Files.writeString(rsaStyle, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        for (List<String> args : List.of(
                List.of("--tls-cert", tls.cert().toString(), "--tls-key", rsaStyle.toString()),
                List.of("--tls-cert", tls.key().toString(), "--tls-key", tls.key().toString()),
                List.of("--tls-cert", dir.resolve("missing.pem").toString(), "--tls-key", tls.key().toString()))) {
            List<String> all = new java.util.ArrayList<>(List.of("serve", "--port", "0", "--data-dir", data));
            all.addAll(args);
            ServeProcs.Proc r = procs.exec(all.toArray(String[]::new));
            assertEquals(2, r.code(), r::toString);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
            String named = args.get(1).equals(tls.key().toString()) && args.get(3).equals(tls.key().toString())
                    ? tls.key().getFileName().toString() : (args.get(3).equals(rsaStyle.toString())
                    ? rsaStyle.getFileName().toString() : "missing.pem");
            assertTrue(r.err().contains(named), named + " not named: " + r);
        }
        ServeProcs.Proc half = procs.exec("serve", "--port", "0", "--data-dir", data, "--tls-cert",
                tls.cert().toString());
        assertEquals(2, half.code(), half::toString);
        assertTrue(half.err().contains("--tls-key"), half::toString);
    }
}
