package dev.doppel.adapter.persistence.dataset;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.dataset.TextEncoding;
import java.util.Optional;
import dev.doppel.domain.project.ProjectId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

@Mapper(uses = TimeColumns.class)
interface DatasetPersistenceMapper {
  /** Formats without a delimiter (Parquet) carry NUL in the domain and NULL in the column. */
  char NO_DELIMITER = '\0';

  // MapStruct takes the record's copy-with method for a fluent setter; it is not a property.
  @Mapping(target = "withProfile", ignore = true)
  @Mapping(target = "file", source = "entity")
  @Mapping(target = "profile", source = "metadata")
  Dataset toDomain(DatasetJpaEntity entity);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "filePath", source = "file.key")
  @Mapping(target = "fileFormat", source = "file.format")
  @Mapping(target = "delimiterChar", source = "file.delimiter", qualifiedByName = "delimiterColumn")
  @Mapping(target = "encoding", source = "file.encoding", qualifiedByName = "encodingColumn")
  @Mapping(target = "sizeBytes", source = "file.sizeBytes")
  @Mapping(target = "sha256", source = "file.sha256")
  @Mapping(target = "rowCount", source = "profile.rowCount")
  @Mapping(target = "metadata", source = "profile")
  DatasetJpaEntity toEntity(NewDataset dataset);

  default StoredFile toStoredFile(DatasetJpaEntity entity) {
    return new StoredFile(
        entity.getFilePath(),
        FileFormat.valueOf(entity.getFileFormat()),
        fromDelimiterColumn(entity.getDelimiterChar()),
        Optional.ofNullable(entity.getEncoding()).map(DatasetPersistenceMapper::fromEncodingColumn),
        entity.getSizeBytes(),
        entity.getSha256());
  }

  @Named("delimiterColumn")
  default String toDelimiterColumn(Character delimiter) {
    return delimiter == null || delimiter == NO_DELIMITER ? null : String.valueOf(delimiter);
  }

  @Named("encodingColumn")
  default String toEncodingColumn(Optional<TextEncoding> encoding) {
    return encoding.map(TextEncoding::label).orElse(null);
  }

  private static TextEncoding fromEncodingColumn(String label) {
    return TextEncoding.fromLabel(label).orElseThrow(() -> new IllegalStateException("unknown encoding in the datasets table: " + label));
  }

  default char fromDelimiterColumn(String column) {
    return column == null || column.isEmpty() ? NO_DELIMITER : column.charAt(0);
  }

  default String toMetadata(DatasetProfile profile) {
    return DatasetProfileJson.write(profile);
  }

  default DatasetProfile fromMetadata(String json) {
    return DatasetProfileJson.read(json);
  }

  default DatasetId toDatasetId(Long id) {
    return new DatasetId(id);
  }

  default ProjectId toProjectId(Long id) {
    return new ProjectId(id);
  }

  default Long fromProjectId(ProjectId id) {
    return id.value();
  }

  default DatasetName toDatasetName(String value) {
    return new DatasetName(value);
  }

  default String fromDatasetName(DatasetName name) {
    return name.value();
  }
}
