package dev.doppel.adapter.web.connection;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.SchemaPatterns;
import dev.doppel.adapter.web.dataset.DatasetResponse;
import dev.doppel.application.port.in.CreateConnectionCommand;
import dev.doppel.application.port.in.CreateConnectionUseCase;
import dev.doppel.application.port.in.DeleteConnectionUseCase;
import dev.doppel.application.port.in.FindConnectionsUseCase;
import dev.doppel.application.port.in.ImportTablesUseCase;
import dev.doppel.application.port.in.ImportTablesUseCase.Imported;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Database connections")
@SecurityRequirement(name = "bearer")
public class ConnectionController {
  /** What ConnectionDetails accepts as a host: no scheme, path, user part, spaces or controls. */
  private static final String HOST = "^[^/?#@\\s\\x00-\\x1F\\x7F-\\x9F]+$";
  /** The 422 of every operation that reaches the connection's database. */
  public static final String UNUSABLE =
      "the database could not be used (unreachable, login refused, unknown database or schema, or a statement refused): the problem's reason says which"
          + " and its detail why, never with the password";

  private final CreateConnectionUseCase creation;
  private final DeleteConnectionUseCase deletion;
  private final FindConnectionsUseCase connections;
  private final ImportTablesUseCase imports;

  public ConnectionController(
      CreateConnectionUseCase creation, DeleteConnectionUseCase deletion, FindConnectionsUseCase connections, ImportTablesUseCase imports) {
    this.creation = creation;
    this.deletion = deletion;
    this.connections = connections;
    this.imports = imports;
  }

  public record ConnectionRequest(
      @Schema(requiredMode = REQUIRED, maxLength = DatabaseConnection.MAX_NAME_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME) String name,
      @Schema(requiredMode = REQUIRED, allowableValues = {"mariadb", "postgresql"}, description = "mariadb also serves MySQL") String kind,
      @Schema(requiredMode = REQUIRED, maxLength = CreateConnectionCommand.MAX_DETAIL_LENGTH, pattern = HOST, description = "a host name or IP address, without scheme, port or path") String host,
      @Schema(minimum = "1", maximum = "65535", description = "left out: 3306 for mariadb, 5432 for postgresql") Integer port,
      @Schema(requiredMode = REQUIRED, maxLength = CreateConnectionCommand.MAX_DETAIL_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME) String database,
      @Schema(requiredMode = REQUIRED, maxLength = CreateConnectionCommand.MAX_DETAIL_LENGTH, pattern = SchemaPatterns.DISPLAY_NAME) String username,
      @Schema(maxLength = CreateConnectionCommand.MAX_PASSWORD_LENGTH, description = "stored encrypted, never returned") String password) {}

  public record TestResponse(String serverVersion) {}

  public record ImportRequest(
      @Schema(requiredMode = REQUIRED, description = "one of the names GET /api/connections/{id}/schemas lists") String schema,
      @Schema(description = "the tables to import; left out or empty for every table of the schema") List<String> tables) {}

  public record ImportResponse(
      List<DatasetResponse> datasets,
      @Schema(description = "the foreign keys declared as relationships, by id") List<Long> relationships,
      @Schema(description = "foreign keys not declared, each with the reason") List<String> notDeclared) {
    static ImportResponse from(Imported imported) {
      return new ImportResponse(
          imported.datasets().stream().map(DatasetResponse::from).toList(), imported.relationships().stream().map(r -> r.id().value()).toList(),
          imported.notDeclared());
    }
  }

  @PostMapping("/projects/{projectId}/connections")
  @Operation(summary = "Add a MariaDB/MySQL or PostgreSQL database to a project (the password is stored encrypted; nothing is connected yet)")
  @ApiResponse(responseCode = "201", description = "added; Location names it")
  @ApiResponse(responseCode = "400", description = "a value is missing or malformed; the field names it")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  @ApiResponse(responseCode = "409", description = "the server has no doppel.connections.secret-key to encrypt passwords with")
  public ResponseEntity<ConnectionResponse> create(@PathVariable long projectId, @RequestBody ConnectionRequest request, UserId caller) {
    DatabaseConnection created = creation.create(CreateConnectionCommand.of(
        caller, PathIds.project(projectId, "projectId"), request.name(), request.kind(), request.host(), request.port(), request.database(),
        request.username(), request.password()));
    return ResponseEntity.created(URI.create("/api/connections/" + created.id().value())).body(ConnectionResponse.from(created));
  }

