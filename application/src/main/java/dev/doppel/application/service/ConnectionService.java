package dev.doppel.application.service;

import dev.doppel.application.port.in.CreateConnectionCommand;
import dev.doppel.application.port.in.CreateConnectionUseCase;
import dev.doppel.application.port.in.DeclareRelationshipCommand;
import dev.doppel.application.port.in.DeclareRelationshipUseCase;
import dev.doppel.application.port.in.DeleteConnectionUseCase;
import dev.doppel.application.port.in.FindConnectionsUseCase;
import dev.doppel.application.port.in.ImportTablesUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.in.UploadDatasetUseCase;
import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.application.port.out.ExternalDatabases;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.DependencyOrder;
import dev.doppel.domain.schema.InvalidSchemaException;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

public class ConnectionService implements CreateConnectionUseCase, DeleteConnectionUseCase, FindConnectionsUseCase, ImportTablesUseCase {
  private final ProjectStore projects;
  private final ConnectionStore connections;
  private final ExternalDatabases databases;
  private final UploadDatasetUseCase uploads;
  private final DeclareRelationshipUseCase relationships;
  private final Clock clock;

  public ConnectionService(
      ProjectStore projects, ConnectionStore connections, ExternalDatabases databases, UploadDatasetUseCase uploads,
      DeclareRelationshipUseCase relationships, Clock clock) {
    this.projects = projects;
    this.connections = connections;
    this.databases = databases;
    this.uploads = uploads;
    this.relationships = relationships;
    this.clock = clock;
  }

  @Override
  public DatabaseConnection create(CreateConnectionCommand command) {
    requireProject(command.owner(), command.project(), "projectId");
    return connections.add(new NewDatabaseConnection(command.project(), command.name(), command.details(), clock.instant()));
  }

  @Override
  public List<DatabaseConnection> list(UserId owner, ProjectId project) {
    requireProject(owner, project, "projectId");
    return connections.listByProject(project);
  }

  @Override
  public DatabaseConnection get(UserId owner, ConnectionId id) {
    return connections
        .findById(id)
        .filter(c -> projects.findOwned(c.projectId(), owner).isPresent())
        .orElseThrow(() -> new NotFoundException("connection", id.value(), "id"));
  }

  @Override
  public void delete(UserId owner, ConnectionId id) {
    connections.delete(get(owner, id).id());
  }

  @Override
  public String test(UserId owner, ConnectionId id) {
    return databases.test(get(owner, id).details());
  }

  @Override
  public List<String> schemas(UserId owner, ConnectionId id) {
    return databases.listSchemas(get(owner, id).details());
  }

  @Override
  public List<TableDescription> tables(UserId owner, ConnectionId id, String schema) {
    return databases.describe(get(owner, id).details(), requireSchema(schema));
  }

  @Override
  public Imported importTables(UserId owner, ConnectionId id, String schema, List<String> tables) {
    DatabaseConnection connection = get(owner, id);
    List<TableDescription> described = databases.describe(connection.details(), requireSchema(schema));
    List<TableDescription> chosen = chosen(described, tables == null ? List.of() : tables);
    List<Dataset> imported = new ArrayList<>();
    Map<String, Dataset> byTable = new HashMap<>();
    for (TableDescription table : parentsFirst(chosen)) {
      Dataset dataset = importTable(owner, connection, schema, table.name());
      imported.add(dataset);
      byTable.put(table.name(), dataset);
    }
    List<Relationship> declared = new ArrayList<>();
    List<String> notDeclared = new ArrayList<>();
    for (TableDescription table : chosen) {
      for (ForeignKeyDescription key : table.foreignKeys()) {
        String link = table.name() + "(" + String.join(", ", key.columns()) + ") → " + key.parentTable() + "(" + String.join(", ", key.parentColumns()) + ")";
        Dataset parent = byTable.get(key.parentTable());
        if (parent == null) {
          notDeclared.add(link + ": " + key.parentTable() + " was not imported");
          continue;
        }
        try {
          declared.add(relationships.declare(new DeclareRelationshipCommand(
              owner, connection.projectId(), parent.id(), key.parentColumns(), byTable.get(table.name()).id(), key.columns(), List.of())));
        } catch (InvalidSchemaException | InvalidInputException e) {
          notDeclared.add(link + ": " + e.getMessage());
        }
      }
    }
    return new Imported(imported, declared, notDeclared);
  }

  /** One table through the upload's reading and profiling; a failure on either side leaves no dataset behind. */
  private Dataset importTable(UserId owner, DatabaseConnection connection, String schema, String table) {
    try (TableCsvPipe pipe = TableCsvPipe.start(consumer -> databases.readTable(connection.details(), schema, table, consumer), table)) {
      try {
        return uploads.upload(UploadDatasetCommand.of(owner, connection.projectId(), table, table + ".csv", pipe.stream(), Map.of()));
      } catch (RuntimeException e) {
        pipe.failure().ifPresent(failure -> {
          failure.addSuppressed(e);
          throw failure;
        });
        throw e;
      }
    }
  }

  private static List<TableDescription> chosen(List<TableDescription> described, List<String> names) {
    if (names.isEmpty()) {
      return described;
    }
    List<TableDescription> chosen = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      chosen.add(described.stream()
          .filter(t -> t.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new InvalidInputException(
              "tables", "the schema has no table '" + name + "'; its tables are " + String.join(", ", described.stream().map(TableDescription::name).toList()))));
    }
    return chosen;
  }

  /** Each table after the chosen tables it references; a cycle's tables keep the database's order, after the rest. */
  private static List<TableDescription> parentsFirst(List<TableDescription> tables) {
    DependencyOrder<TableDescription> order =
        DependencyOrder.of(tables, TableDescription::name, table -> table.foreignKeys().stream().map(ForeignKeyDescription::parentTable).toList());
    List<TableDescription> ordered = new ArrayList<>(order.ordered());
    ordered.addAll(order.inCycle());
    return ordered;
  }

  private void requireProject(UserId owner, ProjectId project, String field) {
    projects.findOwned(project, owner).orElseThrow(() -> new NotFoundException("project", project.value(), field));
  }

  private static String requireSchema(String schema) {
    if (schema == null || schema.isBlank()) {
      throw new InvalidInputException("schema", "schema is required: one of the names GET .../schemas lists");
    }
    return schema;
  }
}
