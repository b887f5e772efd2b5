package dev.doppel.adapter.web.dataset;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.user.UserId;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.SchemaPatterns;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.DeleteDatasetUseCase;
import dev.doppel.application.port.in.FindDatasetsUseCase;
import dev.doppel.application.port.in.OverrideColumnTypesUseCase;
import dev.doppel.application.port.in.UploadDatasetUseCase;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "Datasets")
@SecurityRequirement(name = "bearer")
public class DatasetController {
  /** "upload" is no id: GET or DELETE /api/datasets/upload answers 405 (Allow: POST), not "id must be a number". */
  private static final String DATASET = "/datasets/{id:(?!upload$).+}";

  private static final String TYPE_NAMES = "integer, float, categorical, boolean, datetime, id, text";

  private final UploadDatasetUseCase uploads;
  private final FindDatasetsUseCase datasets;
  private final OverrideColumnTypesUseCase typeOverrides;
  private final DeleteDatasetUseCase deletion;
  private final ObjectMapper json;

  public DatasetController(
      UploadDatasetUseCase uploads, FindDatasetsUseCase datasets, OverrideColumnTypesUseCase typeOverrides, DeleteDatasetUseCase deletion,
      ObjectMapper json) {
    this.uploads = uploads;
    this.datasets = datasets;
    this.typeOverrides = typeOverrides;
    this.deletion = deletion;
    this.json = json;
  }

  @PostMapping(path = "/datasets/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload a CSV or Parquet table",
      description =
          "Infers each column's type and profile in one streaming pass; columns named in types take the type given there"
              + " (as PATCH /api/datasets/{id}/schema would set it) in the same pass. The file is stored under a server-chosen name.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
  @ApiResponse(responseCode = "201", description = "stored and profiled; Location names the dataset")
  @ApiResponse(
      responseCode = "400",
      description =
          "the table cannot be read, or types is no JSON object of column names to types (field types), names a column the file lacks or an"
              + " unknown type (field types.<column>), or a type a column's values do not fit (field: the column); nothing is stored")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  @ApiResponse(responseCode = "413", description = "the file is larger than the upload limit, or the table wider than the column limit")
  public ResponseEntity<DatasetResponse> upload(
      @RequestParam("projectId") long projectId,
      @RequestPart("file") MultipartFile file,
      @Parameter(schema = @Schema(maxLength = DatasetName.MAX_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME)) @RequestParam(name = "name", required = false)
          String name,
      @Parameter(
              description = "types chosen for some columns: a JSON object from column name to type, such as {\"zip\": \"categorical\"}",
              schema = @Schema(type = "string", example = "{\"zip\": \"categorical\"}"))
          @RequestPart(name = "types", required = false)
          String types,
      UserId caller) {
    if (file.isEmpty()) {
      throw new InvalidInputException("file", "the file is empty");
    }
    Map<String, ColumnType> chosen = chosenTypes(types);
    try (InputStream content = file.getInputStream()) {
      Dataset dataset =
          uploads.upload(UploadDatasetCommand.of(caller, PathIds.project(projectId, "projectId"), name, file.getOriginalFilename(), content, chosen));
      return ResponseEntity.created(URI.create("/api/datasets/" + dataset.id().value())).body(DatasetResponse.from(dataset));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded file", e);
    }
  }

  @GetMapping("/datasets")
  @Operation(summary = "List the datasets of a project, newest first")
  @ApiResponse(responseCode = "200", description = "the datasets, newest first")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  public List<DatasetResponse> list(@RequestParam("projectId") long projectId, UserId caller) {
    return datasets.list(caller, PathIds.project(projectId, "projectId")).stream().map(DatasetResponse::from).toList();
  }

  @GetMapping("/projects/{projectId}/datasets")
  @Operation(summary = "The same as GET /api/datasets?projectId=")
  public List<DatasetResponse> listInProject(@PathVariable long projectId, UserId caller) {
    return list(projectId, caller);
  }

  @GetMapping(DATASET)
  @Operation(summary = "A dataset with its inferred schema")
  public DatasetResponse get(@PathVariable long id, UserId caller) {
    return DatasetResponse.from(datasets.get(caller, PathIds.dataset(id, "id")));
  }

  @GetMapping("/datasets/{id}/stats")
  @Operation(summary = "Per-column distributions for charts: histograms, top values, nulls, moments, quantiles, distinct counts")
  public DatasetStatsResponse stats(@PathVariable long id, UserId caller) {
    return DatasetStatsResponse.from(datasets.get(caller, PathIds.dataset(id, "id")));
  }

  @GetMapping("/datasets/{id}/preview")
  @Operation(summary = "The first rows as typed values")
  public DatasetPreviewResponse preview(
      @PathVariable long id,
      @Parameter(
              description = "how many rows; at most doppel.upload.max-preview-rows",
              schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "20"))
          @RequestParam(name = "rows", defaultValue = "20") int rows,
      UserId caller) {
    return DatasetPreviewResponse.from(datasets.preview(caller, PathIds.dataset(id, "id"), rows));
  }

  /** Body: {"columns": {"age": "float", "zip": "categorical"}}. */
  public record SchemaPatch(
      @Schema(requiredMode = REQUIRED, minProperties = 1, additionalPropertiesSchema = ColumnTypeName.class, description = "column name to type")
          Map<String, String> columns) {}

  @Schema(type = "string", allowableValues = {"integer", "float", "categorical", "boolean", "datetime", "id", "text"})
  private interface ColumnTypeName {}

  @PatchMapping("/datasets/{id}/schema")
  @Operation(summary = "Override inferred column types; the profile is recomputed so the statistics follow")
  public DatasetResponse overrideTypes(@PathVariable long id, @RequestBody SchemaPatch patch, UserId caller) {
    if (patch.columns() == null) {
      throw new InvalidInputException("columns", "columns is required: an object from column name to type");
    }
    return DatasetResponse.from(typeOverrides.overrideColumnTypes(caller, PathIds.dataset(id, "id"), columnTypes(patch.columns(), "columns")));
  }

  private Map<String, ColumnType> chosenTypes(String types) {
    if (types == null || types.isBlank()) {
      return Map.of();
    }
    Map<String, String> names;
    try {
      names = json.readValue(types, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      names = null;
    }
    if (names == null) {
      throw new InvalidInputException("types", "types must be a JSON object from column name to type, such as {\"zip\": \"categorical\"}");
    }
    return columnTypes(names, "types");
  }

  /** @param field the input field that holds the types, for errors */
  private static Map<String, ColumnType> columnTypes(Map<String, String> names, String field) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    names.forEach(
        (column, type) ->
            types.put(
                column,
                ColumnType.fromWireName(type)
                    .orElseThrow(() -> new InvalidInputException(field + "." + column, "unknown type '" + type + "'; use one of " + TYPE_NAMES))));
    return types;
  }

  @DeleteMapping(DATASET)
  @Operation(summary = "Delete a dataset with its models, batches and files, and the database models that learned it")
  @ApiResponse(responseCode = "204", description = "deleted")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.dataset(id, "id"));
    return ResponseEntity.noContent().build();
  }
}
