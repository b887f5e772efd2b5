package dev.doppel.adapter.web.schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.schema.SchemaResponse.RelationshipResponse;
import dev.doppel.application.port.in.DeclareRelationshipCommand;
import dev.doppel.application.port.in.DeclareRelationshipUseCase;
import dev.doppel.application.port.in.DeleteRelationshipUseCase;
import dev.doppel.application.port.in.FindSchemaUseCase;
import dev.doppel.application.port.in.FindSchemaUseCase.ProjectSchema;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/{projectId}/schema")
@Tag(name = "Schema")
@SecurityRequirement(name = "bearer")
public class SchemaController {
  private final FindSchemaUseCase schemas;
  private final DeclareRelationshipUseCase declarations;
  private final DeleteRelationshipUseCase deletions;

  public SchemaController(FindSchemaUseCase schemas, DeclareRelationshipUseCase declarations, DeleteRelationshipUseCase deletions) {
    this.schemas = schemas;
    this.declarations = declarations;
    this.deletions = deletions;
  }

  public record RelationshipRequest(
      @Schema(requiredMode = REQUIRED, description = "the dataset whose key the child refers to") Long parentDatasetId,
      @ArraySchema(minItems = 1, maxItems = KeyColumns.MAX_COLUMNS, schema = @Schema(requiredMode = REQUIRED, description = "the parent's key columns, in key order"))
          List<String> parentColumns,
      @Schema(requiredMode = REQUIRED, description = "the dataset whose rows refer to parent rows") Long childDatasetId,
      @ArraySchema(
              minItems = 1, maxItems = KeyColumns.MAX_COLUMNS,
              schema = @Schema(requiredMode = REQUIRED, description = "the child's columns that hold a parent's key, matched in order to parentColumns"))
          List<String> childColumns,
      @ArraySchema(
              maxItems = KeyColumns.MAX_COLUMNS,
              schema = @Schema(description = "child columns that order the child rows under one parent as a sequence (a player's salaries by year)"))
          List<String> orderBy) {}

  public record ProposalResponse(
      long parentDatasetId, String parentTable, List<String> parentColumns, long childDatasetId, String childTable, List<String> childColumns,
      @Schema(description = "rows of the child table") long childRows,
      @Schema(description = "child rows that name a parent row; the others leave the foreign key empty") long linkedRows) {}

  @GetMapping
  @Operation(summary = "The project's datasets as linked tables (parents first) and the relationships declared between them")
  @ApiResponse(responseCode = "200", description = "the schema")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  public SchemaResponse get(@PathVariable long projectId, UserId caller) {
    return SchemaResponse.from(schemas.schema(caller, PathIds.project(projectId, "projectId")));
  }

  @GetMapping("/proposal")
  @Operation(
      summary = "Foreign keys the datasets suggest and the schema lacks",
      description =
          "A child's columns named like a parent's key (the same name, or the parent's name before an id column, as customer_id for"
              + " customers.id), where the parent's columns are unique and filled, every filled child value is found among them, and the"
              + " child's values repeat (a one-to-one link is declared by hand). Reads every dataset of the project.")
  @ApiResponse(responseCode = "200", description = "the proposed relationships, to declare with POST .../relationships")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  public List<ProposalResponse> propose(@PathVariable long projectId, UserId caller) {
    ProjectId project = PathIds.project(projectId, "projectId");
    List<FindSchemaUseCase.ProposedRelationship> proposals = schemas.propose(caller, project);
    Map<DatasetId, Dataset> tables = tablesOf(schemas.schema(caller, project));
    return proposals.stream()
        .map(p -> new ProposalResponse(
            p.parent().dataset().value(), tables.get(p.parent().dataset()).name().value(), p.parent().columns(), p.child().dataset().value(),
            tables.get(p.child().dataset()).name().value(), p.child().columns(), p.childRows(), p.linkedRows()))
        .toList();
  }

  @PostMapping("/relationships")
  @Operation(
      summary = "Declare a foreign key between two datasets of the project",
      description =
          "Checked against the tables' contents before it is stored: the parent columns must be unique and filled in every parent row, and every"
              + " child row whose foreign key is filled must name a parent row. The schema must stay free of cycles, with one key per table"
              + " and one sequence per child.")
  @ApiResponse(responseCode = "201", description = "declared; Location names it")
  @ApiResponse(
      responseCode = "400",
      description =
          "a column is missing or cannot be part of a key, the parent columns repeat or leave a value empty, child values name no parent row"
              + " (counted, with examples), or the link would close a cycle; the problem names the table and columns, and its field the request field")
  @ApiResponse(responseCode = "404", description = "projectId, parentDatasetId or childDatasetId names nothing of yours in this project")
  public ResponseEntity<RelationshipResponse> declare(@PathVariable long projectId, @RequestBody RelationshipRequest request, UserId caller) {
    ProjectId project = PathIds.project(projectId, "projectId");
    Relationship declared = declarations.declare(new DeclareRelationshipCommand(
        caller, project, dataset(request.parentDatasetId(), "parentDatasetId"), request.parentColumns(),
        dataset(request.childDatasetId(), "childDatasetId"), request.childColumns(), request.orderBy()));
    RelationshipResponse body = RelationshipResponse.from(declared, tablesOf(schemas.schema(caller, project)));
    return ResponseEntity.created(URI.create("/api/projects/" + projectId + "/schema/relationships/" + declared.id().value())).body(body);
  }

  @DeleteMapping("/relationships/{id}")
  @Operation(summary = "Remove a relationship; the datasets stay")
  @ApiResponse(responseCode = "204", description = "removed")
  @ApiResponse(responseCode = "404", description = "no such relationship in a project of yours")
  public ResponseEntity<Void> delete(@PathVariable long projectId, @PathVariable long id, UserId caller) {
    deletions.delete(caller, PathIds.project(projectId, "projectId"), PathIds.relationship(id, "id"));
    return ResponseEntity.noContent().build();
  }

  private static DatasetId dataset(Long id, String field) {
    if (id == null) {
      throw new InvalidInputException(field, field + " is required");
    }
    return PathIds.dataset(id, field);
  }

  private static Map<DatasetId, Dataset> tablesOf(ProjectSchema schema) {
    return schema.tables().stream().collect(Collectors.toMap(Dataset::id, Function.identity()));
  }
}
