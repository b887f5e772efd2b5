package dev.doppel.application.port.in;

import java.time.Duration;
import java.util.List;

/** Samples a few rows from a trained model within the request, for a quick look. */
public interface SampleModelUseCase {
  /**
   * @throws ConflictException when the model has not completed its training
   * @throws InvalidInputException when a field is impossible, naming it
   */
  SampledRows sample(SampleModelCommand command);

  /**
   * @param content the rows in the asked format
   * @param columns the columns of every row, in order
   * @param seed the seed used: the same seed gives the same rows
   * @param modelLoaded whether the engine had to load the model for this request
   * @param took how long the engine took
   */
  record SampledRows(String mediaType, byte[] content, List<String> columns, long rows, long anomalyRows, long seed, boolean modelLoaded, Duration took) {}
}
