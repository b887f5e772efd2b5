package dev.doppel.application.service;

import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.TrainedTable;
import java.util.List;

/** The engine's view of a database model's real tables and their links: what it is trained on, and what its batches are compared with. */
final class DatabaseTables {
  private DatabaseTables() {}

  /** Parents first, each with its stored dataset; a deleted dataset stops the job naming its table. */
  static List<EngineRequests.DatabaseTable> of(JobPorts ports, DatabaseModel model) {
    return model.tables().stream().map(table -> table(ports, table)).toList();
  }

  static List<EngineRequests.DatabaseLink> links(DatabaseModel model) {
    return model.links().stream()
        .map(link -> new EngineRequests.DatabaseLink(link.parentTable(), link.parentColumns(), link.childTable(), link.childColumns(), link.orderBy()))
        .toList();
  }

  private static EngineRequests.DatabaseTable table(JobPorts ports, TrainedTable table) {
    Dataset dataset =
        ports.datasets()
            .findById(table.dataset())
            .orElseThrow(() -> new EngineException(EngineException.Kind.INVALID_INPUT, "the dataset of table " + table.name() + " was deleted"));
    return new EngineRequests.DatabaseTable(table.name(), EngineTables.of(ports.files(), dataset), table.primaryKey());
  }
}
