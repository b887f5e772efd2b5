package dev.doppel.adapter.web.relational;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.batch.BatchController;
import dev.doppel.application.port.in.CancelDatabaseModelUseCase;
import dev.doppel.application.port.in.DeleteDatabaseModelUseCase;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.FindDatabaseModelsUseCase;
import dev.doppel.application.port.in.GenerateDatabaseCommand;
import dev.doppel.application.port.in.GenerateDatabaseUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.TrainDatabaseCommand;
import dev.doppel.application.port.in.TrainDatabaseUseCase;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Models of a project's related tables, and the synthetic databases generated from them. */
@RestController
@Tag(name = "Databases")
@SecurityRequirement(name = "bearer")
public class DatabaseModelController {
  private final TrainDatabaseUseCase training;
  private final FindDatabaseModelsUseCase models;
  private final CancelDatabaseModelUseCase cancellation;
  private final DeleteDatabaseModelUseCase deletion;
  private final GenerateDatabaseUseCase generation;
  private final FindDatabaseBatchesUseCase batches;

  public DatabaseModelController(
      TrainDatabaseUseCase training, FindDatabaseModelsUseCase models, CancelDatabaseModelUseCase cancellation, DeleteDatabaseModelUseCase deletion,
      GenerateDatabaseUseCase generation, FindDatabaseBatchesUseCase batches) {
    this.training = training;
    this.models = models;
    this.cancellation = cancellation;
    this.deletion = deletion;
    this.generation = generation;
    this.batches = batches;
  }

  public record DatabaseTrainRequest(
      @Schema(
              requiredMode = REQUIRED, pattern = "^" + Algorithm.NAME_PATTERN + "$",
              description = "a name from GET /api/algorithms whose relational entry says linkedTables (and sequences, when a relationship has orderBy)")
          String algorithm,
      @Schema(description = "hyper-parameters under the catalogue's names, for every table") Map<String, Object> settings,
      Long seed) {}

  public record DatabaseGenerateRequest(
      @Schema(requiredMode = REQUIRED, minimum = "0.001", maximum = "100", description = "what the root tables' real rows are multiplied by")
          Double scale,
      Long seed,
      @Schema(
              description = "labelled anomalies by table name, each as POST /api/generate takes them; a table left out gets none. Keys, foreign"
                  + " keys and orderBy columns are never made anomalous, so every foreign key still resolves")
          Map<String, BatchController.AnomalyRequest> anomalies,
      @Schema(
              description = "fixed values by table name, each as POST /api/generate's conditions (column -> value): every row of the table carries"
                  + " them. Only tables without a parent take them (their children follow their rows); key columns cannot be fixed")
          Map<String, Map<String, Object>> conditions) {}

  @PostMapping("/api/projects/{projectId}/database-models")
  @Operation(
      summary = "Queue the training of the project's related tables",
      description =
          "Trains every dataset that takes part in a relationship of the project's schema (GET /api/projects/{projectId}/schema), parents first,"
              + " each child under its parent; a relationship with orderBy is learned as a sequence. The tables and relationships are kept as they"
              + " are now. Answers 202 at once; poll GET /api/database-models/{id}.")
  @ApiResponse(responseCode = "202", description = "queued; Location names the database model")
  @ApiResponse(
      responseCode = "400",
      description = "the project declares no relationship (projectId), the algorithm is unknown or cannot learn related tables or sequences (algorithm),"
          + " or a setting is refused (settings.<name>)")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  @ApiResponse(responseCode = "429", description = "you have as many jobs queued or running as you may")
  @ApiResponse(responseCode = "503", description = "the engine cannot tell which algorithms it offers")
  public ResponseEntity<DatabaseModelResponse> train(@PathVariable long projectId, @RequestBody DatabaseTrainRequest request, UserId caller) {
    DatabaseModel model =
        training.train(new TrainDatabaseCommand(
            caller, PathIds.project(projectId, "projectId"), request.algorithm(), request.settings(), Optional.ofNullable(request.seed())));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/database-models/" + model.id().value()))
        .body(DatabaseModelResponse.from(model));
  }

  @GetMapping("/api/projects/{projectId}/database-models")
  @Operation(summary = "The project's database models, newest first")
  @ApiResponse(responseCode = "200", description = "the database models, newest first")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  public List<DatabaseModelResponse> list(@PathVariable long projectId, UserId caller) {
    return models.listByProject(caller, PathIds.project(projectId, "projectId")).stream().map(DatabaseModelResponse::from).toList();
  }

