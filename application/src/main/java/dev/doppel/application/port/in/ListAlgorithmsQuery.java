package dev.doppel.application.port.in;

import dev.doppel.domain.synthesis.AlgorithmCatalogue;

public interface ListAlgorithmsQuery {
  /** The algorithms the installed engine offers, as it describes them. */
  AlgorithmCatalogue catalogue();
}
