package dev.doppel.domain.dataset;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an uploaded table lives. The key is chosen by the server (never the client's file name)
 * and is relative to the platform's data directory.
 *
 * @param encoding the encoding a CSV file arrived in (the stored file is UTF-8); empty for Parquet
 */
public record StoredFile(String key, FileFormat format, char delimiter, Optional<TextEncoding> encoding, long sizeBytes, String sha256) {
  private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9.-]+)*");

  public StoredFile {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoding, "encoding");
    if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("unsafe storage key: " + key);
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
