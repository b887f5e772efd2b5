package dev.doppel.adapter.web.batch;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.batch.BatchController.AnomalyRequest;
import dev.doppel.application.port.in.GivenValues;
import dev.doppel.application.port.in.SampleModelCommand;
import dev.doppel.application.port.in.SampleModelUseCase;
import dev.doppel.application.port.in.SampleModelUseCase.SampledRows;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Batches")
@SecurityRequirement(name = "bearer")
public class SampleController {
  static final String SEED_HEADER = "Doppel-Seed";
  private static final int DEFAULT_ROWS = 100;
  private static final String PARQUET = "application/vnd.apache.parquet";

  private final SampleModelUseCase sampling;

  public SampleController(SampleModelUseCase sampling) {
    this.sampling = sampling;
  }

  public record SampleRequest(
      @Schema(minimum = "1", defaultValue = "100", description = "at most doppel.jobs.max-sampled-rows (10,000 by default); with partialRows, their number instead")
          Integer rows,
      Long seed,
      AnomalyRequest anomalies,
      @ArraySchema(arraySchema = @Schema(description = "ids of the model's rules (its rules[].id) these rows need not keep")) List<String> rulesOff,
      @Schema(description = GivenFields.CONDITIONS) Map<String, Object> conditions,
      @Schema(description = GivenFields.PARTIAL_ROWS) List<Map<String, Object>> partialRows,
      @Schema(description = GivenFields.SHARES) Map<String, Map<String, Double>> shares) {}

  /**
   * @param rows the rows, each an object with every column, spelled as the JSON download spells them
   * @param seed the seed used: sending it again gives the same rows
   */
  public record SampleResponse(
      List<String> columns,
      @JsonRawValue @Schema(type = "array", implementation = Object.class) String rows,
      long count,
      long seed,
      long anomalyRows,
      Engine engine) {
    /**
     * @param modelLoad {@code loaded} when the engine loaded the model for this request, {@code cached} when it was warm
     * @param seconds the engine's time
     */
    public record Engine(@Schema(allowableValues = {"loaded", "cached"}) String modelLoad, double seconds) {}
  }

  @PostMapping("/api/models/{id}/sample")
  @Operation(
      summary = "Sample rows within the request",
      description = "A quick look at what a model makes, optionally given conditions, partial rows or target shares (as POST /api/generate)."
          + " Answers by Accept: application/json (default), text/csv or " + PARQUET + "; the seed used is in the answer and in the "
          + SEED_HEADER + " header. The first request after a restart, or for a model not sampled lately, also loads the model.")
  @ApiResponse(
      responseCode = "200",
      description = "the rows",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SampleResponse.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
        @Content(mediaType = PARQUET, schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(responseCode = "400", description = "a field is invalid or a condition impossible for the model; the problem names the field and the column")
  @ApiResponse(responseCode = "404", description = "id names no model of yours")
  @ApiResponse(responseCode = "406", description = "Accept names none of the three formats")
  @ApiResponse(responseCode = "409", description = "the model has not completed its training")
  @ApiResponse(responseCode = "503", description = "the engine is starting or a worker stopped while answering; try again")
  public ResponseEntity<?> sample(
      @PathVariable long id, @RequestBody(required = false) SampleRequest body, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      UserId caller) throws HttpMediaTypeNotAcceptableException {
    ExportFormat format = format(accept);
    SampleRequest request = body == null ? new SampleRequest(null, null, null, null, null, null, null) : body;
    int rows = Optional.ofNullable(request.rows()).orElse(DEFAULT_ROWS);
    SampledRows sampled =
        sampling.sample(
            new SampleModelCommand(
                caller, PathIds.model(id, "id"), rows, BatchController.anomalies(request.anomalies()), Optional.ofNullable(request.seed()), request.rulesOff(),
                new GivenValues(request.conditions(), request.partialRows(), request.shares()), format));
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(SEED_HEADER, String.valueOf(sampled.seed())).header("X-Content-Type-Options", "nosniff");
    if (format != ExportFormat.JSON) {
      return answer.contentType(MediaType.parseMediaType(sampled.mediaType())).body(sampled.content());
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(
        new SampleResponse(
            sampled.columns(), new String(sampled.content(), StandardCharsets.UTF_8), sampled.rows(), sampled.seed(), sampled.anomalyRows(),
            new SampleResponse.Engine(sampled.modelLoaded() ? "loaded" : "cached", sampled.took().toMillis() / 1000.0)));
  }

  /** JSON unless Accept prefers CSV or Parquet; 406 when it names media types and none of the three. */
  private static ExportFormat format(String accept) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return ExportFormat.JSON;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return ExportFormat.JSON; // as for no Accept at all: a header that says nothing readable asks for nothing in particular
    }
    for (MediaType type : accepted) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return ExportFormat.JSON;
      }
      if (type.isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
        return ExportFormat.CSV;
      }
      if (type.isCompatibleWith(MediaType.parseMediaType(PARQUET))) {
        return ExportFormat.PARQUET;
      }
    }
    throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("text/csv"), MediaType.parseMediaType(PARQUET)));
  }
}
