package dev.doppel.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.job.JobLifecycle;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.util.List;
import java.util.Set;

/**
 * The dependency rule: domain ← application ← adapters ← bootstrap, and adapters never see each
 * other. A job's state changes only in the domain.
 */
@AnalyzeClasses(packages = "dev.doppel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule rings =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Domain").definedBy("dev.doppel.domain..")
          .layer("Application").definedBy("dev.doppel.application..")
          .layer("Adapters").definedBy("dev.doppel.adapter..")
          .layer("Bootstrap").definedBy("dev.doppel.bootstrap..")
          .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
          .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
          .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap");

  @ArchTest
  static final ArchRule pureCore =
      noClasses()
          .that().resideInAnyPackage("dev.doppel.domain..", "dev.doppel.application..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "com.fasterxml..", "org.hibernate..", "org.apache..");

  @ArchTest
  static final ArchRule adaptersDoNotSeeEachOther =
      slices().matching("dev.doppel.adapter.(*)..").should().notDependOnEachOther();

  /** Controllers call use cases through their interfaces; which service implements one is bootstrap's choice. */
  @ArchTest
  static final ArchRule webDrivesUseCasesThroughTheirInterfaces =
      noClasses().that().resideInAPackage("dev.doppel.adapter.web..").should().dependOnClassesThat().resideInAPackage("dev.doppel.application.service..");

  /** The file, engine and database adapters are wired as explicit beans in bootstrap, so they need no framework of their own. */
  @ArchTest
  static final ArchRule fileEngineAndDatabaseAdaptersAreFrameworkFree =
      noClasses()
          .that().resideInAnyPackage("dev.doppel.adapter.files..", "dev.doppel.adapter.engine..", "dev.doppel.adapter.database..")
          .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..");

  @ArchTest
  static final ArchRule domainDoesNotReachOut =
      noClasses().that().resideInAPackage("dev.doppel.domain..").should().dependOnClassesThat().resideInAPackage("dev.doppel.application..");

  private static final List<Class<?>> JOBS = List.of(SynthesisModel.class, SyntheticBatch.class, Evaluation.class, DatabaseModel.class, DatabaseBatch.class, DatabaseEvaluation.class);
  private static final Set<String> LIFECYCLE_MOVES = Set.of("queued", "start", "progressed", "complete", "fail", "cancel");

  private static final DescribedPredicate<JavaCall<?>> makesJobState =
      DescribedPredicate.describe(
          "a job's lifecycle move or a job record's constructor",
          call -> {
            AccessTarget.CodeUnitCallTarget target = call.getTarget();
            boolean constructor = target instanceof AccessTarget.ConstructorCallTarget;
            if (target.getOwner().isEquivalentTo(JobLifecycle.class)) {
              return constructor || LIFECYCLE_MOVES.contains(target.getName());
            }
            return constructor && JOBS.stream().anyMatch(target.getOwner()::isEquivalentTo);
          });

  /**
   * Outside the domain, a job changes state only through its record's own transitions (start,
   * complete, fail, cancel, ...); persistence rebuilds stored jobs with their {@code restore}
   * factories.
   */
  @ArchTest
  static final ArchRule jobStateChangesStayInTheDomain =
      noClasses().that().resideOutsideOfPackage("dev.doppel.domain..").should().callCodeUnitWhere(makesJobState);
}
