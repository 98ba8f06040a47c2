package org.vomcase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house's rules (README "Layout"), checked on the compiled code with every unit-test run: the case
 * kernel at the bottom floor depends on nothing of ours; no cycles between the top-level packages; the
 * phase packages are thin BPMN adapters that do not know each other; the adapters (messages, documents,
 * figures, access, confidential notes, the boundary) read the case through the kernel, never through a
 * phase; the REST controllers use the engine's services, not its internals; the case's JSON is read and
 * written only in the kernel.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importTheHouse() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.vomcase");
  }

  @Test
  void theKernelDependsOnNothingOfOurs() {
    noClasses().that().resideInAPackage("org.vomcase.kernel..")
        .should().dependOnClassesThat(resideInAPackage("org.vomcase..").and(not(resideInAPackage("org.vomcase.kernel.."))))
        .because("the case kernel is the bottom floor: everything may use it, it uses nothing of ours")
        .check(classes);
  }

  @Test
  void noCyclesBetweenTopLevelPackages() {
    slices().matching("org.vomcase.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void phasePackagesDoNotKnowEachOther() {
    slices().matching("org.vomcase.process.(*)..").should().notDependOnEachOther()
        .because("each phase is a thin BPMN adapter of its own diagram; what phases share lives in the kernel or in process")
        .check(classes);
  }

  @Test
  void adaptersReadTheCaseThroughTheKernelNotThroughPhases() {
    noClasses().that().resideInAnyPackage("org.vomcase.notification..", "org.vomcase.document..", "org.vomcase.figures..",
            "org.vomcase.access..", "org.vomcase.confidential..", "org.vomcase.audit..", "org.vomcase.boundary..",
            "org.vomcase.identity..", "org.vomcase.settings..", "org.vomcase.deployment..")
        .should().dependOnClassesThat().resideInAPackage("org.vomcase.process..")
        .check(classes);
  }

  @Test
  void theProcessPackageRootKnowsNoPhase() {
    noClasses().that().resideInAPackage("org.vomcase.process")
        .should().dependOnClassesThat().resideInAPackage("org.vomcase.process.*..")
        .because("the root of process holds what the phases share")
        .check(classes);
  }

  @Test
  void controllersDoNotTouchEngineInternals() {
    noClasses().that().areAnnotatedWith(RestController.class)
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(classes);
  }

  @Test
  void theCasesJsonIsReadAndWrittenOnlyInTheKernel() {
    noClasses().that().resideOutsideOfPackage("org.vomcase.kernel..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.spin..")
        .because("the case's records and their JSON keys are the kernel's (CaseVariables, CaseJson)")
        .check(classes);
  }

  @Test
  void caseVariablesAreDeclaredOnlyInTheKernel() {
    classes().that().haveSimpleName("CaseVariables").should().resideInAPackage("org.vomcase.kernel").check(classes);
  }
}
