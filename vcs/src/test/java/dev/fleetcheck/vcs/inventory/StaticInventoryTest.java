package dev.fleetcheck.vcs.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticInventoryTest {

  @TempDir Path dir;

  @Test
  void aDeviceOrAPipeIsRefusedWithoutBeingRead() throws Exception {
    Path fifo = dir.resolve("fleet.pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();

    for (Path special : List.of(Path.of("/dev/zero"), fifo)) {
      // A read that never ends (or blocks on a pipe with no writer) fails here instead of hanging.
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> new StaticInventory(special).list())
                  .isInstanceOfSatisfying(
                      FleetcheckException.class,
                      e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVENTORY_INVALID))
                  .hasMessageContaining("not a regular file"));
    }
  }

  @Test
  void aFileOverTheCapIsRefusedAndOneJustUnderIsRead() throws Exception {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(StaticInventory.MAX_FILE_BYTES + 1L);
    }
    assertThatThrownBy(() -> new StaticInventory(huge).list())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVENTORY_INVALID))
        .hasMessageContaining("larger than 16 MiB");

    Path large = dir.resolve("large.yaml");
    String entry = "- url: https://github.com/acme/app.git\n";
    String comment = "#".repeat(1023) + "\n";
    StringBuilder text = new StringBuilder(entry);
    while (text.length() + comment.length() <= StaticInventory.MAX_FILE_BYTES) {
      text.append(comment);
    }
    Files.writeString(large, text);
    assertThat(new StaticInventory(large).list()).hasSize(1);
  }

  @Test
  void readsYamlListInFileOrderWithDefaults() throws Exception {
    Path file = dir.resolve("fleet.yaml");
    Files.writeString(
        file,
        """
        # the payments fleet
        - url: https://github.com/acme/payments-api.git
          team: payments
          default_branch: main
        - url: git://127.0.0.1:9418/billing
          name: billing-service
        """);
    assertThat(new StaticInventory(file).list())
        .containsExactly(
            new RepoRef(
                "payments-api", "https://github.com/acme/payments-api.git", "payments", "main"),
            new RepoRef("billing-service", "git://127.0.0.1:9418/billing", "", ""));
  }

  @Test
  void readsJsonAndTheRepositoriesKey() throws Exception {
    Path file = dir.resolve("fleet.json");
    Files.writeString(
        file,
        """
        {"repositories": [
          {"url": "https://github.com/acme/ledger", "team": "finance", "default_branch": "trunk"}
        ]}
        """);
    assertThat(new StaticInventory(file).list())
        .containsExactly(
            new RepoRef("ledger", "https://github.com/acme/ledger", "finance", "trunk"));
  }

  @Test
  void reportsEveryProblemWithEntryAndLine() {
    String yaml =
        """
        - url: https://github.com/acme/a.git
        - name: no-url
        - url: ext::sh%20-c%20touch%20/tmp/x
        - url: https://github.com/acme/b.git
          owner: someone
        - url: https://github.com/acme/c.git
          default_branch: "bad..branch"
        - url: https://github.com/acme/d.git
          team: 42
        - just a string
        """;
    assertInvalid(yaml, false)
        .contains("entry 2 (line 2): 'url' is required")
        .contains("entry 3 (line 3): url: git transport helpers")
        .contains("entry 4 (line 4): unknown field 'owner'")
        .contains("entry 5 (line 6): default_branch 'bad..branch' is not a valid branch name")
        .contains("entry 6 (line 8): 'team' must be a non-empty string")
        .contains("entry 7 (line 10): expected a mapping")
        .doesNotContain("entry 1 ");
  }

  @Test
  void urlsWithAQueryFragmentOrCredentialsAreRefusedWithoutRepeatingThem() {
    String yaml =
        """
        - url: https://github.com/acme/a.git?access_token=SECRET-VALUE-42
        - url: https://github.com/acme/b.git#SECRET-VALUE-42
        - url: https://me:SECRET-VALUE-42@github.com/acme/c.git
        """;
    assertInvalid(yaml, false)
        .contains("entry 1 (line 1): url: repository URL must not have a query or fragment")
        .contains("entry 2 (line 2): url: repository URL must not have a query or fragment")
        .contains("entry 3 (line 3): url: repository URL must not carry credentials")
        .doesNotContain("SECRET")
        .doesNotContain("VALUE-42");
  }

  @Test
  void duplicateNamesAndUrlsAreRefused() {
    String yaml =
        """
        - url: https://github.com/acme/api.git
        - url: https://github.com/other/api.git
        - url: https://github.com/acme/web.git
          name: web
        - url: https://github.com/acme/web.git
          name: web-again
        """;
    assertInvalid(yaml, false)
        .contains("entry 2 (line 2): name 'api' is already used by entry 1 (line 1)")
        .contains("entry 4 (line 5): url is already listed by entry 3 (line 3)");
  }

  @Test
  void malformedYamlGivesItsLine() {
    assertInvalid("- url: https://github.com/acme/a.git\n- url: [unclosed\n", false)
        .contains("is not valid YAML (line ");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertInvalid(
            "- url: https://github.com/acme/a.git\n  url: https://github.com/acme/b.git\n", false)
        .contains("Duplicate field 'url'");
  }

  @Test
  void emptyOrWrongShapeIsRefused() {
    assertInvalid("", false).contains("is empty");
    assertInvalid("[]", true).contains("lists no repositories");
    assertInvalid("url: https://github.com/acme/a.git\n", false).contains("'repositories'");
    assertInvalid("\"just text\"", true).contains("expected a list of repositories");
  }

  @Test
  void missingFileIsInventoryInvalid() {
    assertThatThrownBy(() -> new StaticInventory(dir.resolve("absent.yaml")).list())
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVENTORY_INVALID);
              assertThat(e.getMessage()).contains("not found");
            });
  }

  @Test
  void nameFromUrlDropsGitSuffixAndSlashes() {
    assertThat(StaticInventory.nameFromUrl("https://h/acme/payments-api.git"))
        .isEqualTo("payments-api");
    assertThat(StaticInventory.nameFromUrl("git://h/billing/")).isEqualTo("billing");
  }

  private static AbstractStringAssert<?> assertInvalid(String content, boolean json) {
    try {
      StaticInventory.parse(content, "fleet", json);
    } catch (FleetcheckException e) {
      assertThat(e.errorCode()).isEqualTo(ErrorCode.INVENTORY_INVALID);
      return assertThat(e.getMessage());
    }
    throw new AssertionError("expected the inventory to be refused");
  }
}
