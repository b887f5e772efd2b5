package dev.doppel.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import org.junit.jupiter.api.Test;

class PathIdsTest {

  @Test
  void positiveIdsBecomeTheirDomainIds() {
    assertThat(PathIds.project(7, "id")).isEqualTo(new ProjectId(7));
    assertThat(PathIds.dataset(8, "datasetId")).isEqualTo(new DatasetId(8));
    assertThat(PathIds.model(9, "modelId")).isEqualTo(new ModelId(9));
    assertThat(PathIds.batch(Long.MAX_VALUE, "id")).isEqualTo(new BatchId(Long.MAX_VALUE));
  }

  @Test
  void anIdOfZeroOrBelowIsNotFoundNamingTheField() {
    assertThatThrownBy(() -> PathIds.model(0, "modelId"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("modelId"))
        .hasMessage("model 0 was not found");
    assertThatThrownBy(() -> PathIds.project(-3, "projectId"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("projectId"))
        .hasMessage("project -3 was not found");
    assertThatThrownBy(() -> PathIds.dataset(Long.MIN_VALUE, "id")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> PathIds.batch(0, "id")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> PathIds.apiToken(0, "id")).isInstanceOf(NotFoundException.class).hasMessage("API token 0 was not found");
  }
}
