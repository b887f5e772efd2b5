package dev.doppel.adapter.web.model;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.EvaluateModelCommand;
import dev.doppel.application.port.in.EvaluateModelUseCase;
import dev.doppel.application.port.in.GetEvaluationQuery;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.CancelModelUseCase;
import dev.doppel.application.port.in.DeleteModelUseCase;
import dev.doppel.application.port.in.FindModelsUseCase;
import dev.doppel.application.port.in.FindProjectsUseCase;
import dev.doppel.application.port.in.ModelView;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.TrainModelCommand;
import dev.doppel.application.port.in.TrainModelUseCase;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.PrivacySpent;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/models")
@Tag(name = "Models")
@SecurityRequirement(name = "bearer")
public class ModelController {
  /** "train" is no id: GET or DELETE /api/models/train answers 405 (Allow: POST), not "id must be a number". */
  private static final String MODEL = "/{id:(?!train$).+}";

  private final TrainModelUseCase training;
  private final FindModelsUseCase models;
  private final CancelModelUseCase cancellation;
  private final DeleteModelUseCase deletion;
  private final FindProjectsUseCase projects;
  private final GetEvaluationQuery evaluations;
  private final EvaluateModelUseCase evaluate;
  private final ObjectMapper json;

  public ModelController(
      TrainModelUseCase training, FindModelsUseCase models, CancelModelUseCase cancellation, DeleteModelUseCase deletion, FindProjectsUseCase projects,
      GetEvaluationQuery evaluations, EvaluateModelUseCase evaluate, ObjectMapper json) {
    this.training = training;
    this.models = models;
    this.cancellation = cancellation;
    this.deletion = deletion;
    this.projects = projects;
    this.evaluations = evaluations;
    this.evaluate = evaluate;
    this.json = json;
  }

  /**
   * {@code epochs} and {@code batchSize} are shortcuts for the settings of the same meaning; every
   * other hyper-parameter goes in {@code settings} under the name the catalogue gives it.
   */
  public record TrainRequest(
      @Schema(requiredMode = REQUIRED) Long datasetId,
      @Schema(requiredMode = REQUIRED, pattern = "^" + Algorithm.NAME_PATTERN + "$", description = "a name from GET /api/algorithms") String algorithm,
      Integer epochs,
      Integer batchSize,
      Map<String, Object> settings,
      Map<String, Object> differentialPrivacy,
      Long seed) {}

  @PostMapping("/train")
  @Operation(
      summary = "Queue a training job",
      description = "Validated against GET /api/algorithms; answers 202 at once with the model id. Poll GET /api/models/{id}/status.")
  @ApiResponse(responseCode = "202", description = "queued; Location names the model")
  @ApiResponse(responseCode = "404", description = "datasetId names no dataset of yours")
  @ApiResponse(responseCode = "503", description = "the engine cannot tell which algorithms it offers")
  public ResponseEntity<ModelResponse> train(@RequestBody TrainRequest request, UserId caller) {
    if (request.datasetId() == null) {
      throw new InvalidInputException("datasetId", "datasetId is required");
    }
    Map<String, Object> settings = new HashMap<>(request.settings() == null ? Map.of() : request.settings());
    if (request.epochs() != null) {
      settings.put("epochs", request.epochs());
    }
    if (request.batchSize() != null) {
      settings.put("batch_size", request.batchSize());
    }
    ModelView view =
        training.train(
            new TrainModelCommand(
                caller, PathIds.dataset(request.datasetId(), "datasetId"), request.algorithm(), settings, Optional.ofNullable(request.differentialPrivacy()),
                Optional.ofNullable(request.seed())));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/models/" + view.model().id().value()))
        .body(ModelResponse.from(view));
  }

  @GetMapping
  @Operation(summary = "List models of a dataset (datasetId), of a project (projectId) or, with neither, all yours; newest first")
  @ApiResponse(responseCode = "200", description = "the models, newest first")
  @ApiResponse(responseCode = "404", description = "datasetId or projectId names nothing of yours")
  public List<ModelResponse> list(
      @RequestParam(name = "datasetId", required = false) Long datasetId,
      @RequestParam(name = "projectId", required = false) Long projectId,
      UserId caller) {
    List<ModelView> views;
    if (datasetId != null) {
      views = models.listByDataset(caller, PathIds.dataset(datasetId, "datasetId"));
    } else if (projectId != null) {
      views = models.listByProject(caller, PathIds.project(projectId, "projectId"));
    } else {
      views =
          projects.list(caller).stream()
              .flatMap(project -> models.listByProject(caller, project.id()).stream())
              .sorted(Comparator.comparing((ModelView v) -> v.model().createdAt()).reversed())
              .toList();
    }
    return views.stream().map(ModelResponse::from).toList();
  }

