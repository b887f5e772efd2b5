package dev.doppel.application.port.in;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.util.Optional;

/**
 * A model as its owner sees it: its state, where it waits in the queue, and its evaluation.
 *
 * @param queuePosition models queued before this one (0 = next), while PENDING
 */
public record ModelView(SynthesisModel model, Optional<Integer> queuePosition, Optional<Evaluation> evaluation) {}
