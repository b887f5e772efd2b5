package dev.doppel.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule: domain ← application ← adapters ← bootstrap, and adapters never see each other. */
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

  /** The file and engine adapters are wired as explicit beans in bootstrap, so they need no framework of their own. */
  @ArchTest
  static final ArchRule fileAndEngineAdaptersAreFrameworkFree =
      noClasses()
          .that().resideInAnyPackage("dev.doppel.adapter.files..", "dev.doppel.adapter.engine..")
          .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..");

  @ArchTest
  static final ArchRule domainDoesNotReachOut =
      noClasses().that().resideInAPackage("dev.doppel.domain..").should().dependOnClassesThat().resideInAPackage("dev.doppel.application..");
}
