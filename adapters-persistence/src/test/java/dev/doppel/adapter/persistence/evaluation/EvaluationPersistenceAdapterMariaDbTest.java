package dev.doppel.adapter.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class EvaluationPersistenceAdapterMariaDbTest extends EvaluationPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }

  @Test
  void storesTheReportAsJsonTheDatabaseCanQuery() throws Exception {
    evaluations.save(Evaluation.requested(model.id(), T0).start(T1).complete(new EvaluationReport(0.5, 0.5, largeReport()), T2));

    assertThat(jdbc.queryForObject("SELECT JSON_VALID(report) FROM model_evaluations WHERE model_id = ?", Integer.class,
        model.id().value())).isOne();
    assertThat(jdbc.queryForObject("SELECT JSON_LENGTH(report, '$.columns') FROM model_evaluations WHERE model_id = ?",
        Integer.class, model.id().value())).isEqualTo(200);
  }
}
