package dev.doppel.adapter.web.algorithm;

import dev.doppel.application.port.in.ListAlgorithmsQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

  @GetMapping("/api/algorithms")
  @Operation(summary = "The algorithms the installed engine offers, with their library, licence and settings (name, type, range, default)")
  @ApiResponse(responseCode = "200", description = "the catalogue")
  @ApiResponse(responseCode = "503", description = "the engine cannot tell which algorithms it offers")
  public CatalogueResponse catalogue() {
    return new CatalogueResponse(algorithms.catalogue().algorithms().stream().map(AlgorithmResponse::from).toList());
  }
}
