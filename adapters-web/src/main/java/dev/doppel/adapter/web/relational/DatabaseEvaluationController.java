package dev.doppel.adapter.web.relational;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.EvaluateDatabaseBatchUseCase;
import dev.doppel.application.port.in.GetDatabaseEvaluationQuery;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** How faithful a synthetic database is to the real tables, as a whole: per table and per relationship. */
@RestController
@Tag(name = "Databases")
@SecurityRequirement(name = "bearer")
public class DatabaseEvaluationController {
  private static final String EVALUATION = "/api/database-batches/{id}/evaluation";

  private final EvaluateDatabaseBatchUseCase evaluate;
  private final GetDatabaseEvaluationQuery evaluations;
  private final ObjectMapper json;

  public DatabaseEvaluationController(EvaluateDatabaseBatchUseCase evaluate, GetDatabaseEvaluationQuery evaluations, ObjectMapper json) {
    this.evaluate = evaluate;
    this.evaluations = evaluations;
    this.json = json;
  }

  @PostMapping(EVALUATION)
  @Operation(
      summary = "Evaluate a synthetic database again",
      description = "A batch is evaluated on its own when it completes; this queues a new evaluation that replaces the report when done and answers 202 at once."
          + " Poll GET /api/database-batches/{id}/evaluation.")
  @ApiResponse(responseCode = "202", description = "queued")
  @ApiResponse(responseCode = "404", description = "no database batch of yours has this id")
  @ApiResponse(responseCode = "409", description = "the batch has not completed, or an evaluation of it is pending or running")
  public ResponseEntity<DatabaseEvaluationResponse> evaluate(@PathVariable long id, UserId caller) {
    // The evaluation as queued: a fast engine may already have finished it, but this answer is 202.
    DatabaseEvaluation queued = evaluate.evaluate(caller, PathIds.databaseBatch(id, "id"));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(DatabaseEvaluationResponse.from(queued, json));
  }

  @GetMapping(EVALUATION)
  @Operation(
      summary = "Relational report of a synthetic database",
      description = "200 with the report when computed, or with status FAILED and the reason; 202 while pending or running; 404 before the batch completed.")
  @ApiResponse(responseCode = "200", description = "the report, or status FAILED with the reason")
  @ApiResponse(responseCode = "202", description = "the evaluation is pending or running")
  @ApiResponse(responseCode = "404", description = "no database batch of yours has this id, or it has not been evaluated")
  public ResponseEntity<DatabaseEvaluationResponse> evaluation(@PathVariable long id, UserId caller) {
    DatabaseEvaluation evaluation =
        evaluations.evaluation(caller, PathIds.databaseBatch(id, "id")).orElseThrow(() -> new NotFoundException("evaluation of database batch", id, "id"));
    HttpStatus status = evaluation.status().isFinished() ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).body(DatabaseEvaluationResponse.from(evaluation, json));
  }
}
