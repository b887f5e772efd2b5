package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabases.RowSource;
import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The four linked Lahman tables of the shared datasets, as a write plan with their keys: columns
 * typed by the profiler uploads go through, rows streamed from the CSV files (which hold no quoted
 * fields, so a line splits on commas).
 */
final class Lahman {
  static final List<String> TABLES = List.of("People", "Salaries", "Teams", "TeamsFranchises");
  static final Map<String, Long> ROWS = Map.of("People", 24_270L, "Salaries", 26_428L, "Teams", 3_614L, "TeamsFranchises", 203L);

  static final ForeignKeyDescription TEAM_FRANCHISE = new ForeignKeyDescription(List.of("franchID"), "TeamsFranchises", List.of("franchID"));
  static final ForeignKeyDescription SALARY_PLAYER = new ForeignKeyDescription(List.of("playerID"), "People", List.of("playerID"));
  static final ForeignKeyDescription SALARY_TEAM = new ForeignKeyDescription(List.of("yearID", "teamID"), "Teams", List.of("yearID", "teamID"));

  private Lahman() {}

  /** The tables from the CSV files, children before parents so that the writer has to order them. */
  static WritePlan fromFiles() {
    return plan(name -> consumer -> send(file(name), consumer));
  }

  /** The same tables, their rows sent by {@code rows}. */
  static WritePlan plan(Function<String, RowSource> rows) {
    return new WritePlan(List.of(
        table("Salaries", List.of(), List.of(SALARY_PLAYER, SALARY_TEAM), rows),
        table("Teams", List.of("yearID", "teamID"), List.of(TEAM_FRANCHISE), rows),
        table("People", List.of("playerID"), List.of(), rows),
        table("TeamsFranchises", List.of("franchID"), List.of(), rows)));
  }

  static TableToWrite table(String name, List<String> primaryKey, List<ForeignKeyDescription> foreignKeys, Function<String, RowSource> rows) {
    return new TableToWrite(name, columns(name), primaryKey, foreignKeys, rows.apply(name));
  }

  /** The columns as the upload profiler types them. */
  static List<ColumnSchema> columns(String table) {
    TableProfiler[] profiler = new TableProfiler[1];
    send(file(table), new TableReader.RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        profiler[0] = new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of());
      }

      @Override
      public boolean row(String[] values) {
        profiler[0].accept(values);
        return true;
      }
    });
    return profiler[0].finish().schema();
  }

  static List<String> header(String table) {
    try (BufferedReader lines = Files.newBufferedReader(file(table), StandardCharsets.UTF_8)) {
      return List.of(lines.readLine().split(",", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(Path file, TableReader.RowConsumer consumer) {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      consumer.header(List.of(lines.readLine().split(",", -1)));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!consumer.row(line.split(",", -1))) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path file(String table) {
    String override = System.getenv("DOPPEL_DATASETS_DIR");
    List<Path> candidates = override == null || override.isBlank()
        ? List.of(Path.of("../../shared/datasets"), Path.of("../shared/datasets"))
        : List.of(Path.of(override));
    for (Path dir : candidates) {
      Path file = dir.resolve("lahman").resolve(table + ".csv");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new AssertionError("lahman/" + table + ".csv not found in the shared datasets beside the repository (set DOPPEL_DATASETS_DIR)");
  }
}
