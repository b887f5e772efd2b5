package dev.doppel.application.port.in;

import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.io.InputStream;
import java.util.Optional;

/**
 * A table with every column of the model's dataset and some empty cells, to come back as a batch
 * with every empty cell filled by the model.
 *
 * @param fileName the client's file name: a {@code .parquet} one is read as Parquet, any other as CSV
 */
public record ImputeBatchCommand(UserId owner, ModelId model, String fileName, InputStream content, Optional<Long> seed) {
  public ImputeBatchCommand {
    Require.present("owner", owner);
    Require.present("id", model);
    Require.present("file", content);
    fileName = fileName == null ? "" : fileName;
    seed = Require.seed(seed);
  }
}
