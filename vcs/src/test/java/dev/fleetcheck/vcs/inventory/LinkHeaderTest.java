package dev.fleetcheck.vcs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  @Test
  void findsNextAmongGitHubsLinks() {
    String header =
        "<https://api.github.com/organizations/9919/repos?per_page=100&type=all&page=1>;"
            + " rel=\"prev\", <https://api.github.com/organizations/9919/repos?per_page=100&type=all&page=3>;"
            + " rel=\"next\", <https://api.github.com/organizations/9919/repos?per_page=100&type=all&page=5>;"
            + " rel=\"last\"";
    assertThat(LinkHeader.find(header, "next"))
        .contains(
            URI.create(
                "https://api.github.com/organizations/9919/repos?per_page=100&type=all&page=3"));
    assertThat(LinkHeader.find(header, "last").orElseThrow().getQuery()).endsWith("page=5");
  }

  @Test
  void lastPageHasNoNext() {
    String header =
        "<https://api.github.com/organizations/9919/repos?page=1>; rel=\"first\","
            + " <https://api.github.com/organizations/9919/repos?page=2>; rel=\"prev\"";
    assertThat(LinkHeader.find(header, "next")).isEmpty();
    assertThat(LinkHeader.find(null, "next")).isEmpty();
    assertThat(LinkHeader.find("", "next")).isEmpty();
  }

  @Test
  void acceptsSeveralRelationsAndUnquotedValues() {
    assertThat(LinkHeader.find("<https://h/x?page=2>; rel=\"next last\"", "next")).isPresent();
    assertThat(LinkHeader.find("<https://h/x?page=2>;rel=next", "next")).isPresent();
  }
}
