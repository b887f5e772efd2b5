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
import dev.doppel.domain.project.ProjectId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Between a datasets row and the domain's {@link Dataset}: the stored file spreads over six columns, the profile is JSON. */
@Component
class DatasetPersistenceMapper {
  /** Formats without a delimiter (Parquet) carry NUL in the domain and NULL in the column. */
  private static final char NO_DELIMITER = '\0';

  Dataset toDomain(DatasetJpaEntity entity) {
    return new Dataset(
        new DatasetId(entity.getId()), new ProjectId(entity.getProjectId()), new DatasetName(entity.getName()), storedFile(entity),
        DatasetProfileJson.read(entity.getMetadata()), TimeColumns.toMicros(entity.getUploadedAt()));
  }

  DatasetJpaEntity toEntity(NewDataset dataset) {
    StoredFile file = dataset.file();
    DatasetJpaEntity entity = new DatasetJpaEntity();
    entity.setProjectId(dataset.projectId().value());
    entity.setName(dataset.name().value());
    entity.setFilePath(file.key());
    entity.setFileFormat(file.format().name());
    entity.setDelimiterChar(file.delimiter() == NO_DELIMITER ? null : String.valueOf(file.delimiter()));
    entity.setEncoding(file.encoding().map(TextEncoding::label).orElse(null));
    entity.setSizeBytes(file.sizeBytes());
    entity.setSha256(file.sha256());
    entity.setRowCount(dataset.profile().rowCount());
    entity.setMetadata(toMetadata(dataset.profile()));
    entity.setUploadedAt(TimeColumns.toMicros(dataset.uploadedAt()));
    return entity;
  }

  String toMetadata(DatasetProfile profile) {
    return DatasetProfileJson.write(profile);
  }

  private static StoredFile storedFile(DatasetJpaEntity entity) {
    String delimiter = entity.getDelimiterChar();
    return new StoredFile(
        entity.getFilePath(),
        FileFormat.valueOf(entity.getFileFormat()),
        delimiter == null || delimiter.isEmpty() ? NO_DELIMITER : delimiter.charAt(0),
        Optional.ofNullable(entity.getEncoding()).map(DatasetPersistenceMapper::encoding),
        entity.getSizeBytes(),
        entity.getSha256());
  }

  private static TextEncoding encoding(String label) {
    return TextEncoding.fromLabel(label).orElseThrow(() -> new IllegalStateException("unknown encoding in the datasets table: " + label));
  }
}
