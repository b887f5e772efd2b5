package dev.doppel.adapter.web.model;

import dev.doppel.domain.dataset.profile.TableRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the training seed's range from the shared table rules, which an annotation cannot read. */
@Component
class SeedRangeDocumentation implements OpenApiCustomizer {
  @Override
  public void customise(OpenAPI openApi) {
    Schema<?> request = openApi.getComponents().getSchemas().get(ModelController.TrainRequest.class.getSimpleName());
    if (request == null || request.getProperties() == null || !request.getProperties().containsKey("seed")) {
      return;
    }
    TableRules.SeedRange seeds = TableRules.SHARED.seed();
    Schema<?> seed = request.getProperties().get("seed");
    seed.setMinimum(BigDecimal.valueOf(seeds.min()));
    seed.setMaximum(BigDecimal.valueOf(seeds.max()));
  }
}
