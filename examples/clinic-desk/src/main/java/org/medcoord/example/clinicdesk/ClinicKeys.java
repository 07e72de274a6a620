package org.medcoord.example.clinicdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.KeyProvider;

/**
 * The desk's audit signing key: an Ed25519 key pair kept in two files beside the clinic
 * ({@code audit-signing.key} and {@code audit-signing.pub}), created on first use. Checkpoints
 * signed by one run verify in the next, which a key generated in memory could not do.
 *
 * <p>An example of the {@link KeyProvider} port; a hospital would keep the private key in an HSM
 * or a key vault instead of a file.
 */
final class ClinicKeys implements KeyProvider {
    private final KeyId keyId;
    private final PrivateKey signing;
    private final PublicKey verifying;

    private ClinicKeys(KeyPair pair) throws GeneralSecurityException {
        this.signing = pair.getPrivate();
        this.verifying = pair.getPublic();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifying.getEncoded());
        this.keyId = KeyId.of("clinic-desk-" + HexFormat.of().formatHex(digest, 0, 8));
    }

    /**
     * The key kept in a directory, created there when missing.
     *
     * @param directory where the key files live
     * @return the key provider
     */
    static ClinicKeys in(Path directory) {
        Path secret = directory.resolve("audit-signing.key");
        Path shared = directory.resolve("audit-signing.pub");
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            if (Files.exists(secret) && Files.exists(shared)) {
                return new ClinicKeys(new KeyPair(
                        ed25519.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(shared))),
                        ed25519.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(secret)))));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(directory);
            writeOwnerOnly(secret, pair.getPrivate().getEncoded());
            Files.write(shared, pair.getPublic().getEncoded());
            return new ClinicKeys(pair);
        } catch (IOException e) {
            throw InvalidRequestException.of("db", "cannot read or create the audit signing key in " + directory
                    + ": " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw InvalidRequestException.of("db", "the audit signing key in " + directory
                    + " is not an Ed25519 key pair");
        }
    }

    /**
     * Writes a new file readable and writable by its owner only where the file system has POSIX
     * permissions: the file is created with them, so the secret is never readable by others.
     */
    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes);
        } else {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * A plugin that contributes this key.
     *
     * @return the plugin
     */
    CoordinatorPlugin plugin() {
        KeyProvider keys = this;
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "clinic-desk-keys";
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        };
    }

    @Override
    public Signed sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signing);
            signature.update(payload);
            return new Signed(keyId, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public Optional<PublicKey> verificationKey(KeyId id) {
        return id.equals(keyId) ? Optional.of(verifying) : Optional.empty();
    }
}
