package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.doppel.bootstrap.forged.ForgesAJobRecord;
import dev.doppel.bootstrap.forged.ForgesAJobState;
import dev.doppel.bootstrap.forged.MovesAJobThroughItsTransitions;
import org.junit.jupiter.api.Test;

/** The rule that keeps job state changes in the domain finds the classes that break it. */
class JobStateRuleTest {
  @Test
  void findsAMoveOfTheLifecycleOutsideTheDomain() {
    EvaluationResult result = ArchitectureTest.jobStateChangesStayInTheDomain.evaluate(classes(ForgesAJobState.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("ForgesAJobState") && line.contains("JobLifecycle.complete"));
  }

  @Test
  void findsAJobRecordBuiltOutsideTheDomain() {
    EvaluationResult result = ArchitectureTest.jobStateChangesStayInTheDomain.evaluate(classes(ForgesAJobRecord.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("ForgesAJobRecord") && line.contains("Evaluation.<init>"));
  }

  @Test
  void letsOtherRingsUseTheTransitionsAndTheRestoreFactory() {
    EvaluationResult result = ArchitectureTest.jobStateChangesStayInTheDomain.evaluate(classes(MovesAJobThroughItsTransitions.class));

    assertThat(result.hasViolation()).isFalse();
  }

  private static JavaClasses classes(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }
}
