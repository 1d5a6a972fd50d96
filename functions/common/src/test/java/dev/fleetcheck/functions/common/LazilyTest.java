package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazilyTest {

  private final AtomicInteger built = new AtomicInteger();

  private ReportStore lazyStore() {
    return Lazily.port(
        ReportStore.class,
        () -> {
          built.incrementAndGet();
          Map<String, byte[]> objects = new HashMap<>();
          return new ReportStore() {
            @Override
            public void put(String key, byte[] content) {
              objects.put(key, content);
            }

            @Override
            public Optional<byte[]> get(String key) {
              if (key.isEmpty()) {
                throw new FleetcheckException(ErrorCode.STORE_FAILED, "empty key");
              }
              return Optional.ofNullable(objects.get(key));
            }

            @Override
            public void delete(String key) {
              objects.remove(key);
            }
          };
        });
  }

  @Test
  void thePortIsBuiltOnItsFirstCallAndOnlyOnce() {
    ReportStore store = lazyStore();
    assertThat(store.toString()).isEqualTo("lazy ReportStore");
    assertThat(built).hasValue(0);

    store.put("a", new byte[] {1});
    assertThat(store.get("a")).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    assertThat(built).hasValue(1);
  }

  @Test
  void thePortsFailuresReachTheCallerUnwrapped() {
    ReportStore store = lazyStore();

    assertThatThrownBy(() -> store.get(""))
        .isInstanceOf(FleetcheckException.class)
        .hasMessageContaining("empty key");
  }
}
