package dev.doppel.application.port.in;

import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Brings tables of a connected database into its project as datasets. */
public interface ImportTablesUseCase {
  /**
   * Streams tables of a schema into the connection's project as datasets, through the same reading
   * and profiling as uploads, parents first; then declares their foreign keys as relationships.
   *
   * @param tables the tables to import; empty for every table of the schema
   */
  Imported importTables(UserId owner, ConnectionId connection, String schema, List<String> tables);

  /**
   * @param notDeclared foreign keys of the database that were not declared (the imported tables'
   *     contents do not hold them, or their parent was not imported), each with the reason
   */
  record Imported(List<Dataset> datasets, List<Relationship> relationships, List<String> notDeclared) {
    public Imported {
      datasets = List.copyOf(datasets);
      relationships = List.copyOf(relationships);
      notDeclared = List.copyOf(notDeclared);
    }
  }
}
