package dev.doppel.adapter.engine.entrypoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.application.port.out.Cancellation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one ai-engine entry point's command line ({@code python -u train.py --data ...}) to its end:
 * as a local process, or as a job on a cluster. Its JSON event lines go to {@code events} as they
 * arrive (see {@link EngineEventLines}).
 */
public interface EntryPointRunner {

  /**
   * @param command the interpreter, its flags, the entry point's script and its arguments
   * @param timeout the run is stopped past it, and its outcome says so
   * @param cancellation stops the run when cancelled, and its outcome says so
   * @throws IOException when the run could not be started
   */
  EntryPointOutcome run(List<String> command, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events) throws IOException;
}
