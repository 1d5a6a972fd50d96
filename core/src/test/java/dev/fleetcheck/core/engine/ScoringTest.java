package dev.fleetcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.Score;
import dev.fleetcheck.core.model.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScoringTest {

  private static final RuleMeta META =
      new RuleMeta(
          "PY-QG-001", "3", "t", Level.REQUIRED, Set.of(Profile.PYTHON), RuleKind.AUTOMATED, "fix");

  private static RuleResult result(Level level, Outcome outcome) {
    return new RuleResult(META, level, outcome);
  }

  private static Outcome pass() {
    return Outcome.pass();
  }

  private static Outcome fail() {
    return Outcome.fail(Evidence.repository("missing"));
  }

  private static Outcome waived() {
    return new Outcome.Waived(
        new Waiver("docs/adr/1.md", List.of("PY-QG-001"), LocalDate.parse("2030-01-01"), "r"),
        List.of());
  }

  @Test
  void weightsAreThreeTwoOne() {
    assertThat(Level.REQUIRED.weight()).isEqualTo(3);
    assertThat(Level.RECOMMENDED.weight()).isEqualTo(2);
    assertThat(Level.ADVISORY.weight()).isEqualTo(1);
  }

  @Test
  void passAndWaivedEarnTheirWeightOutOfPassWaivedFailAndError() {
    Score score =
        Scoring.score(
            List.of(
                result(Level.REQUIRED, pass()),
                result(Level.RECOMMENDED, waived()),
                result(Level.REQUIRED, fail()),
                result(Level.ADVISORY, Outcome.error("could not run"))));
    assertThat(score.earnedWeight()).isEqualTo(5);
    assertThat(score.possibleWeight()).isEqualTo(9);
    assertThat(score.value()).isEqualTo(55.6);
  }

  @Test
  void manualAndNotApplicableDoNotCount() {
    List<RuleResult> scored =
        List.of(result(Level.REQUIRED, pass()), result(Level.ADVISORY, fail()));
    List<RuleResult> withUnscored = new ArrayList<>(scored);
    withUnscored.add(result(Level.REQUIRED, new Outcome.Manual()));
    withUnscored.add(result(Level.RECOMMENDED, Outcome.notApplicable("not a cli")));
    assertThat(Scoring.score(withUnscored)).isEqualTo(Scoring.score(scored));
    assertThat(Scoring.score(scored)).isEqualTo(new Score(75.0, 3, 4));
  }

  @Test
  void theLevelThatAppliedWeighsNotTheCataloguedOne() {
    Score score =
        Scoring.score(List.of(result(Level.ADVISORY, pass()), result(Level.REQUIRED, fail())));
    assertThat(score).isEqualTo(new Score(25.0, 1, 4));
  }

  @Test
  void nothingScoredIsOneHundred() {
    assertThat(Scoring.score(List.of())).isEqualTo(new Score(100.0, 0, 0));
    assertThat(Scoring.score(List.of(result(Level.REQUIRED, new Outcome.Manual()))).value())
        .isEqualTo(100.0);
  }

  @Test
  void allFailingIsZero() {
    assertThat(Scoring.score(List.of(result(Level.REQUIRED, fail()))).value()).isZero();
  }

  @Property(tries = 200)
  void scoreMatchesTheFormulaForAnyMix(@ForAll("results") List<RuleResult> results) {
    int earned = 0;
    int possible = 0;
    for (RuleResult r : results) {
      switch (r.status()) {
        case PASS, WAIVED -> {
          earned += r.level().weight();
          possible += r.level().weight();
        }
        case FAIL, ERROR -> possible += r.level().weight();
        case MANUAL, NOT_APPLICABLE -> {
          // not scored
        }
      }
    }
    Score score = Scoring.score(results);
    assertThat(score.earnedWeight()).isEqualTo(earned);
    assertThat(score.possibleWeight()).isEqualTo(possible);
    double expected = possible == 0 ? 100.0 : 100.0 * earned / possible;
    assertThat(score.value())
        .isBetween(0.0, 100.0)
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
  }

  @Provide
  Arbitrary<List<RuleResult>> results() {
    Arbitrary<Level> levels = Arbitraries.of(Level.class);
    Arbitrary<Outcome> outcomes =
        Arbitraries.of(
            pass(),
            fail(),
            waived(),
            Outcome.error("e"),
            new Outcome.Manual(),
            Outcome.notApplicable("n"));
    return net.jqwik.api.Combinators.combine(levels, outcomes)
        .as(ScoringTest::result)
        .list()
        .ofMaxSize(40);
  }
}
