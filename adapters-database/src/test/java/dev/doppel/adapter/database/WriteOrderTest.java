package dev.doppel.adapter.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteOrderTest {
  @Test
  void putsEveryTableAfterItsParentsAndKeepsThePlansOrderOtherwise() {
    TableToWrite orders = table("orders", List.of("id"), key("customer", "customers"));
    TableToWrite customers = table("customers", List.of("id"));
    TableToWrite products = table("products", List.of("id"));
    TableToWrite lines = table("lines", List.of(), key("order", "orders"), key("product", "products"));

    assertThat(WriteOrder.parentsFirst(List.of(lines, orders, customers, products))).extracting(TableToWrite::name)
        .containsExactly("customers", "orders", "products", "lines");
  }

  @Test
  void refusesForeignKeysThatFormACycleNamingTheTables() {
    TableToWrite a = table("a", List.of("id"), key("b_id", "b"));
    TableToWrite b = table("b", List.of("id"), key("a_id", "a"));
    TableToWrite c = table("c", List.of("id"));

    assertThatThrownBy(() -> WriteOrder.parentsFirst(List.of(a, b, c))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the foreign keys between tables [a, b] form a cycle; a table can only be created after its parents");
  }

  @Test
  void refusesKeysOnColumnsOrTablesThePlanLacks() {
    TableToWrite parent = table("parent", List.of("id"));
    assertThatThrownBy(() -> WriteOrder.parentsFirst(List.of(table("child", List.of(), key("parent_id", "missing")), parent)))
        .hasMessage("table child has a foreign key to missing, which the plan does not write");
    assertThatThrownBy(() -> WriteOrder.parentsFirst(List.of(table("child", List.of("nope")), parent)))
        .hasMessage("the primary key of table child names column nope, which the table does not have");
    TableToWrite notToTheKey = table("child", List.of(), new ForeignKeyDescription(List.of("parent_id"), "parent", List.of("parent_id")));
    assertThatThrownBy(() -> WriteOrder.parentsFirst(List.of(notToTheKey, parent)))
        .hasMessage("the foreign key child[parent_id] → parent[parent_id] must point at parent's primary key [id]");
  }

  private static ForeignKeyDescription key(String column, String parent) {
    return new ForeignKeyDescription(List.of(column), parent, List.of("id"));
  }

  private static TableToWrite table(String name, List<String> primaryKey, ForeignKeyDescription... keys) {
    List<String> columns = new ArrayList<>(List.of("id"));
    for (ForeignKeyDescription key : keys) {
      columns.addAll(key.columns());
    }
    return new TableToWrite(name, columns.stream().map(c -> new ColumnSchema(c, ColumnType.INTEGER, Optional.empty())).toList(), primaryKey, List.of(keys),
        consumer -> {});
  }
}
