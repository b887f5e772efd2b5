package dev.doppel.application.service;

import dev.doppel.application.port.in.DeclareRelationshipCommand;
import dev.doppel.application.port.in.DeclareRelationshipUseCase;
import dev.doppel.application.port.in.DeleteRelationshipUseCase;
import dev.doppel.application.port.in.FindSchemaUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.RelationshipStore;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.ColumnMatch;
import dev.doppel.domain.schema.DatabaseSchema;
import dev.doppel.domain.schema.ForeignKeyValues;
import dev.doppel.domain.schema.InvalidSchemaException;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.schema.KeyValues;
import dev.doppel.domain.schema.NewRelationship;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

public class SchemaService implements FindSchemaUseCase, DeclareRelationshipUseCase, DeleteRelationshipUseCase {
  /** Column types that cannot hold a key: their values are not compared as written. */
  private static final List<ColumnType> NO_KEY_TYPES = List.of(ColumnType.FLOAT, ColumnType.BOOLEAN);
  /** Name matches between two tables that the proposal combines into keys, and the widest key it tries. */
  private static final int MAX_MATCHED_COLUMNS = 6;
  private static final int MAX_PROPOSED_KEY_COLUMNS = 3;

  private final DatasetStore datasets;
  private final RelationshipStore relationships;
  private final Ownership ownership;
  private final KeyReader keys;
  private final Clock clock;

