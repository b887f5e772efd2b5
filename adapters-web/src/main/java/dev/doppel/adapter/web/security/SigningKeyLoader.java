package dev.doppel.adapter.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Finds the HMAC key that signs and checks tokens: configured, or generated once and kept on disk. */
final class SigningKeyLoader {
  static final int MIN_KEY_BYTES = 32;

  private SigningKeyLoader() {}

  static SecretKey load(SecurityProperties properties) {
    if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
      return decode(properties.jwtSecret().strip(), "doppel.security.jwt-secret");
    }
    if (properties.keyFile() == null) {
      throw new IllegalStateException("set doppel.security.jwt-secret or doppel.security.key-file");
    }
    Path file = properties.keyFile();
    try {
      if (!Files.exists(file)) {
        writeNewKey(file);
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token signing key at " + file, e);
    }
  }

  private static void writeNewKey(Path file) throws IOException {
    byte[] key = new byte[64];
    new SecureRandom().nextBytes(key);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "jwt", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system: the data directory's own permissions protect the key.
    }
    Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      Files.deleteIfExists(temporary);
      if (!Files.exists(file)) {
        throw raced;
      }
    }
  }

  private static SecretKey decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the token signing key in " + source + " is not valid base64");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "the token signing key in " + source + " has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " are needed");
    }
    return new SecretKeySpec(key, "HmacSHA256");
  }
}
