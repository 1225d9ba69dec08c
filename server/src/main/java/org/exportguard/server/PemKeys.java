package org.exportguard.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate chain and its private key from PEM files (what {@code certbot}, {@code openssl} and most CAs give),
 * as an in-memory key store for the TLS transport, with the JDK alone: the certificates with its X.509 reader, the
 * key as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, RSA, EC or Ed25519). Other key forms are refused
 * naming the file and the {@code openssl} command that converts them.
 */
final class PemKeys {
    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** The key store and the password it was made with (random, in memory only). */
    record Loaded(KeyStore keyStore, char[] password) {
    }

    private PemKeys() {
    }

    static Loaded load(TlsFiles files) throws TlsFilesException {
        List<Certificate> chain = certificates(files);
        PrivateKey key = privateKey(files);
        char[] password = randomPassword();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
            return new Loaded(ks, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFilesException(files.privateKey().getFileName() + ": the key does not fit the "
                    + "certificate " + files.certificate().getFileName());
        }
    }

    private static List<Certificate> certificates(TlsFiles files) throws TlsFilesException {
        byte[] pem = read(files.certificate());
        try {
            List<Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)));
            if (chain.isEmpty()) {
                throw new TlsFilesException(files.certificate() + ": no certificate (expected PEM, "
                        + "-----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (java.security.cert.CertificateException e) {
            throw new TlsFilesException(files.certificate() + ": not a PEM certificate chain");
        }
    }

    private static PrivateKey privateKey(TlsFiles files) throws TlsFilesException {
        String text = new String(read(files.privateKey()), StandardCharsets.US_ASCII);
        Matcher m = KEY.matcher(text);
        if (!m.find()) {
            String hint = text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
                    || text.contains("BEGIN ENCRYPTED PRIVATE KEY")
                    ? " (convert it: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)" : "";
            throw new TlsFilesException(files.privateKey() + ": no unencrypted PKCS#8 private key "
                    + "(-----BEGIN PRIVATE KEY-----)" + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new TlsFilesException(files.privateKey() + ": the key is not valid base64");
        }
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new TlsFilesException(files.privateKey() + ": not an RSA, EC or Ed25519 private key");
    }

    private static byte[] read(java.nio.file.Path file) throws TlsFilesException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TlsFilesException(file + ": cannot read it" + (e instanceof java.nio.file.NoSuchFileException
                    ? " (no such file)" : e instanceof java.nio.file.AccessDeniedException ? " (permission denied)"
                    : ""));
        }
    }

    private static char[] randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).toCharArray();
    }
}
