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
import dev.doppel.application.port.in.GivenValues;
import dev.doppel.application.port.in.ImputeBatchCommand;
import dev.doppel.application.port.in.ImputeBatchUseCase;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.SyntheticBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Batches")
@SecurityRequirement(name = "bearer")
public class BatchController {
  private static final int MAX_RULE_ID_LENGTH = 200;
  private final GenerateBatchUseCase generation;
  private final FindBatchesUseCase batches;
  private final CancelBatchUseCase cancellation;
  private final DeleteBatchUseCase deletion;
  private final ImputeBatchUseCase imputation;

  public BatchController(
      GenerateBatchUseCase generation, FindBatchesUseCase batches, CancelBatchUseCase cancellation, DeleteBatchUseCase deletion, ImputeBatchUseCase imputation) {
    this.generation = generation;
    this.imputation = imputation;
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
      @Schema(minimum = "1", description = "at most doppel.jobs.max-generated-rows; required unless partialRows gives the rows") Long count,
      Long seed,
      AnomalyRequest anomalies,
      @ArraySchema(
              arraySchema = @Schema(description = "ids of the model's rules (its rules[].id) this batch does not keep; every other rule is kept"),
              schema = @Schema(maxLength = MAX_RULE_ID_LENGTH))
          List<String> rulesOff,
      @Schema(description = GivenFields.CONDITIONS) Map<String, Object> conditions,
      @Schema(description = GivenFields.PARTIAL_ROWS) List<Map<String, Object>> partialRows,
      @Schema(description = GivenFields.SHARES) Map<String, Map<String, Double>> shares) {}

  @PostMapping("/api/generate")
  @Operation(summary = "Queue the generation of a batch", description = "Answers 202 with the batch; poll GET /api/synthetic/{id}.")
  @ApiResponse(responseCode = "202", description = "queued; Location names the batch")
  @ApiResponse(responseCode = "404", description = "modelId names no model of yours")
  @ApiResponse(
      responseCode = "400",
      description = "a field is invalid, such as a rulesOff id that is no rule of the model, or a condition the model cannot meet (a value never"
          + " seen, outside the learned bounds, on an id or text column, or a kind the algorithm cannot do); the problem names the field and column")
  @ApiResponse(responseCode = "409", description = "the model has not completed its training")
  @ApiResponse(responseCode = "503", description = "the engine could not check the conditions; try again")
  public ResponseEntity<BatchResponse> generate(@RequestBody GenerateRequest request, UserId caller) {
    if (request.modelId() == null) {
      throw new InvalidInputException("modelId", "modelId is required");
    }
    SyntheticBatch batch =
        generation.generate(
            new GenerateBatchCommand(
                caller, PathIds.model(request.modelId(), "modelId"), Optional.ofNullable(request.count()), anomalies(request.anomalies()), Optional.ofNullable(request.seed()), request.rulesOff(),
                new GivenValues(request.conditions(), request.partialRows(), request.shares())));
    return accepted(batch);
  }

  @PostMapping(path = "/api/models/{id}/impute", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Queue a batch that fills in the empty cells of a table",
      description = "The file (CSV, or Parquet when its name ends in .parquet) has every column of the model's dataset; the batch has its rows,"
          + " each empty cell filled by the model and every other cell kept. Poll GET /api/synthetic/{id} and download it as any batch.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
  @ApiResponse(responseCode = "202", description = "queued; Location names the batch")
  @ApiResponse(responseCode = "400", description = "the table lacks a column of the dataset, or a given value is impossible for the model (field file; the detail names the column)")
  @ApiResponse(responseCode = "404", description = "id names no model of yours")
  @ApiResponse(responseCode = "409", description = "the model has not completed its training")
  @ApiResponse(responseCode = "413", description = "the file is larger than the upload limit")
  public ResponseEntity<BatchResponse> impute(@PathVariable long id, @RequestPart("file") MultipartFile file, @RequestParam(name = "seed", required = false) Long seed, UserId caller) {
    try (InputStream content = file.getInputStream()) {
      return accepted(imputation.impute(new ImputeBatchCommand(caller, PathIds.model(id, "id"), file.getOriginalFilename(), content, Optional.ofNullable(seed))));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded file", e);
    }
  }

  private static ResponseEntity<BatchResponse> accepted(SyntheticBatch batch) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/synthetic/" + batch.id().value())).body(BatchResponse.from(batch));
  }

  /** The anomaly settings of a request, as generation and sampling both take them. */
  public static Optional<AnomalySpec> anomalies(AnomalyRequest anomalies) {
    return anomalies == null
        ? Optional.empty()
        : GenerateBatchCommand.anomalies(Boolean.TRUE.equals(anomalies.inject()), anomalies.ratio(), anomalies.labelColumn(), anomalies.kindColumn(), anomalies.kinds());
  }

  /** The anomalies asked for one table of a database, under {@code field}, which names a refused part: {@code anomalies.<table>.ratio}. */
  public static Optional<AnomalySpec> anomalies(String field, AnomalyRequest anomalies) {
    return anomalies == null
        ? Optional.empty()
        : GenerateBatchCommand.anomalies(
            field, Boolean.TRUE.equals(anomalies.inject()), anomalies.ratio(), anomalies.labelColumn(), anomalies.kindColumn(), anomalies.kinds());
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
