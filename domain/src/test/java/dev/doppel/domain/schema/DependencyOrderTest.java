package dev.doppel.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {
  private static DependencyOrder<String> order(List<String> tables, Map<String, List<String>> parents) {
    return DependencyOrder.of(tables, table -> table, table -> parents.getOrDefault(table, List.of()));
  }

  @Test
  void placesEachTableAfterItsParentsAndOtherwiseKeepsTheGivenOrder() {
    DependencyOrder<String> order =
        order(List.of("Salaries", "People", "Teams", "TeamsFranchises"), Map.of("Salaries", List.of("People", "Teams"), "Teams", List.of("TeamsFranchises")));

    assertThat(order.ordered()).containsExactly("People", "TeamsFranchises", "Teams", "Salaries");
    assertThat(order.inCycle()).isEmpty();
  }

  @Test
  void ignoresReferencesToTablesNotGivenAndToItself() {
    DependencyOrder<String> order = order(List.of("Employees", "Orders"), Map.of("Employees", List.of("Employees", "Departments"), "Orders", List.of("Employees")));

    assertThat(order.ordered()).containsExactly("Employees", "Orders");
  }

  @Test
  void leavesTheTablesOfACycleAndWhatHangsBelowItUnordered() {
    DependencyOrder<String> order = order(List.of("A", "B", "C", "D"), Map.of("A", List.of("B"), "B", List.of("A"), "C", List.of("A")));

    assertThat(order.ordered()).containsExactly("D");
    assertThat(order.inCycle()).containsExactly("A", "B", "C");
  }
}
