package dev.doppel.adapter.web.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.GetEvaluationQuery;
import dev.doppel.application.port.in.FindDatasetsUseCase;
import dev.doppel.application.port.in.FindModelsUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A model's evaluation as a file to keep, print or pass on: one HTML page with its charts inside. */
@RestController
@Tag(name = "Models")
@SecurityRequirement(name = "bearer")
public class EvaluationReportController {
  static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final FindModelsUseCase models;
  private final FindDatasetsUseCase datasets;
  private final GetEvaluationQuery evaluations;
  private final ObjectMapper json;

  public EvaluationReportController(FindModelsUseCase models, FindDatasetsUseCase datasets, GetEvaluationQuery evaluations, ObjectMapper json) {
    this.models = models;
    this.datasets = datasets;
    this.evaluations = evaluations;
    this.json = json;
  }

  @GetMapping("/api/models/{id}/evaluation/report")
  @Operation(
      summary = "The evaluation as one self-contained HTML file",
      description = "Realism in plain words, what gives synthetic rows away with real-vs-synthetic charts, rules kept, fidelity per column, "
          + "privacy, utility and the model's facts; inline CSS and SVG, no script, nothing fetched. An attachment named after the dataset and model. "
          + "404 before training completed, as GET /api/models/{id}/evaluation; 409 while the evaluation runs or after it failed.")
  @ApiResponse(
      responseCode = "200",
      description = "the report page, as an attachment",
      content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "409", description = "the evaluation is still being computed, or it failed: there is no report to render")
  public ResponseEntity<String> evaluationReport(@PathVariable long id, UserId caller) {
    ModelId modelId = PathIds.model(id, "id");
    SynthesisModel model = models.get(caller, modelId).model();
    Evaluation evaluation = evaluations.evaluation(caller, modelId).orElseThrow(() -> new NotFoundException("evaluation of model", id, "id"));
    EvaluationReport report =
        evaluation.report()
            .orElseThrow(() -> new ConflictException("id", switch (evaluation.status()) {
              case FAILED -> "the evaluation of model " + id + " failed (" + evaluation.error().orElse("no reason given") + "): there is no report";
              default -> "the evaluation of model " + id + " is still being computed: GET /api/models/" + id + "/evaluation answers 200 when it is done";
            }));
    Dataset dataset = datasets.get(caller, model.datasetId());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(HTML);
    // The name is plain ASCII by construction, so it needs no RFC 2047 or RFC 5987 encoding, which curl -OJ would keep literally.
    headers.setContentDisposition(ContentDisposition.attachment().filename(EvaluationReportPage.fileName(model, dataset)).build());
    return ResponseEntity.ok().headers(headers).body(EvaluationReportPage.render(model, dataset, evaluation, ReportDocument.read(json, report)));
  }
}
