package dev.fleetcheck.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

  private final PageCursors cursors = new PageCursors(key(1));

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void decodesTheSignedPositionEvenWithSeparatorsInside() {
    List<String> position = List.of("repo\nwith newline", "back\\slash", "");

    String cursor = cursors.encode("latest|team=*", position);

    assertThat(cursors.decode("latest|team=*", cursor)).isEqualTo(position);
  }

  @Test
  void rejectsAnotherScopeAnotherKeyAndAnyEdit() {
    String cursor = cursors.encode("latest", List.of("alpha"));
    String edited =
        (cursor.charAt(1) == 'x' ? cursor.charAt(0) + "y" : cursor.charAt(0) + "x")
            + cursor.substring(2);

    assertInvalid(() -> cursors.decode("history|alpha", cursor));
    assertInvalid(() -> new PageCursors(key(2)).decode("latest", cursor));
    assertInvalid(() -> cursors.decode("latest", edited));
    assertInvalid(() -> cursors.decode("latest", cursor + "."));
    assertInvalid(() -> cursors.decode("latest", "%%%.%%%"));
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CURSOR_INVALID));
  }
}
