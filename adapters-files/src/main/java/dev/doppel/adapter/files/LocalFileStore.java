package dev.doppel.adapter.files;

import dev.doppel.application.port.out.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keeps files under one root folder on the local disk, one file per key. Writes land in a temporary
 * file beside the target and are renamed into place, so readers never see half a file.
 */
public final class LocalFileStore implements FileStore {
  private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9.-]+)*");
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path root;

  public LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public StoredContent write(String key, InputStream content, long maxBytes) {
    Path target = resolve(key);
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
      MessageDigest sha256 = sha256();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(temporary)) {
        byte[] buffer = new byte[BUFFER_BYTES];
        int n;
        while ((n = content.read(buffer)) != -1) {
          size += n;
          if (size > maxBytes) {
            throw new FileTooLargeException(maxBytes);
          }
          sha256.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      moveIntoPlace(temporary, target);
      temporary = null;
      return new StoredContent(key, size, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the file under " + key, e);
    } finally {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  @Override
  public InputStream open(String key) {
    Path file = resolve(key);
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no file is stored under " + key, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the file stored under " + key, e);
    }
  }

  @Override
  public StoredContent inspect(String key) {
    MessageDigest sha256 = sha256();
    long size = 0;
    try (InputStream in = open(key)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      int n;
      while ((n = in.read(buffer)) != -1) {
        size += n;
        sha256.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the file stored under " + key, e);
    }
    return new StoredContent(key, size, HexFormat.of().formatHex(sha256.digest()));
  }

  @Override
  public Path locate(String key) {
    return resolve(key);
  }

  @Override
  public void delete(String keyOrPrefix) {
    Path target = resolve(keyOrPrefix);
    try {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(target);
        return;
      }
      // walkFileTree does not follow links, so a link inside the folder is removed, never its target.
      Files.walkFileTree(
          target,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // Deleted meanwhile by someone else: the outcome is the one asked for.
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + keyOrPrefix, e);
    }
  }

  /** The path behind a key, refusing keys that are malformed or would leave the root. */
  private Path resolve(String key) {
    if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("'" + key + "' is not a valid file key");
    }
    for (String segment : key.split("/")) {
      if (segment.chars().allMatch(c -> c == '.')) {
        throw new IllegalArgumentException("'" + key + "' is not a valid file key");
      }
    }
    Path resolved = root.resolve(key).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException("'" + key + "' is not a valid file key");
    }
    return resolved;
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The original failure matters more; a stray .part file is harmless and never read as a key.
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
