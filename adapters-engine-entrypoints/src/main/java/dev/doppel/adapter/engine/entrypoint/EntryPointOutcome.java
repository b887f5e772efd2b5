package dev.doppel.adapter.engine.entrypoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How a run of an entry point ended.
 *
 * @param exitCode the entry point's exit code; -1 when it is not known (the run was killed)
 * @param completed its {@code completed} event, when it printed one
 * @param error its {@code error} event, when it printed one
 * @param stderrTail the last lines it wrote that were not events, for the log
 * @param timedOut whether it was stopped for running past its time limit
 * @param cancelled whether it was stopped because its job was cancelled
 * @param interrupted whether it was stopped because the application is shutting down
 */
public record EntryPointOutcome(
    int exitCode, Optional<JsonNode> completed, Optional<JsonNode> error, String stderrTail, boolean timedOut, boolean cancelled, boolean interrupted) {}
