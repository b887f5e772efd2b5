package dev.doppel.adapter.web.project;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.domain.user.UserId;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.SchemaPatterns;
import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.CreateProjectUseCase;
import dev.doppel.application.port.in.DeleteProjectUseCase;
import dev.doppel.application.port.in.FindProjectsUseCase;
import dev.doppel.application.port.in.UpdateProjectUseCase;
import dev.doppel.application.port.in.UpdateProjectCommand;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects")
@SecurityRequirement(name = "bearer")
public class ProjectController {
  private final CreateProjectUseCase creation;
  private final FindProjectsUseCase projects;
  private final UpdateProjectUseCase updates;
  private final DeleteProjectUseCase deletion;

  public ProjectController(CreateProjectUseCase creation, FindProjectsUseCase projects, UpdateProjectUseCase updates, DeleteProjectUseCase deletion) {
    this.creation = creation;
    this.projects = projects;
    this.updates = updates;
    this.deletion = deletion;
  }

  public record NewProjectRequest(
      @Schema(requiredMode = REQUIRED, maxLength = ProjectName.MAX_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME) String name,
      @Schema(maxLength = Project.MAX_DESCRIPTION_LENGTH) String description) {}

  /** Absent or null fields stay as they are. */
  public record ProjectRequest(
      @Schema(maxLength = ProjectName.MAX_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME) String name,
      @Schema(maxLength = Project.MAX_DESCRIPTION_LENGTH) String description) {}

  @PostMapping
  @Operation(summary = "Create a project (a workspace for datasets, models and batches)")
  @ApiResponse(responseCode = "201", description = "created; Location names it")
  public ResponseEntity<ProjectResponse> create(@RequestBody NewProjectRequest request, UserId caller) {
    Project project = creation.create(CreateProjectCommand.of(caller, request.name(), request.description()));
    return ResponseEntity.created(URI.create("/api/projects/" + project.id().value())).body(ProjectResponse.from(project));
  }

  @GetMapping
  @Operation(summary = "List your projects")
  public List<ProjectResponse> list(UserId caller) {
    return projects.list(caller).stream().map(ProjectResponse::from).toList();
  }

  @GetMapping("/{id}")
  public ProjectResponse get(@PathVariable long id, UserId caller) {
    return ProjectResponse.from(projects.get(caller, PathIds.project(id, "id")));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Rename or describe a project; absent fields stay as they are")
  public ProjectResponse update(@PathVariable long id, @RequestBody ProjectRequest request, UserId caller) {
    return ProjectResponse.from(
        updates.update(UpdateProjectCommand.of(caller, PathIds.project(id, "id"), request.name(), request.description())));
  }

  @PutMapping("/{id}")
  @Operation(summary = "The same as PATCH")
  public ProjectResponse replace(@PathVariable long id, @RequestBody ProjectRequest request, UserId caller) {
    return update(id, request, caller);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a project with all its datasets, models, batches and files")
  @ApiResponse(responseCode = "204", description = "deleted")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.project(id, "id"));
    return ResponseEntity.noContent().build();
  }
}
