package dev.doppel.adapter.web.algorithm;

import dev.doppel.application.port.in.ListAlgorithmsQuery;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.SettingSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Algorithms")
@SecurityRequirement(name = "bearer")
public class AlgorithmController {
  private final ListAlgorithmsQuery algorithms;

  public AlgorithmController(ListAlgorithmsQuery algorithms) {
    this.algorithms = algorithms;
  }

  public record CatalogueResponse(List<AlgorithmResponse> algorithms) {}

  public record AlgorithmResponse(
      String name, String library, String libraryVersion, String licence, String description, boolean supportsDifferentialPrivacy,
      List<Map<String, Object>> settings, List<Map<String, Object>> constraints, List<Map<String, Object>> differentialPrivacySettings) {}

  @GetMapping("/api/algorithms")
  @Operation(summary = "The algorithms the installed engine offers, with their library, licence and settings (name, type, range, default)")
  @ApiResponse(responseCode = "200", description = "the catalogue")
  @ApiResponse(responseCode = "503", description = "the engine cannot tell which algorithms it offers")
  public CatalogueResponse catalogue() {
    return new CatalogueResponse(algorithms.catalogue().algorithms().stream().map(AlgorithmController::toResponse).toList());
  }

  private static AlgorithmResponse toResponse(AlgorithmDescriptor a) {
    List<Map<String, Object>> settings = a.settings().stream().map(AlgorithmController::setting).toList();
    List<Map<String, Object>> constraints =
        a.rules().stream()
            .map(r -> {
              Map<String, Object> rule = new LinkedHashMap<>();
              rule.put("rule", r.rule());
              rule.put("setting", r.setting());
              rule.put("of", r.of());
              rule.put("message", r.message());
              return rule;
            })
            .toList();
    return new AlgorithmResponse(
        a.algorithm().name(), a.library(), a.libraryVersion().orElse(null), a.licence(), a.description(), a.supportsDifferentialPrivacy(),
        settings, constraints, a.privacySettings().stream().map(AlgorithmController::setting).toList());
  }

  private static Map<String, Object> setting(SettingSpec s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", s.name());
    out.put("type", s.type().name().toLowerCase(Locale.ROOT));
    s.minimum().ifPresent(v -> out.put("minimum", v));
    s.maximum().ifPresent(v -> out.put("maximum", v));
    s.multipleOf().ifPresent(v -> out.put("multipleOf", v));
    if (!s.allowed().isEmpty()) {
      out.put("allowed", s.allowed());
    }
    out.put("default", s.defaultValue().orElse(null));
    out.put("description", s.description());
    return out;
  }
}
