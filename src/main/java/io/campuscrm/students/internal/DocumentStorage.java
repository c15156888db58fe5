package io.campuscrm.students.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.campuscrm.shared.domain.DomainException;

/**
 * Keeps uploaded documents in {@code <campuscrm.data-dir>/documents/<random uuid>}: the user's file name never
 * becomes a path. A file is received into {@code <uuid>.part} (size limited, hashed as it streams), moved into place
 * when accepted, and deleted again when the transaction that recorded it rolls back.
 */
@Component
public class DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(DocumentStorage.class);

    private final Path root;

    DocumentStorage(@Value("${campuscrm.data-dir:./data}") Path dataDir) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("documents");
    }

    /** The folder the documents are in. */
    public Path root() {
        return root;
    }

    /** A received file, not yet in place. */
    public record Received(String key, Path part, long size, String sha256) {
    }

    /**
     * @throws DomainException on {@code file} when the content is longer than {@code maxBytes}; nothing is kept
     */
    public Received receive(InputStream content, long maxBytes) {
        String key = UUID.randomUUID().toString();
        Path part = root.resolve(key + ".part");
        try {
            Files.createDirectories(root);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new DomainException("file", "document.error.too-large", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new DomainException("file", "document.error.empty");
            }
            return new Received(key, part, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            delete(part);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            delete(part);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            delete(part);
            throw e;
        }
    }

    /** Moves the file into place; if the current transaction then rolls back, the file goes again. */
    public void accept(Received received) {
        Path target = path(received.key());
        try {
            Files.move(received.part(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(received.part());
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(target);
                    }
                }
            });
        }
    }

    public void discard(Received received) {
        delete(received.part());
    }

    public InputStream open(String key) {
        try {
            return Files.newInputStream(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file once the current transaction commits (at once without one). */
    public void deleteAfterCommit(String key) {
        Path target = path(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(target);
                }
            });
        } else {
            delete(target);
        }
    }

    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    /** Keys are our own UUIDs; anything else is refused rather than resolved. */
    private Path path(String key) {
        UUID.fromString(key);
        return root.resolve(key);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
