package dev.doppel.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trainingWorkers trainings that run at once; the rest wait in the queue
 * @param generationWorkers generations that run at once
 * @param evaluationWorkers evaluations that run at once
 * @param maxGeneratedRows the largest count one generation may ask for
 * @param maxSampledRows the most rows one synchronous sample (POST /api/models/{id}/sample) may ask for
 * @param evaluationRows rows generated for, and compared in, each model's evaluation
 * @param leaseDuration how long a running job's lease lasts unless its node renews it: how soon
 *     another node recovers the job of a node that stopped
 */
@ConfigurationProperties(prefix = "doppel.jobs")
public record JobProperties(
    int trainingWorkers, int generationWorkers, int evaluationWorkers, long maxGeneratedRows, int maxSampledRows, int evaluationRows, Duration progressWriteInterval,
    Duration leaseDuration) {
  public JobProperties {
    trainingWorkers = trainingWorkers <= 0 ? 1 : trainingWorkers;
    generationWorkers = generationWorkers <= 0 ? 1 : generationWorkers;
    evaluationWorkers = evaluationWorkers <= 0 ? 1 : evaluationWorkers;
    maxGeneratedRows = maxGeneratedRows <= 0 ? 10_000_000 : maxGeneratedRows;
    maxSampledRows = maxSampledRows <= 0 ? 10_000 : maxSampledRows;
    evaluationRows = evaluationRows <= 0 ? 20_000 : evaluationRows;
    progressWriteInterval = progressWriteInterval == null ? Duration.ofSeconds(1) : progressWriteInterval;
    leaseDuration = leaseDuration == null ? Duration.ofSeconds(60) : leaseDuration;
  }
}
