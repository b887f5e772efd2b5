package dev.doppel.adapter.persistence.connection;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.domain.connection.DatabasePassword;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals connection passwords with AES-256-GCM under {@code doppel.connections.secret-key} (base64
 * of 32 random bytes) before they are stored. Without the key no password is stored, and none can
 * be read back: the database alone never gives a password away.
 */
@Component
class PasswordCipher {
  static final String SETTING = "doppel.connections.secret-key";
  private static final String VERSION = "v1:";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Optional<SecretKey> key;
  private final SecureRandom random = new SecureRandom();

  PasswordCipher(@Value("${" + SETTING + ":}") String base64Key) {
    this.key = base64Key == null || base64Key.isBlank() ? Optional.empty() : Optional.of(decode(base64Key.strip()));
  }

  String seal(DatabasePassword password) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(password.reveal().getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the password could not be sealed", e);
    }
  }

  DatabasePassword open(String stored) {
    if (!stored.startsWith(VERSION)) {
      throw new IllegalStateException("a stored connection password is in an unknown format");
    }
    byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      return DatabasePassword.of(new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored connection password cannot be opened with " + SETTING + " (was the key changed?)", e);
    }
  }

  private SecretKey requireKey() {
    return key.orElseThrow(() -> new ConflictException(
        null, "database connections need " + SETTING + " (DOPPEL_CONNECTIONS_SECRET_KEY): base64 of 32 random bytes, such as `openssl rand -base64 32`; ./doppel start creates one"));
  }

  private static SecretKey decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(SETTING + " is not valid base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(SETTING + " holds " + bytes.length + " bytes; it must hold " + KEY_BYTES + " (AES-256)");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
