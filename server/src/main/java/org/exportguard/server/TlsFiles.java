package org.exportguard.server;

import java.nio.file.Path;
import java.util.Objects;

/** The certificate chain and private key, PEM files, that {@code serve --tls-cert/--tls-key} answers HTTPS with. */
public record TlsFiles(Path certificate, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
