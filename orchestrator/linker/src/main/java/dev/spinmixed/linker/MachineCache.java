package dev.spinmixed.linker;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machines Chicory's compiler made, kept on disk so that the next start loads their bytecode
 * instead of compiling again: one jar per module under {@code <dir>/chicory-<version>/}, named by
 * the module's SHA-256 digest (Chicory's {@code WasmModule.digest()}, the cache key its compiler
 * uses). A changed module has another digest and is compiled anew; another Chicory version has
 * another directory; an unreadable entry counts as missing. Writes are atomic (a temporary file
 * moved into place), so concurrent hosts never read half a jar. Beside the machines it keeps which
 * modules passed Chicory's validation (by the SHA-256 of their bytes), so a later start skips it.
 */
public final class MachineCache implements Cache {

    private static final Logger LOG = LoggerFactory.getLogger(MachineCache.class);

    private final Path dir;

    private MachineCache(Path dir) {
        this.dir = dir;
    }

    /**
     * A cache under {@code root} for this Chicory version; empty when the version cannot be told,
     * as bytecode of another version could not be trusted.
     */
    public static Optional<MachineCache> at(Path root) {
        return chicoryVersion().map(v -> new MachineCache(root.resolve("chicory-" + v)));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public byte[] get(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Stores a machine, best effort: a cache that cannot be written (a read-only directory, a full
     * disk) only means the next start compiles again, so the failure is logged, not thrown.
     */
    @Override
    public void putIfAbsent(String key, byte[] data) {
        Path file = file(key);
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".machine-", ".tmp");
            try {
                Files.write(tmp, data);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn(
                    "machine cache {}: could not store {}: {}",
                    dir,
                    file.getFileName(),
                    e.toString());
        }
    }

    /**
     * Drops the entry of {@code key}: one that Chicory could not load (truncated, corrupt) is
     * compiled again and stored anew instead of failing every start.
     */
    public void evict(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.warn("machine cache {}: could not remove {}: {}", dir, key, e.toString());
        }
    }

    /** Whether a module with these bytes (its {@link #sha256}) passed Chicory's validation. */
    public boolean validated(String sha256) {
        return Files.isRegularFile(verdict(sha256));
    }

    /** Records, best effort, that the module with this {@link #sha256} passed validation. */
    public void recordValidated(String sha256) {
        Path file = verdict(sha256);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            LOG.warn(
                    "machine cache {}: could not record {}: {}",
                    dir,
                    file.getFileName(),
                    e.toString());
        }
    }

    /** The hex SHA-256 of a module's bytes, the key of its validation verdict. */
    public static String sha256(byte[] wasm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Path verdict(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a hex SHA-256: " + sha256);
        }
        return dir.resolve("validated").resolve(sha256);
    }

    /** {@code sha-256:<base64>} as a file name: the base64 alphabet made path-safe. */
    private Path file(String key) {
        String name = key.replace(':', '-').replace('/', '_').replace('+', '.');
        if (!name.matches("[A-Za-z0-9._=-]+")) {
            throw new UncheckedIOException(
                    new IOException("not a module digest Chicory makes: " + key));
        }
        return dir.resolve(name + ".jar");
    }

    private static Optional<String> chicoryVersion() {
        try (InputStream in =
                MachineFactoryCompiler.class.getResourceAsStream(
                        "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
