package dev.fleetcheck.vcs.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/acme/payments.git",
        "http://127.0.0.1:8080/acme/payments",
        "git://127.0.0.1:9418/payments"
      })
  void acceptsRemoteUrls(String url) {
    assertThat(RepoUrl.parse(url, false).uri()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ext::sh -c touch% /tmp/pwned",
        "ext::sh",
        "fd::17",
        "--upload-pack=touch /tmp/pwned",
        "-u",
        "git@github.com:acme/payments.git",
        "ssh://git@github.com/acme/payments.git",
        "/srv/git/payments",
        "payments",
        "https://",
        "https://github.com/",
        "https://github.com/acme/payments.git?x=1",
        "https://github.com/acme/pay ments.git",
        "ftp://example.com/repo.git",
        ""
      })
  void refusesWhatGitCouldAbuseOrWeDoNotServe(String url) {
    assertThatThrownBy(() -> RepoUrl.parse(url, true))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPO_URL));
  }

  @Test
  void refusesCredentialsInTheUrlWithoutRepeatingThem() {
    assertThatThrownBy(() -> RepoUrl.parse("https://me:ghp_secret123@github.com/acme/x.git", false))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPO_URL);
              assertThat(e.getMessage()).doesNotContain("ghp_secret123").doesNotContain("me:");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/acme/x.git?access_token=SECRET-VALUE-42",
        "https://github.com/acme/x.git#SECRET-VALUE-42",
        "https://github.com/?access_token=SECRET-VALUE-42",
        "https://github.com?token=SECRET-VALUE-42",
        "http://127.0.0.1:8080/x?private_token=SECRET-VALUE-42",
        "git://127.0.0.1/x#SECRET-VALUE-42",
        "file:///srv/git/x?token=SECRET-VALUE-42",
        "file://me:SECRET-VALUE-42@otherhost/srv/git/x",
        "https://SECRET-VALUE-42@github.com/acme/x.git",
        "https://x-access-token:SECRET-VALUE-42@github.com/",
      })
  void refusesQueriesFragmentsAndUserInfoWithoutRepeatingThem(String url) {
    assertThatThrownBy(() -> RepoUrl.parse(url, true))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPO_URL);
              assertThat(e.getMessage()).doesNotContain("SECRET").doesNotContain("VALUE-42");
            });
  }

  @Test
  void fileUrlsOnlyWhenAllowed() {
    assertThat(RepoUrl.parse("file:///srv/git/payments", true).scheme()).isEqualTo("file");
    assertThat(RepoUrl.parse("file:///srv/git/payments", true).remote()).isFalse();
    assertThatThrownBy(() -> RepoUrl.parse("file:///srv/git/payments", false))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REPO_URL));
    assertThatThrownBy(() -> RepoUrl.parse("file://otherhost/srv/git/payments", true))
        .isInstanceOf(FleetcheckException.class);
  }

  @Test
  void tokenOfferedOverHttpsAndLoopbackHttpOnly() {
    assertThat(RepoUrl.parse("https://github.com/acme/x.git", false).acceptsToken()).isTrue();
    assertThat(RepoUrl.parse("http://127.0.0.1:8080/acme/x.git", false).acceptsToken()).isTrue();
    assertThat(RepoUrl.parse("http://git.example.com/acme/x.git", false).acceptsToken()).isFalse();
    assertThat(RepoUrl.parse("git://127.0.0.1/x", false).acceptsToken()).isFalse();
  }
}