  @GetMapping("/projects/{projectId}/connections")
  @Operation(summary = "The project's database connections, in the order they were added")
  @ApiResponse(responseCode = "200", description = "the connections, without their passwords")
  @ApiResponse(responseCode = "404", description = "projectId names no project of yours")
  public List<ConnectionResponse> list(@PathVariable long projectId, UserId caller) {
    return connections.list(caller, PathIds.project(projectId, "projectId")).stream().map(ConnectionResponse::from).toList();
  }

  @GetMapping("/connections/{id}")
  @Operation(summary = "A database connection, without its password")
  @ApiResponse(responseCode = "200", description = "the connection")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  public ConnectionResponse get(@PathVariable long id, UserId caller) {
    return ConnectionResponse.from(connections.get(caller, PathIds.connection(id, "id")));
  }

  @DeleteMapping("/connections/{id}")
  @Operation(summary = "Remove a connection; the datasets imported through it stay")
  @ApiResponse(responseCode = "204", description = "removed")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  public ResponseEntity<Void> delete(@PathVariable long id, UserId caller) {
    deletion.delete(caller, PathIds.connection(id, "id"));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/connections/{id}/test")
  @Operation(summary = "Log in read-only and run a trivial query")
  @ApiResponse(responseCode = "200", description = "the database answered; its version")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  @ApiResponse(responseCode = "422", description = UNUSABLE)
  public TestResponse test(@PathVariable long id, UserId caller) {
    return new TestResponse(connections.test(caller, PathIds.connection(id, "id")));
  }

  @GetMapping("/connections/{id}/schemas")
  @Operation(summary = "The schemas the connection's user can see, without the server's own")
  @ApiResponse(responseCode = "200", description = "the schema names")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  @ApiResponse(responseCode = "422", description = UNUSABLE)
  public List<String> schemas(@PathVariable long id, UserId caller) {
    return connections.schemas(caller, PathIds.connection(id, "id"));
  }

  @GetMapping("/connections/{id}/tables")
  @Operation(summary = "A schema's tables with their columns, primary keys and foreign keys")
  @ApiResponse(responseCode = "200", description = "the tables")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  @ApiResponse(responseCode = "422", description = UNUSABLE)
  public List<TableDescription> tables(
      @PathVariable long id,
      @Parameter(description = "one of the names GET /api/connections/{id}/schemas lists") @RequestParam("schema") String schema,
      UserId caller) {
    return connections.tables(caller, PathIds.connection(id, "id"), schema);
  }

  @PostMapping("/connections/{id}/import")
  @Operation(
      summary = "Import tables of a schema as datasets of the connection's project, with their foreign keys as relationships",
      description =
          "Each table streams through the same reading and profiling as an upload, parents first; then each foreign key between imported tables is"
              + " declared as a relationship once the contents hold it. A table that fails to import leaves no dataset behind.")
  @ApiResponse(responseCode = "201", description = "imported")
  @ApiResponse(responseCode = "400", description = "schema is missing, or tables names a table the schema lacks (field tables)")
  @ApiResponse(responseCode = "404", description = "no such connection of yours")
  @ApiResponse(responseCode = "413", description = "a table is larger than the upload limit or your storage left")
  @ApiResponse(responseCode = "422", description = UNUSABLE)
  public ResponseEntity<ImportResponse> importTables(@PathVariable long id, @RequestBody ImportRequest request, UserId caller) {
    Imported imported = imports.importTables(caller, PathIds.connection(id, "id"), request.schema(), request.tables());
    return ResponseEntity.status(HttpStatus.CREATED).body(ImportResponse.from(imported));
  }
}
