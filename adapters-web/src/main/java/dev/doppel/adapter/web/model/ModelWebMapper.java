package dev.doppel.adapter.web.model;

import dev.doppel.application.port.in.ModelView;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
public class ModelWebMapper {
  public ModelResponse toResponse(ModelView view) {
    SynthesisModel m = view.model();
    return new ModelResponse(
        m.id().value(),
        m.datasetId().value(),
        m.algorithm().name(),
        m.settings().values(),
        m.differentialPrivacy().map(dp -> dp.values()).orElse(null),
        m.seed().orElse(null),
        m.status().name(),
        view.queuePosition().orElse(null),
        m.progress()
            .map(p -> new ModelResponse.Progress(p.stage(), p.epoch().orElse(null), p.epochs().orElse(null), p.fraction().orElse(null), p.metrics(), p.elapsedSeconds()))
            .orElse(null),
        m.lossHistory().stream().map(p -> new ModelResponse.LossPoint(p.epoch(), p.metrics())).toList(),
        m.summary()
            .map(s -> new ModelResponse.Summary(
                s.fitSeconds(), s.finalMetrics(), s.warnings(), s.privacySpent().map(p -> new ModelResponse.PrivacySpent(p.epsilon(), p.delta())).orElse(null)))
            .orElse(null),
        m.createdAt(),
        orNull(m.startedAt()),
        orNull(m.finishedAt()),
        m.error().orElse(null),
        view.evaluation().map(ModelWebMapper::evaluation).orElse(new ModelResponse.EvaluationState("NONE", null, null, null)),
        m.rules().stream().map(r -> new ModelResponse.Rule(r.id(), r.kind(), r.columns(), r.text(), r.realShare())).toList(),
        m.encodings().stream().map(e -> new ModelResponse.Encoding(e.column(), e.encoding(), e.reason())).toList());
  }

  private static ModelResponse.EvaluationState evaluation(Evaluation e) {
    return new ModelResponse.EvaluationState(
        e.status().name(), e.report().map(r -> r.qualityScore()).orElse(null), e.report().map(r -> r.privacyScore()).orElse(null), e.error().orElse(null));
  }

  private static Instant orNull(Optional<Instant> value) {
    return value.orElse(null);
  }
}