  @GetMapping("/api/database-models/{id}")
  @Operation(summary = "A database model: status, progress (the table being learned), tables, relationships and per-table summary")
  @ApiResponse(responseCode = "200", description = "the database model")
  @ApiResponse(responseCode = "404", description = "no database model of yours has this id")
  public DatabaseModelResponse get(@PathVariable long id, UserId caller) {
    return DatabaseModelResponse.from(models.get(caller, PathIds.databaseModel(id, "id")));
  }

  @PostMapping("/api/database-models/{id}/cancel")
  @Operation(summary = "Stop a queued or running database training")
  @ApiResponse(responseCode = "200", description = "the database model, stopped")
  @ApiResponse(responseCode = "404", description = "no database model of yours has this id")
  @ApiResponse(responseCode = "409", description = "the training has already finished")
  public DatabaseModelResponse cancel(@PathVariable long id, UserId caller) {
    return DatabaseModelResponse.from(cancellation.cancel(caller, PathIds.databaseModel(id, "id")));
  }

  @DeleteMapping("/api/database-models/{id}")
  @Operation(summary = "Delete a database model with its batches, their evaluations and files; its jobs are stopped first")
  @ApiResponse(responseCode = "204", description = "deleted")
  @ApiResponse(responseCode = "404", description = "no database model of yours has this id")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.databaseModel(id, "id"));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/database-models/{id}/generate")
  @Operation(
      summary = "Queue the generation of a synthetic database",
      description =
          "Every table of the model, parents first: the root tables get their real rows times scale, children as many rows per parent as the"
              + " model gives; every foreign key names a synthetic parent and primary keys are unique. With anomalies, the tables named get"
              + " exactly round(ratio × rows) labelled anomalous rows (the batch's tables[].anomalyRows). With conditions, every row of each"
              + " table named carries its fixed values; a value the model never learned fails the batch with the engine's reason. Answers 202"
              + " at once; poll GET"
              + " /api/database-batches/{id}.")
  @ApiResponse(responseCode = "202", description = "queued; Location names the database batch")
  @ApiResponse(
      responseCode = "400",
      description = "scale is missing, below 0.001 or above 100, the seed is out of range, anomalies name a table the model does not have"
          + " (anomalies.<table>, listing its tables) or a table's anomalies are refused (anomalies.<table>.<field>), conditions name a table the"
          + " model does not have or one with a parent, or a table's conditions are not one value per column (conditions.<table>)")
  @ApiResponse(responseCode = "404", description = "no database model of yours has this id")
  @ApiResponse(responseCode = "409", description = "the database model has not completed its training")
  @ApiResponse(responseCode = "429", description = "you have as many jobs queued or running as you may")
  public ResponseEntity<DatabaseBatchResponse> generate(@PathVariable long id, @RequestBody DatabaseGenerateRequest request, UserId caller) {
    if (request.scale() == null) {
      throw new InvalidInputException("scale", "scale is required");
    }
    DatabaseBatch batch =
        generation.generate(new GenerateDatabaseCommand(
            caller, PathIds.databaseModel(id, "id"), request.scale(), Optional.ofNullable(request.seed()), anomalies(request.anomalies()),
            GenerateDatabaseCommand.conditions(request.conditions())));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/database-batches/" + batch.id().value()))
        .body(DatabaseBatchResponse.from(batch));
  }

  private static Map<String, AnomalySpec> anomalies(Map<String, BatchController.AnomalyRequest> requested) {
    Map<String, AnomalySpec> anomalies = new LinkedHashMap<>();
    if (requested != null) {
      requested.forEach((table, request) -> BatchController.anomalies("anomalies." + table, request).ifPresent(spec -> anomalies.put(table, spec)));
    }
    return anomalies;
  }

  @GetMapping("/api/database-models/{id}/batches")
  @Operation(summary = "The database batches generated from a database model, newest first")
  @ApiResponse(responseCode = "200", description = "the database batches, newest first")
  @ApiResponse(responseCode = "404", description = "no database model of yours has this id")
  public List<DatabaseBatchResponse> batches(@PathVariable long id, UserId caller) {
    return batches.listByModel(caller, PathIds.databaseModel(id, "id")).stream().map(DatabaseBatchResponse::from).toList();
  }

  @GetMapping("/api/database-batches/{id}")
  @Operation(summary = "A database batch: status, the anomalies asked for, and rows and anomaly rows per table")
  @ApiResponse(responseCode = "200", description = "the database batch")
  @ApiResponse(responseCode = "404", description = "no database batch of yours has this id")
  public DatabaseBatchResponse batch(@PathVariable long id, UserId caller) {
    return DatabaseBatchResponse.from(batches.get(caller, PathIds.databaseBatch(id, "id")));
  }
}
