package dev.doppel.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.project.Project;
import dev.doppel.domain.user.UserId;
import org.junit.jupiter.api.Test;

class CreateProjectCommandTest {
  @Test
  void rejectsADescriptionOverTheLimitNamingTheField() {
    String tooLong = "x".repeat(Project.MAX_DESCRIPTION_LENGTH + 1);

    assertThatThrownBy(() -> CreateProjectCommand.of(new UserId(1), "Census", tooLong))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"))
        .hasMessageContaining("at most " + Project.MAX_DESCRIPTION_LENGTH);
  }

  @Test
  void stripsTheDescriptionAndReadsNoneAsEmpty() {
    assertThat(CreateProjectCommand.of(new UserId(1), "Census", "  extract  ").description()).isEqualTo("extract");
    assertThat(CreateProjectCommand.of(new UserId(1), "Census", null).description()).isEmpty();
  }
}
