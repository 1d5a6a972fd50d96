package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.ModuleAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private static List<Evidence> findings(String source) {
    return RetryBackoff.findings(ModuleAnalyzer.analyze("app/client.py", false, source));
  }

  @Test
  void retriesImportedUnderOtherNamesAreStillFound() {
    // The names a finding needs are spelled only in the imports: the prefilter must let them in.
    List<Evidence> found =
        findings(
            """
            from urllib3.util import Retry as Policy
            import tenacity as t

            adapter_policy = Policy(total=3)

            @t.retry
            def fetch():
                pass
            """);

    assertThat(found).extracting(Evidence::line).containsExactly(4, 6);
  }

  @Test
  void aModuleThatSpellsNoRetryNameHasNoFinding() {
    assertThat(
            findings(
                """
                import requests
                # Retry(total=3) in a comment, "Retry(total=3)" in a string
                requests.get("https://example.com", timeout=5)
                """))
        .isEmpty();
  }
}
