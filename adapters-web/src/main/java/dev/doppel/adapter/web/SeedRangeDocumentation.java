package dev.doppel.adapter.web;

import dev.doppel.adapter.web.batch.BatchController;
import dev.doppel.adapter.web.batch.SampleController;
import dev.doppel.adapter.web.model.ModelController;
import dev.doppel.adapter.web.relational.DatabaseModelController;
import dev.doppel.domain.dataset.profile.TableRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the seed's range of a training, a generation, a sample, an imputation and a database's training and generation from the
 * shared table rules, which an annotation cannot read.
 */
@Component
class SeedRangeDocumentation implements OpenApiCustomizer {
  @Override
  public void customise(OpenAPI openApi) {
    TableRules.SeedRange seeds = TableRules.SHARED.seed();
    for (Class<?> requestType : List.of(
        ModelController.TrainRequest.class, BatchController.GenerateRequest.class, SampleController.SampleRequest.class,
        DatabaseModelController.DatabaseTrainRequest.class, DatabaseModelController.DatabaseGenerateRequest.class)) {
      Schema<?> request = openApi.getComponents().getSchemas().get(requestType.getSimpleName());
      if (request != null && request.getProperties() != null && request.getProperties().containsKey("seed")) {
        bound(request.getProperties().get("seed"), seeds);
      }
    }
    openApi.getPaths().values().stream()
        .flatMap(path -> path.readOperations().stream())
        .flatMap(operation -> operation.getParameters() == null ? Stream.empty() : operation.getParameters().stream())
        .filter(parameter -> parameter.getName().equals("seed") && parameter.getSchema() != null)
        .forEach(parameter -> bound(parameter.getSchema(), seeds));
  }

  private static void bound(Schema<?> seed, TableRules.SeedRange seeds) {
    seed.setMinimum(BigDecimal.valueOf(seeds.min()));
    seed.setMaximum(BigDecimal.valueOf(seeds.max()));
  }
}
