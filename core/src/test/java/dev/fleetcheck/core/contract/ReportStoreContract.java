package dev.fleetcheck.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReportStore} adapter must do; subclass it with a fresh, empty store. */
public abstract class ReportStoreContract {

  protected ReportStore store;

  protected abstract ReportStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsBackWhatWasPut() {
    store.put("scans/s-1/a1b2.json", bytes("{\"score\": 80}"));

    assertThat(store.get("scans/s-1/a1b2.json"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("{\"score\": 80}")));
  }

  @Test
  void aSecondPutReplacesTheContent() {
    store.put("scans/s-1/r", bytes("first"));
    store.put("scans/s-1/r", bytes("second, longer than the first"));

    assertThat(store.get("scans/s-1/r"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("second, longer than the first")));
  }

  @Test
  void anAbsentKeyReadsAsEmptyAndDeletesQuietly() {
    assertThat(store.get("scans/none")).isEmpty();
    store.delete("scans/none");

    store.put("scans/s-2/r", bytes("x"));
    store.delete("scans/s-2/r");

    assertThat(store.get("scans/s-2/r")).isEmpty();
  }

  @Test
  void rejectsKeysThatCouldEscapeTheStore() {
    for (String key :
        List.of(
            "../outside",
            "scans/../../outside",
            "/etc/passwd",
            "scans//r",
            "scans/./r",
            "scans\\..\\r",
            "",
            "scans/",
            "scans/r\u0000x",
            "scans/%2e%2e/r")) {
      assertThatThrownBy(() -> store.put(key, bytes("x")))
          .as(key)
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThatThrownBy(() -> store.get(key)).as(key).isInstanceOf(FleetcheckException.class);
    }
  }
}