  @GetMapping(MODEL)
  @Operation(summary = "A model with its settings, status and training summary")
  public ModelResponse get(@PathVariable long id, UserId caller) {
    return ModelResponse.from(models.get(caller, PathIds.model(id, "id")));
  }

  @GetMapping("/{id}/status")
  @Operation(summary = "Training status: progress (epoch i of n, losses), queue position, timings, error")
  public ModelResponse status(@PathVariable long id, UserId caller) {
    return get(id, caller);
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Stop a queued or running training")
  @ApiResponse(responseCode = "200", description = "the model, stopped")
  @ApiResponse(responseCode = "409", description = "the training has already finished")
  public ModelResponse cancel(@PathVariable long id, UserId caller) {
    return ModelResponse.from(cancellation.cancel(caller, PathIds.model(id, "id")));
  }

  @DeleteMapping(MODEL)
  @Operation(summary = "Delete a model with its batches, evaluation and files")
  @ApiResponse(responseCode = "204", description = "deleted")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.model(id, "id"));
    return ResponseEntity.noContent().build();
  }

  /** @param target the column the utility test predicts; left out, the engine chooses */
  public record EvaluateRequest(@Schema(description = "a column of the model's table (GET /api/datasets/{id} lists them); left out, the engine chooses") String target) {}

  @PostMapping("/{id}/evaluation")
  @Operation(
      summary = "Evaluate a trained model again",
      description = "Queues a new evaluation that replaces the report when done, optionally with the column the utility test predicts; answers 202 at once. Poll GET /api/models/{id}/evaluation.")
  @ApiResponse(responseCode = "202", description = "queued")
  @ApiResponse(responseCode = "400", description = "target is not a column of the model's table")
  @ApiResponse(responseCode = "409", description = "the model has not completed its training, or an evaluation is pending or running")
  public ResponseEntity<EvaluationResponse> evaluate(
      @PathVariable long id, @RequestBody(required = false) EvaluateRequest request, UserId caller) {
    // The evaluation as queued: a fast engine may already have finished it, but this answer is 202.
    Evaluation queued = evaluate.evaluate(new EvaluateModelCommand(caller, PathIds.model(id, "id"), Optional.ofNullable(request).map(EvaluateRequest::target)));
    return evaluationResponse(id, queued, caller);
  }

  @GetMapping("/{id}/evaluation")
  @Operation(
      summary = "Quality and privacy report",
      description = "200 with the report when computed; 202 while pending or running; 200 with status FAILED and the reason; 404 before training completed.")
  @ApiResponse(responseCode = "200", description = "the report, or status FAILED with the reason")
  @ApiResponse(responseCode = "202", description = "the evaluation is pending or running")
  public ResponseEntity<EvaluationResponse> evaluation(@PathVariable long id, UserId caller) {
    Evaluation evaluation =
        evaluations
            .evaluation(caller, PathIds.model(id, "id"))
            .orElseThrow(() -> new NotFoundException("evaluation of model", id, "id"));
    return evaluationResponse(id, evaluation, caller);
  }

  private ResponseEntity<EvaluationResponse> evaluationResponse(long id, Evaluation evaluation, UserId caller) {
    Optional<PrivacySpent> spent = models.get(caller, PathIds.model(id, "id")).model().summary().flatMap(s -> s.privacySpent());
    EvaluationResponse body = EvaluationResponse.from(id, evaluation, spent, evaluation.report().map(report -> ReportDocument.read(json, report)));
    boolean inProgress = evaluation.status() == EvaluationStatus.PENDING || evaluation.status() == EvaluationStatus.RUNNING;
    return ResponseEntity.status(inProgress ? HttpStatus.ACCEPTED : HttpStatus.OK).body(body);
  }
}
