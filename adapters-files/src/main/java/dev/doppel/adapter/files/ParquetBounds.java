package dev.doppel.adapter.files;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.PrimitiveIterator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Checks the sizes a Parquet file declares before the Parquet library allocates anything by them:
 * the footer's length, where each column chunk lies, how large a row group is, and how many
 * entries a dictionary page holds. A hostile file otherwise makes the library allocate what it
 * declares (a 118-byte file can declare a 1 TiB column chunk).
 */
final class ParquetBounds {
  /** Far beyond the footer of any real table (it would describe millions of column chunks). */
  static final int MAX_FOOTER_BYTES = 16 * 1024 * 1024;
  /** "PAR1" read as a little-endian int. */
  private static final int MAGIC = 'P' | 'A' << 8 | 'R' << 16 | '1' << 24;

  private final long fileBytes;
  private final long footerBytes;
  private final ReadingLimits limits;

  private ParquetBounds(long fileBytes, long footerBytes, ReadingLimits limits) {
    this.fileBytes = fileBytes;
    this.footerBytes = footerBytes;
    this.limits = limits;
  }

  /** Reads and checks the footer's declared length, which the library would allocate at once. */
  static ParquetBounds of(Path file, ReadingLimits limits) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      while (size >= 12 && tail.hasRemaining() && channel.read(tail, size - 8 + tail.position()) >= 0) {
        // a file channel reads all eight bytes at once in practice; loop for the rule's sake
      }
      // Magic at both ends with at least a footer length between them.
      if (size < 12 || tail.getInt(4) != MAGIC) {
        throw new InvalidTableException("file", "the Parquet file is truncated");
      }
      long footer = Integer.toUnsignedLong(tail.getInt(0));
      if (footer < 1 || footer > size - 12) {
        throw corrupt("its footer declares " + footer + " bytes but the file holds " + size);
      }
      if (footer > MAX_FOOTER_BYTES) {
        throw new PayloadTooLargeException("file", "the Parquet file's footer takes " + footer + " bytes; the limit is " + MAX_FOOTER_BYTES);
      }
      return new ParquetBounds(size, footer, limits);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the stored Parquet file", e);
    }
  }

  /** Checks every row group the footer declares: row counts, and chunks inside the file and the limit. */
  void check(ParquetMetadata footer) {
    long dataEnd = fileBytes - footerBytes - 8;
    int group = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      group++;
      if (block.getRowCount() < 0) {
        throw corrupt("row group " + group + " declares " + block.getRowCount() + " rows");
      }
      long groupBytes = 0;
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        long start = chunk.getStartingPos();
        long size = chunk.getTotalSize();
        if (start < 4 || size < 0 || size > dataEnd - start) {
          throw corrupt(
              "column '" + chunk.getPath().toDotString() + "' of row group " + group + " declares " + size + " bytes at byte " + start
                  + ", beyond the file's " + fileBytes + " bytes");
        }
        if (chunk.getValueCount() < 0 || chunk.getTotalUncompressedSize() < 0) {
          throw corrupt("column '" + chunk.getPath().toDotString() + "' of row group " + group + " declares a negative size");
        }
        groupBytes += size;
      }
      if (groupBytes > limits.maxParquetBlockBytes()) {
        throw new PayloadTooLargeException(
            "file", "row group " + group + " of the Parquet file takes " + groupBytes + " bytes; the limit is " + limits.maxParquetBlockBytes()
                + " (write it with smaller row groups)");
      }
    }
  }

  /** The row group's pages, each dictionary checked against the bytes that hold it. */
  static PageReadStore checked(PageReadStore pages) {
    return new PageReadStore() {
      @Override
      public PageReader getPageReader(ColumnDescriptor column) {
        return checked(column, pages.getPageReader(column));
      }

      @Override
      public long getRowCount() {
        return pages.getRowCount();
      }

      @Override
      public Optional<Long> getRowIndexOffset() {
        return pages.getRowIndexOffset();
      }

      @Override
      public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
        return pages.getRowIndexes();
      }

      @Override
      public void close() {
        pages.close();
      }
    };
  }

  private static PageReader checked(ColumnDescriptor column, PageReader pages) {
    return new PageReader() {
      @Override
      public DictionaryPage readDictionaryPage() {
        DictionaryPage page = pages.readDictionaryPage();
        // Dictionaries allocate an array of the declared number of entries, each taking some bytes.
        if (page != null) {
          long entries = page.getDictionarySize();
          long leastBytes = entries * leastBytesPerEntry(column);
          if (entries < 0 || leastBytes > page.getUncompressedSize()) {
            throw corrupt(
                "column '" + String.join(".", column.getPath()) + "' declares a dictionary of " + entries + " entries in "
                    + page.getUncompressedSize() + " bytes");
          }
        }
        return page;
      }

      @Override
      public long getTotalValueCount() {
        return pages.getTotalValueCount();
      }

      @Override
      public DataPage readPage() {
        return pages.readPage();
      }
    };
  }

  private static long leastBytesPerEntry(ColumnDescriptor column) {
    return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
      case INT32, FLOAT, BINARY -> 4;
      case INT64, DOUBLE -> 8;
      case INT96 -> 12;
      case FIXED_LEN_BYTE_ARRAY -> Math.max(1, column.getPrimitiveType().getTypeLength());
      case BOOLEAN -> 0;
    };
  }

  private static InvalidTableException corrupt(String what) {
    return new InvalidTableException("file", "the Parquet file is corrupt: " + what);
  }
}
