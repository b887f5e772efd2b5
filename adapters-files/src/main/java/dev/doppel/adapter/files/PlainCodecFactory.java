package dev.doppel.adapter.files;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses Parquet pages without Hadoop. Parquet's own codec factory builds a Hadoop {@code
 * Configuration} for every compressed codec, which needs the whole Hadoop client runtime on the
 * class path; the common codecs are plain byte transforms that aircompressor (already brought by
 * parquet-hadoop, pure Java, so no native library to unpack) and the JDK's gzip do directly.
 *
 * <p>A page's decompressed size is what its header declares, so it is checked against a limit
 * before the page's buffer is allocated.
 */
final class PlainCodecFactory implements CompressionCodecFactory {
  private final long maxPageBytes;

  PlainCodecFactory(long maxPageBytes) {
    this.maxPageBytes = maxPageBytes;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("this factory only reads");
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> {}
      default ->
          throw new InvalidTableException(
              "file", "the Parquet file is compressed with " + codec + ", which is not supported; use Snappy, Gzip, Zstd, LZ4_RAW or none");
    }
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
          return bytes;
        }
        checkPageSize(decompressedSize);
        return BytesInput.from(PlainCodecFactory.decompress(codec, bytes.toByteArray(), decompressedSize));
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) throws IOException {
        if (compressedSize < 0 || compressedSize > input.remaining()) {
          throw new IOException("a page declares " + compressedSize + " bytes but only " + input.remaining() + " follow");
        }
        checkPageSize(decompressedSize);
        byte[] compressed = new byte[compressedSize];
        input.get(compressed);
        output.put(codec == CompressionCodecName.UNCOMPRESSED ? compressed : PlainCodecFactory.decompress(codec, compressed, decompressedSize));
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private void checkPageSize(int decompressedSize) throws IOException {
    if (decompressedSize < 0) {
      throw new IOException("a page declares a negative size");
    }
    if (decompressedSize > maxPageBytes) {
      throw new PayloadTooLargeException(
          "file", "the Parquet file has a page of " + decompressedSize + " bytes; the limit is " + maxPageBytes + " (write it with smaller pages)");
    }
  }

  private static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
    byte[] out = new byte[size];
    int produced;
    try {
      produced =
          switch (codec) {
            case GZIP -> gunzip(in, out);
            case SNAPPY -> decompress(new SnappyDecompressor(), in, out);
            case ZSTD -> decompress(new ZstdDecompressor(), in, out);
            case LZ4_RAW -> decompress(new Lz4Decompressor(), in, out);
            default -> throw new IllegalStateException("unsupported codec " + codec);
          };
    } catch (MalformedInputException e) {
      throw new IOException(codec + " page is corrupt: " + e.getMessage(), e);
    }
    if (produced != size) {
      throw new IOException(codec + " page holds " + produced + " bytes instead of " + size);
    }
    return out;
  }

  private static int decompress(Decompressor decompressor, byte[] in, byte[] out) {
    return decompressor.decompress(in, 0, in.length, out, 0, out.length);
  }

  private static int gunzip(byte[] in, byte[] out) throws IOException {
    try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
      return gzip.readNBytes(out, 0, out.length);
    }
  }
}
