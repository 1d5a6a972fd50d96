package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScanTargetTest {

  @ParameterizedTest
  @CsvSource({
    "https://github.com/acme/shop.git, shop",
    "http://git.local/acme/shop, shop",
    "git://git.local/acme/shop.git/, shop",
    "ssh://git@git.local:2222/acme/shop.git, shop",
    "file:///srv/git/shop.git, shop",
    "git@github.com:acme/shop.git, shop",
    "HTTPS://GitHub.com/acme/Shop.git, Shop"
  })
  void urlsAreGitUrlsNamedAfterTheirLastSegment(String text, String name) {
    ScanTarget target = ScanTarget.parse(text);

    assertThat(target).isInstanceOf(ScanTarget.GitUrl.class);
    assertThat(target.name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "repos/shop", "/srv/repos/shop", "C:/repos/shop", "shop:v2"})
  void everythingElseIsALocalPath(String text) {
    ScanTarget target = ScanTarget.parse(text);

    assertThat(target).isInstanceOf(ScanTarget.LocalPath.class);
    assertThat(((ScanTarget.LocalPath) target).path()).isEqualTo(Path.of(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:tok3n@github.com/acme/shop.git",
        "https://tok3n@github.com/acme/shop.git?x=tok3n"
      })
  void displaySourceHidesCredentials(String url) {
    assertThat(ScanTarget.parse(url).displaySource())
        .isEqualTo("https://github.com/acme/shop.git")
        .doesNotContain("tok3n");
  }
}
