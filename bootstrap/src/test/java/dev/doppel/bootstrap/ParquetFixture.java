package dev.doppel.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes a small Parquet table with parquet-hadoop, the way an uploader's tool would. */
final class ParquetFixture {
  private ParquetFixture() {}

  static byte[] penguinsLike() throws Exception {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message penguins { optional binary species (STRING); required double mass; required int64 count; }");
    Path file = Files.createTempFile("penguins", ".parquet");
    Files.delete(file);
    try (var writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .build()) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      String[] species = {"Adelie", "Gentoo", null, "Chinstrap", "Adelie"};
      for (int i = 0; i < species.length; i++) {
        Group row = groups.newGroup().append("mass", 3000.5 + i * 101.25).append("count", (long) (i * 3 % 5));
        if (species[i] != null) {
          row.append("species", species[i]);
        }
        writer.write(row);
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    return bytes;
  }
}
