package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.FileStore.FileTooLargeException;
import dev.doppel.application.port.out.FileStore.StoredContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalFileStoreTest {
  @TempDir Path dataDir;

  private LocalFileStore store() {
    return new LocalFileStore(dataDir.resolve("files"));
  }

  @Test
  void inspectsAFileWrittenByAnotherToolWithItsSizeAndSha256() throws IOException {
    LocalFileStore store = store();
    Path written = store.locate("projects/7/models/1/batches/2.csv");
    Files.createDirectories(written.getParent());
    Files.writeString(written, "hello\n");

    StoredContent inspected = store.inspect("projects/7/models/1/batches/2.csv");

    assertThat(inspected.sizeBytes()).isEqualTo(6);
    assertThat(inspected.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
  }

  @Test
  void storesContentWithItsSizeAndSha256() throws IOException {
    LocalFileStore store = store();
    byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);

    StoredContent stored = store.write("projects/7/datasets/3f2c", new ByteArrayInputStream(content), 100);

    assertThat(stored.key()).isEqualTo("projects/7/datasets/3f2c");
    assertThat(stored.sizeBytes()).isEqualTo(6);
    assertThat(stored.sha256()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    assertThat(store.locate("projects/7/datasets/3f2c")).hasBinaryContent(content);
    try (InputStream in = store.open("projects/7/datasets/3f2c")) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void hashesLargeContentStreamedInManyBuffers() throws Exception {
    byte[] content = new byte[1_000_003];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    StoredContent stored = store().write("big/file.bin", new ByteArrayInputStream(content), content.length);

    assertThat(stored.sizeBytes()).isEqualTo(content.length);
    byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(content);
    assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Test
  void rejectsOverLimitWriteAndLeavesNoFileBehind() throws IOException {
    LocalFileStore store = store();

    assertThatThrownBy(() -> store.write("projects/1/too-big", new ByteArrayInputStream(new byte[200_000]), 100_000))
        .isInstanceOf(FileTooLargeException.class)
        .hasMessageContaining("100000 bytes");

    assertThat(store.locate("projects/1/too-big")).doesNotExist();
    assertThat(filesUnder(dataDir)).isEmpty();
  }

  @Test
  void stopsReadingAsSoonAsTheLimitIsPassed() {
    LocalFileStore store = store();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };

    assertThatThrownBy(() -> store.write("endless", endless, 1_000_000)).isInstanceOf(FileTooLargeException.class);
    assertThat(filesUnder(dataDir)).isEmpty();
  }

  @Test
  void acceptsContentOfExactlyTheLimit() {
    StoredContent stored = store().write("exact", new ByteArrayInputStream(new byte[1000]), 1000);

    assertThat(stored.sizeBytes()).isEqualTo(1000);
  }

  @Test
  void deletesThePartialFileWhenTheUploadBreaksOff() {
    LocalFileStore store = store();
    InputStream broken =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent++ < 70_000) {
              return 'a';
            }
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> store.write("projects/2/upload", broken, 1_000_000)).isInstanceOf(UncheckedIOException.class);
    assertThat(filesUnder(dataDir)).isEmpty();
  }

  @Test
  void replacesAnExistingFileUnderTheSameKey() {
    LocalFileStore store = store();
    store.write("a/b", new ByteArrayInputStream("old".getBytes(StandardCharsets.UTF_8)), 10);
    store.write("a/b", new ByteArrayInputStream("new!".getBytes(StandardCharsets.UTF_8)), 10);

    assertThat(store.locate("a/b")).hasContent("new!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape", "a/../../escape", "a/..", "/etc/passwd", "a/./b", "a/.", "A/b", "a//b", "a/b/", "", "a\\b", "a/b c"})
  void refusesKeysEscapingTheRootOrMalformed(String key) {
    LocalFileStore store = store();

    assertThatThrownBy(() -> store.write(key, new ByteArrayInputStream(new byte[1]), 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.locate(key)).isInstanceOf(IllegalArgumentException.class);
    assertThat(filesUnder(dataDir)).isEmpty();
  }

  @Test
  void deletesAFolderOfKeys() {
    LocalFileStore store = store();
    store.write("projects/7/datasets/a", new ByteArrayInputStream(new byte[3]), 10);
    store.write("projects/7/models/m1/model.pkl", new ByteArrayInputStream(new byte[3]), 10);
    store.write("projects/8/datasets/a", new ByteArrayInputStream(new byte[3]), 10);

    store.delete("projects/7");

    assertThat(store.root().resolve("projects/7")).doesNotExist();
    assertThat(store.locate("projects/8/datasets/a")).exists();
  }

  @Test
  void deletesASingleFile() {
    LocalFileStore store = store();
    store.write("projects/7/datasets/a", new ByteArrayInputStream(new byte[3]), 10);

    store.delete("projects/7/datasets/a");

    assertThat(store.locate("projects/7/datasets/a")).doesNotExist();
  }

  @Test
  void deletingAMissingKeyIsFine() {
    store().delete("projects/404");
  }

  @Test
  void deletingAFolderRemovesLinksButNotWhatTheyPointTo() throws IOException {
    LocalFileStore store = store();
    Path outside = Files.writeString(dataDir.resolve("precious.txt"), "keep me");
    store.write("projects/9/a", new ByteArrayInputStream(new byte[1]), 10);
    Files.createSymbolicLink(store.root().resolve("projects/9/link"), outside);

    store.delete("projects/9");

    assertThat(outside).hasContent("keep me");
    assertThat(store.root().resolve("projects/9")).doesNotExist();
  }

  @Test
  void openingAMissingKeyFailsClearly() {
    assertThatThrownBy(() -> store().open("projects/404")).isInstanceOf(UncheckedIOException.class).hasMessageContaining("projects/404");
  }

  private static java.util.List<Path> filesUnder(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