  public SchemaService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, RelationshipStore relationships, TableReader tables,
      Clock clock) {
    this.datasets = datasets;
    this.relationships = relationships;
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.keys = new KeyReader(tables);
    this.clock = clock;
  }

  @Override
  public ProjectSchema schema(UserId owner, ProjectId project) {
    ownership.project(owner, project, "projectId");
    List<Dataset> tables = oldestFirst(project);
    DatabaseSchema schema = new DatabaseSchema(relationships.listByProject(project));
    Map<DatasetId, Dataset> byId = tables.stream().collect(Collectors.toMap(Dataset::id, Function.identity()));
    List<Dataset> ordered = schema.inDependencyOrder(tables.stream().map(Dataset::id).toList()).stream().map(byId::get).toList();
    return new ProjectSchema(ordered, schema);
  }

  @Override
  public Relationship declare(DeclareRelationshipCommand command) {
    ownership.project(command.owner(), command.project(), "projectId");
    Dataset parent = datasetIn(command.owner(), command.project(), command.parent(), "parentDatasetId");
    Dataset child = datasetIn(command.owner(), command.project(), command.child(), "childDatasetId");
    NewRelationship candidate =
        new NewRelationship(
            command.project(), new KeyColumns(parent.id(), command.parentColumns()), new KeyColumns(child.id(), command.childColumns()),
            command.orderBy(), clock.instant());
    requireKeyColumns(parent, candidate.parent().columns(), "parentColumns");
    requireKeyColumns(child, candidate.child().columns(), "childColumns");
    requireColumns(child, candidate.orderBy(), "orderBy");
    Map<DatasetId, String> names = datasets.listByProject(command.project()).stream().collect(Collectors.toMap(Dataset::id, d -> d.name().value()));
    new DatabaseSchema(relationships.listByProject(command.project())).requireAccepts(candidate, names::get);

    KeyValues parentKey = new KeyValues();
    keys.read(parent, List.of(candidate.parent().columns()), List.of(parentKey::add));
    String parentKeyName = columnsOf(parent, candidate.parent().columns());
    if (parentKey.emptyRows() > 0) {
      throw new InvalidSchemaException(
          "parentColumns", parentKeyName + " cannot be a key: " + parentKey.emptyRows() + " of its " + parentKey.rows() + " rows leave it empty");
    }
    if (parentKey.duplicateRows() > 0) {
      throw new InvalidSchemaException(
          "parentColumns",
          parentKeyName + " cannot be a key: " + parentKey.duplicateRows() + " of its " + parentKey.rows()
              + " rows repeat the value of an earlier row, e.g. " + String.join(", ", parentKey.duplicateExamples()));
    }
    ForeignKeyValues foreignKey = new ForeignKeyValues(parentKey);
    keys.read(child, List.of(candidate.child().columns()), List.of(foreignKey::add));
    if (foreignKey.orphanRows() > 0) {
      throw new InvalidSchemaException(
          "childColumns",
          columnsOf(child, candidate.child().columns()) + " → " + parentKeyName + ": " + foreignKey.orphanRows() + " of "
              + foreignKey.rows() + " rows name no " + parent.name().value() + " row, e.g. " + String.join(", ", foreignKey.orphanExamples()));
    }
    return relationships.add(candidate);
  }

  @Override
  public void delete(UserId owner, ProjectId project, RelationshipId id) {
    ownership.project(owner, project, "projectId");
    Relationship relationship =
        relationships.findById(id).filter(r -> r.projectId().equals(project)).orElseThrow(() -> new NotFoundException("relationship", id.value(), "id"));
    relationships.delete(relationship.id());
  }

  @Override
  public List<ProposedRelationship> propose(UserId owner, ProjectId project) {
    ownership.project(owner, project, "projectId");
    List<Dataset> tables = oldestFirst(project);
    List<Relationship> declared = relationships.listByProject(project);
    List<ProposedRelationship> proposals = new ArrayList<>();
    for (Dataset parent : tables) {
      for (Dataset child : tables) {
        if (parent.id().equals(child.id())) {
          continue;
        }
        for (ProposedRelationship proposal : proposeBetween(parent, child)) {
          boolean known = declared.stream().anyMatch(r -> r.parent().dataset().equals(parent.id()) && r.child().equals(proposal.child()));
          if (!known) {
            proposals.add(proposal);
          }
        }
      }
    }
    return proposals;
  }

  /** Every minimal key of {@code parent} that {@code child} refers to by columns named alike. */
  private List<ProposedRelationship> proposeBetween(Dataset parent, Dataset child) {
    List<ColumnMatch> matches = ColumnMatch.between(parent, child, NO_KEY_TYPES).stream().limit(MAX_MATCHED_COLUMNS).toList();
    if (matches.isEmpty()) {
      return List.of();
    }
    List<List<ColumnMatch>> candidates = ColumnMatch.combinations(matches, MAX_PROPOSED_KEY_COLUMNS).stream()
        .filter(c -> c.size() > 1 || parent.profile().column(c.get(0).parentColumn()).orElseThrow().mayBeUnique())
        .toList();
    List<KeyValues> parentKeys = new ArrayList<>();
    candidates.forEach(c -> parentKeys.add(new KeyValues()));
    keys.read(parent, candidates.stream().map(ColumnMatch::parentColumns).toList(), sinksStoppingAtDuplicates(parentKeys));
    List<List<ColumnMatch>> parentKeyMatches = new ArrayList<>();
    List<KeyValues> foundKeys = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      KeyValues key = parentKeys.get(i);
      List<ColumnMatch> columns = candidates.get(i);
      boolean minimal = parentKeyMatches.stream().noneMatch(columns::containsAll);
      if (key != null && key.isKey() && minimal) {
        parentKeyMatches.add(columns);
        foundKeys.add(key);
      }
    }
    if (parentKeyMatches.isEmpty()) {
      return List.of();
    }
    List<ForeignKeyValues> foreignKeys = foundKeys.stream().map(ForeignKeyValues::new).toList();
    keys.read(child, parentKeyMatches.stream().map(ColumnMatch::childColumns).toList(), foreignKeys.stream().map(f -> (KeyReader.TupleSink) f::add).toList());
    List<ProposedRelationship> proposals = new ArrayList<>();
    for (int i = 0; i < parentKeyMatches.size(); i++) {
      ForeignKeyValues foreignKey = foreignKeys.get(i);
      if (foreignKey.orphanRows() == 0 && foreignKey.linkedRows() > 0 && !foreignKey.unique()) {
        List<ColumnMatch> columns = parentKeyMatches.get(i);
        proposals.add(
            new ProposedRelationship(
                new KeyColumns(parent.id(), ColumnMatch.parentColumns(columns)), new KeyColumns(child.id(), ColumnMatch.childColumns(columns)),
                foreignKey.rows(), foreignKey.linkedRows()));
      }
    }
    return proposals;
  }

  /** Sinks that let go of a candidate key's values once it has repeated one: it is no key, and its memory is better freed. */
  private static List<KeyReader.TupleSink> sinksStoppingAtDuplicates(List<KeyValues> candidates) {
    List<KeyReader.TupleSink> sinks = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      int index = i;
      sinks.add(tuple -> {
        KeyValues key = candidates.get(index);
        if (key != null) {
          key.add(tuple);
          if (key.duplicateRows() > 0 || key.emptyRows() > 0) {
            candidates.set(index, null);
          }
        }
      });
    }
    return sinks;
  }

  /** The store lists newest first; a schema reads best in upload order. */
  private List<Dataset> oldestFirst(ProjectId project) {
    List<Dataset> tables = new ArrayList<>(datasets.listByProject(project));
    Collections.reverse(tables);
    return tables;
  }

  private Dataset datasetIn(UserId owner, ProjectId project, DatasetId id, String field) {
    Dataset dataset = ownership.dataset(owner, id, field);
    if (!dataset.projectId().equals(project)) {
      throw new NotFoundException("dataset", id.value(), field);
    }
    return dataset;
  }

  private static void requireKeyColumns(Dataset table, List<String> columns, String field) {
    requireColumns(table, columns, field);
    for (String name : columns) {
      ColumnType type = table.profile().column(name).orElseThrow().type();
      if (NO_KEY_TYPES.contains(type)) {
        throw new InvalidSchemaException(
            field, table.name().value() + "." + name + " is a " + type.wireName() + " column, which cannot be part of a key; key columns are ids, text, categories, integers or datetimes");
      }
    }
  }

  private static void requireColumns(Dataset table, List<String> columns, String field) {
    for (String name : columns) {
      Optional<ColumnProfile> column = table.profile().column(name);
      if (column.isEmpty()) {
        throw new InvalidSchemaException(
            field, table.name().value() + " has no column '" + name + "'; its columns are " + String.join(", ", table.profile().columnNames()));
      }
    }
  }

  private static String columnsOf(Dataset table, List<String> columns) {
    return table.name().value() + "(" + String.join(", ", columns) + ")";
  }
}
