package dev.doppel.adapter.web.schema;

import dev.doppel.application.port.in.FindSchemaUseCase.ProjectSchema;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.schema.Relationship;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Schema(description = "A project's datasets as linked tables, parents before children, and the foreign keys between them")
public record SchemaResponse(List<Table> tables, List<RelationshipResponse> relationships) {
  /**
   * @param primaryKey the columns other tables reference; empty when none does
   * @param candidateKeys single columns whose values are all filled and, as far as the profile can tell, unique ({@link ColumnProfile#mayBeUnique()})
   */
  public record Table(long datasetId, String name, long rows, List<String> columns, List<String> primaryKey, List<String> candidateKeys) {}

  static SchemaResponse from(ProjectSchema schema) {
    Map<DatasetId, Dataset> byId = schema.tables().stream().collect(Collectors.toMap(Dataset::id, Function.identity()));
    List<Table> tables = schema.tables().stream()
        .map(d -> new Table(
            d.id().value(), d.name().value(), d.profile().rowCount(), d.profile().columnNames(),
            schema.schema().primaryKeyOf(d.id()).orElse(List.of()), candidateKeys(d)))
        .toList();
    List<RelationshipResponse> relationships = schema.schema().relationships().stream().map(r -> RelationshipResponse.from(r, byId)).toList();
    return new SchemaResponse(tables, relationships);
  }

  private static List<String> candidateKeys(Dataset dataset) {
    return dataset.profile().columns().stream()
        .filter(ColumnProfile::mayBeUnique)
        .map(ColumnProfile::name)
        .toList();
  }

  public record RelationshipResponse(
      long id, long parentDatasetId, String parentTable, List<String> parentColumns, long childDatasetId, String childTable, List<String> childColumns,
      List<String> orderBy) {
    static RelationshipResponse from(Relationship r, Map<DatasetId, Dataset> tables) {
      return new RelationshipResponse(
          r.id().value(), r.parent().dataset().value(), tables.get(r.parent().dataset()).name().value(), r.parent().columns(),
          r.child().dataset().value(), tables.get(r.child().dataset()).name().value(), r.child().columns(), r.orderBy());
    }
  }
}
