package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The one registry and the layout it promises: one rule per ID, each in the catalogue with its
 * definition and fix effort, each class in the package of its ID family, each with its test class
 * beside it.
 */
class StandardRulesTest {

  private static final List<Rule> RULES = StandardRules.all();

  @Test
  void registersEachRuleIdOnce() {
    assertThat(RULES).extracting(rule -> rule.spec().id()).doesNotHaveDuplicates();
  }

  @Test
  void everyRuleIsInTheCatalogue() {
    for (Rule rule : RULES) {
      String id = rule.spec().id();
      assertThat(Catalogue.standard().entry(id)).as(id).isPresent();
      assertThat(rule.spec().remediation()).as(id).isNotBlank();
    }
  }

  @Test
  void everyRuleSaysWhatItChecksAndWhatAFixCosts() {
    for (Rule rule : RULES) {
      RuleSpec spec = rule.spec();
      assertThat(spec.definition())
          .as(spec.id() + ": RuleSpec.defined(definition, effort)")
          .isPresent();
      assertThat(spec.effort()).as(spec.id()).isPresent();
    }
  }

  @Test
  void everyRuleClassLivesInThePackageOfItsIdFamily() {
    for (Rule rule : RULES) {
      assertThat(rule.getClass().getPackageName())
          .as(rule.spec().id() + " " + rule.getClass().getSimpleName())
          .isEqualTo(familyPackage(rule.spec().id()));
    }
  }

  @Test
  void everyRuleHasATestClassBesideIt() {
    for (Rule rule : RULES) {
      String test = rule.getClass().getName() + "Test";
      assertThat(exists(test)).as(rule.spec().id() + ": expected the test class " + test).isTrue();
    }
  }

  @Test
  void theFamilyPackageIsTheLowercaseFamilyOfTheId() {
    assertThat(familyPackage("PY-LCL-001")).isEqualTo("dev.fleetcheck.core.rules.lcl");
    assertThat(familyPackage("PY-STYLE-002")).isEqualTo("dev.fleetcheck.core.rules.style");
  }

  /** PY-SEC-041 lives in {@code dev.fleetcheck.core.rules.sec}. */
  static String familyPackage(String id) {
    String family = id.split("-")[1].toLowerCase(Locale.ROOT);
    return StandardRules.class.getPackageName() + "." + family;
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, StandardRulesTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
