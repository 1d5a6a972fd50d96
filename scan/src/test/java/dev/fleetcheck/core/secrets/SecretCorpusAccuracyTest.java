package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus;
import dev.fleetcheck.core.testing.SecretCorpus.Sample;
import dev.fleetcheck.core.testing.SecretCorpus.Score;
import dev.fleetcheck.core.testing.SecretCorpus.Tally;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accuracy of the detectors over the seeded, labelled corpus (not timed). */
class SecretCorpusAccuracyTest {

  private static final double OVERALL_FLOOR = 0.95;
  private static final double PER_DETECTOR_FLOOR = 0.9;

  private final List<Sample> corpus = SecretCorpus.generate();
  private final Score score = SecretCorpus.score(corpus, SecretScanner.standard());

  @Test
  void corpusHoldsSecretsOfEveryKindAndDecoys() {
    assertThat(corpus.stream().filter(Sample::isSecret).map(Sample::expectedKind).distinct())
        .containsExactlyInAnyOrderElementsOf(SecretScanner.standard().kinds());
    assertThat(corpus.stream().filter(s -> !s.isSecret()).count()).isGreaterThan(100);
  }

  @Test
  void overallPrecisionAndRecallReachNinetyFivePercent() {
    Tally overall = score.overall();
    assertThat(overall.precision()).as(report()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
    assertThat(overall.recall()).as(report()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
  }

  @Test
  void everyDetectorReachesNinetyPercentPrecisionAndRecall() {
    for (String kind : SecretScanner.standard().kinds()) {
      Tally tally = score.byKind().getOrDefault(kind, new Tally(0, 0, 0));
      assertThat(tally.truePositives()).as(kind + " found nothing; " + report()).isPositive();
      assertThat(tally.precision())
          .as(kind + " precision; " + report())
          .isGreaterThanOrEqualTo(PER_DETECTOR_FLOOR);
      assertThat(tally.recall())
          .as(kind + " recall; " + report())
          .isGreaterThanOrEqualTo(PER_DETECTOR_FLOOR);
    }
  }

  @Test
  void anotherSeedScoresAsWell() {
    Score other = SecretCorpus.score(SecretCorpus.generate(7), SecretScanner.standard());
    assertThat(other.overall().precision()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
    assertThat(other.overall().recall()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
  }

  private String report() {
    StringBuilder out = new StringBuilder("\n");
    for (Map.Entry<String, Tally> entry : score.byKind().entrySet()) {
      out.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n');
    }
    score.mistakes().forEach(m -> out.append("  ").append(m).append('\n'));
    return out.toString();
  }
}
