package org.vomcase;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house's rules (README "The layers of the code"), checked on the compiled code with every unit-test
 * run: the case kernel at the bottom floor depends on nothing of ours; no cycles between the top-level
 * packages; the phase packages are thin BPMN adapters that do not know each other; the adapters (messages,
 * documents, figures, access, confidential notes, the boundary) read the case through the kernel, never
 * through a phase; the REST controllers use the engine's services, not its internals; the case's JSON is
 * read and written only in the kernel.
 */
class ArchitectureTest {

  static final ArchRule KERNEL_DEPENDS_ON_NOTHING_OF_OURS = noClasses().that().resideInAPackage("org.vomcase.kernel..")
      .should().dependOnClassesThat(resideInAPackage("org.vomcase..").and(not(resideInAPackage("org.vomcase.kernel.."))))
      .because("the case kernel is the bottom floor: everything may use it, it uses nothing of ours");

  static final ArchRule NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES = slices().matching("org.vomcase.(*)..").should().beFreeOfCycles();

  static final ArchRule PHASES_DO_NOT_KNOW_EACH_OTHER = slices().matching("org.vomcase.process.(*)..").should()
      .notDependOnEachOther()
      .because("each phase is a thin BPMN adapter of its own diagram; what phases share lives in the kernel or in process");

  static final ArchRule THE_PROCESS_ROOT_KNOWS_NO_PHASE = noClasses().that().resideInAPackage("org.vomcase.process")
      .should().dependOnClassesThat().resideInAPackage("org.vomcase.process.*..")
      .because("the root of process holds what the phases share");

  static final ArchRule ADAPTERS_NEVER_IMPORT_A_PHASE = noClasses().that().resideInAnyPackage("org.vomcase.notification..",
          "org.vomcase.document..", "org.vomcase.figures..", "org.vomcase.access..", "org.vomcase.confidential..",
          "org.vomcase.audit..", "org.vomcase.boundary..", "org.vomcase.identity..", "org.vomcase.settings..",
          "org.vomcase.deployment..", "org.vomcase.migration..", "org.vomcase.desk..",
          "org.vomcase.casefile..")
      .should().dependOnClassesThat().resideInAPackage("org.vomcase.process..")
      .because("adapters read the case through the kernel's Case, not through a phase");

  static final ArchRule CONTROLLERS_USE_NO_ENGINE_INTERNALS = noClasses().that().areAnnotatedWith(RestController.class)
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..");

  static final ArchRule ONLY_THE_KERNEL_TOUCHES_THE_CASES_JSON = noClasses().that().resideOutsideOfPackage("org.vomcase.kernel..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda.spin..")
      .because("the case's records and their JSON keys are the kernel's (CaseVariables, CaseJson)");

  static final ArchRule CASE_VARIABLES_LIVE_IN_THE_KERNEL = classes().that().haveSimpleName("CaseVariables")
      .should().resideInAPackage("org.vomcase.kernel");

  /** Each rule above, checked on the application's classes (one test per rule, named by it). */
  @TestFactory
  List<DynamicTest> theHouseKeepsItsRules() throws IllegalAccessException {
    JavaClasses house = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.vomcase");
    List<DynamicTest> tests = new ArrayList<>();
    for (Field field : ArchitectureTest.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ArchRule rule) {
        tests.add(DynamicTest.dynamicTest(field.getName().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            () -> rule.check(house)));
      }
    }
    return tests;
  }
}
