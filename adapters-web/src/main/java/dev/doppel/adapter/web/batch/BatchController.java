package dev.doppel.adapter.web.batch;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.domain.user.UserId;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.GenerateBatchCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.CancelBatchUseCase;
import dev.doppel.application.port.in.DeleteBatchUseCase;
import dev.doppel.application.port.in.FindBatchesUseCase;
import dev.doppel.application.port.in.GenerateBatchUseCase;
import dev.doppel.domain.batch.SyntheticBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Batches")
@SecurityRequirement(name = "bearer")
public class BatchController {
  private static final int MAX_RULE_ID_LENGTH = 200;
  private final GenerateBatchUseCase generation;
  private final FindBatchesUseCase batches;
  private final CancelBatchUseCase cancellation;
  private final DeleteBatchUseCase deletion;

  public BatchController(GenerateBatchUseCase generation, FindBatchesUseCase batches, CancelBatchUseCase cancellation, DeleteBatchUseCase deletion) {
    this.generation = generation;
    this.batches = batches;
    this.cancellation = cancellation;
    this.deletion = deletion;
  }

  /**
   * @param labelColumn name of the boolean anomaly label (default is_anomaly)
   * @param kindColumn name of a column naming each anomaly's kind (left out by default)
   */
  public record AnomalyRequest(Boolean inject, Double ratio, String labelColumn, String kindColumn, List<String> kinds) {}

  /** @param rulesOff ids of the model's rules (GET /api/models/{id} lists them) this batch does not keep */
  public record GenerateRequest(
      @Schema(requiredMode = REQUIRED) Long modelId,
      @Schema(requiredMode = REQUIRED, minimum = "1", description = "at most doppel.jobs.max-generated-rows") Long count,
      Long seed,
      AnomalyRequest anomalies,
      @ArraySchema(
              arraySchema = @Schema(description = "ids of the model's rules (its rules[].id) this batch does not keep; every other rule is kept"),
              schema = @Schema(maxLength = MAX_RULE_ID_LENGTH))
          List<String> rulesOff) {}

  @PostMapping("/api/generate")
  @Operation(summary = "Queue the generation of a batch", description = "Answers 202 with the batch; poll GET /api/synthetic/{id}.")
  @ApiResponse(responseCode = "202", description = "queued; Location names the batch")
  @ApiResponse(responseCode = "404", description = "modelId names no model of yours")
  @ApiResponse(responseCode = "400", description = "a field is invalid, such as a rulesOff id that is no rule of the model; the problem names it")
  @ApiResponse(responseCode = "409", description = "the model has not completed its training")
  public ResponseEntity<BatchResponse> generate(@RequestBody GenerateRequest request, UserId caller) {
    if (request.modelId() == null) {
      throw new InvalidInputException("modelId", "modelId is required");
    }
    if (request.count() == null) {
      throw new InvalidInputException("count", "count is required");
    }
    AnomalyRequest anomalies = request.anomalies();
    SyntheticBatch batch =
        generation.generate(
            new GenerateBatchCommand(
                caller,
                PathIds.model(request.modelId(), "modelId"),
                request.count(),
                anomalies == null
                    ? Optional.empty()
                    : GenerateBatchCommand.anomalies(Boolean.TRUE.equals(anomalies.inject()), anomalies.ratio(), anomalies.labelColumn(), anomalies.kindColumn(), anomalies.kinds()),
                Optional.ofNullable(request.seed()),
                request.rulesOff()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/synthetic/" + batch.id().value())).body(BatchResponse.from(batch));
  }

  @GetMapping("/api/models/{id}/batches")
  @Operation(summary = "Batches generated from a model, newest first")
  public List<BatchResponse> list(@PathVariable long id, UserId caller) {
    return batches.listByModel(caller, PathIds.model(id, "id")).stream().map(BatchResponse::from).toList();
  }

  @GetMapping("/api/synthetic/{id}")
  @Operation(summary = "A batch: status, progress, and its file's rows, size and checksum once completed")
  public BatchResponse get(@PathVariable long id, UserId caller) {
    return BatchResponse.from(batches.get(caller, PathIds.batch(id, "id")));
  }

  @PostMapping("/api/synthetic/{id}/cancel")
  @Operation(summary = "Stop a queued or generating batch")
  @ApiResponse(responseCode = "200", description = "the batch, stopped")
  @ApiResponse(responseCode = "409", description = "the batch has already finished")
  public BatchResponse cancel(@PathVariable long id, UserId caller) {
    return BatchResponse.from(cancellation.cancel(caller, PathIds.batch(id, "id")));
  }

  @DeleteMapping("/api/synthetic/{id}")
  @Operation(summary = "Delete a batch and its file")
  @ApiResponse(responseCode = "204", description = "deleted")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.batch(id, "id"));
    return ResponseEntity.noContent().build();
  }
}
