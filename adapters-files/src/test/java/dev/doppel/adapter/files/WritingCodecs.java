package dev.doppel.adapter.files;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses test Parquet pages without Hadoop, using the native libraries parquet-hadoop's own
 * codecs use (snappy-java, zstd-jni), so that the reader's pure-Java decompression is checked
 * against independent implementations.
 */
final class WritingCodecs implements CompressionCodecFactory {
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        return BytesInput.from(WritingCodecs.compress(codec, bytes.toByteArray()));
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("this factory only writes");
  }

  @Override
  public void release() {}

  private static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
    return switch (codec) {
      case UNCOMPRESSED -> in;
      case SNAPPY -> Snappy.compress(in);
      case GZIP -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
          gzip.write(in);
        }
        yield out.toByteArray();
      }
      case ZSTD -> Zstd.compress(in, 3);
      case LZ4_RAW -> {
        Lz4Compressor lz4 = new Lz4Compressor();
        byte[] out = new byte[lz4.maxCompressedLength(in.length)];
        yield Arrays.copyOf(out, lz4.compress(in, 0, in.length, out, 0, out.length));
      }
      default -> throw new UnsupportedOperationException(codec + " is not available in tests");
    };
  }
}
