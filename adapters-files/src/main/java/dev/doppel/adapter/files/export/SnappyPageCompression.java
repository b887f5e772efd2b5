package dev.doppel.adapter.files.export;

import io.airlift.compress.snappy.SnappyCompressor;
import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses Parquet pages with Snappy in pure Java (aircompressor, which the reader already uses to
 * decompress). Parquet's own codec factory would build a Hadoop {@code Configuration} and load
 * snappy-java's native library; this needs neither.
 */
final class SnappyPageCompression implements CompressionCodecFactory {
  static final SnappyPageCompression INSTANCE = new SnappyPageCompression();

  private SnappyPageCompression() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    if (codec != CompressionCodecName.SNAPPY) {
      throw new IllegalArgumentException("only Snappy is available, not " + codec);
    }
    return new BytesInputCompressor() {
      private final SnappyCompressor snappy = new SnappyCompressor();

      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        byte[] input = bytes.toByteArray();
        byte[] output = new byte[snappy.maxCompressedLength(input.length)];
        int size = snappy.compress(input, 0, input.length, output, 0, output.length);
        return BytesInput.from(output, 0, size);
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.SNAPPY;
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
}
