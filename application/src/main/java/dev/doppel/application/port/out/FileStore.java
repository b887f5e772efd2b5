package dev.doppel.application.port.out;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Holds the platform's files under keys it chooses itself (never a client's file name), such as
 * {@code projects/7/datasets/3f2c…}.
 */
public interface FileStore {
  /**
   * Copies {@code content} into a new file under {@code key}, computing its size and SHA-256 on the
   * way. Nothing is left behind when this throws.
   *
   * @throws FileTooLargeException when more than {@code maxBytes} arrive
   */
  StoredContent write(String key, InputStream content, long maxBytes);

  InputStream open(String key);

  /** Size and SHA-256 of a file written by someone else, such as the synthesis engine. */
  StoredContent inspect(String key);

  /** The local file behind a key, for tools that need a path (the synthesis engine). */
  Path locate(String key);

  /** Deletes a file, or a whole folder of keys such as {@code projects/7}; missing keys are fine. */
  void delete(String keyOrPrefix);

  record StoredContent(String key, long sizeBytes, String sha256) {}

  class FileTooLargeException extends RuntimeException {
    private final long limitBytes;

    public FileTooLargeException(long limitBytes) {
      super("the file is larger than the limit of " + limitBytes + " bytes");
      this.limitBytes = limitBytes;
    }

    public long limitBytes() {
      return limitBytes;
    }
  }
}
