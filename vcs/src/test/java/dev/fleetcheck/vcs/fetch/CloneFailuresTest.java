package dev.fleetcheck.vcs.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.error.ErrorCode;
import java.net.SocketTimeoutException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class CloneFailuresTest {

  private static final RepoUrl URL = RepoUrl.parse("https://git.example.com/acme/x.git", false);
  private static final URIish URI = uri();

  private static URIish uri() {
    try {
      return new URIish("https://git.example.com/acme/x.git");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ErrorCode code(Throwable failure) {
    return CloneFailures.map(failure, URL, CloneWatch.Stop.NONE).errorCode();
  }

  @Test
  void missingRepositoryEvenWhenWrappedByFetchCommand() {
    NoRemoteRepositoryException missing = new NoRemoteRepositoryException(URI, "not found.");
    assertThat(code(missing)).isEqualTo(ErrorCode.REPO_NOT_FOUND);
    assertThat(code(new InvalidRemoteException("Invalid remote: origin", missing)))
        .isEqualTo(ErrorCode.REPO_NOT_FOUND);
  }

  @Test
  void jgitAuthenticationTextsAreAuthFailures() {
    assertThat(code(new TransportException(URI, "not authorized")))
        .isEqualTo(ErrorCode.CLONE_AUTH_FAILED);
    assertThat(
            code(
                new TransportException(
                    URI,
                    "Authentication is required but no CredentialsProvider has been registered")))
        .isEqualTo(ErrorCode.CLONE_AUTH_FAILED);
    assertThat(code(new TransportException(URI, "git-upload-pack not permitted on 'x'")))
        .isEqualTo(ErrorCode.CLONE_AUTH_FAILED);
  }

  @Test
  void timeoutsAreCloneTimeout() {
    assertThat(code(new TransportException(URI, "Read timed out after 30 ms")))
        .isEqualTo(ErrorCode.CLONE_TIMEOUT);
    assertThat(code(new TransportException("io", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(ErrorCode.CLONE_TIMEOUT);
  }

  @Test
  void watchReasonDecidesOverWhatJGitSaid() {
    TransportException cancelled = new TransportException(URI, "operation cancelled");
    assertThat(CloneFailures.map(cancelled, URL, CloneWatch.Stop.TOO_LARGE).errorCode())
        .isEqualTo(ErrorCode.REPO_TOO_LARGE);
    assertThat(CloneFailures.map(cancelled, URL, CloneWatch.Stop.TIMEOUT).errorCode())
        .isEqualTo(ErrorCode.CLONE_TIMEOUT);
  }

  @Test
  void statusLikeDigitsInTheUrlAreNotStatuses() {
    RepoUrl odd = RepoUrl.parse("https://git.example.com/acme/api-401-403-404.git", false);
    var failure =
        CloneFailures.map(
            new TransportException(odd.uri() + ": 502 Bad Gateway"), odd, CloneWatch.Stop.NONE);
    assertThat(failure.errorCode()).isEqualTo(ErrorCode.CLONE_FAILED);
  }

  @Test
  void anythingElseIsCloneFailedWithJGitsReason() {
    var failure =
        CloneFailures.map(
            new TransportException(URI, "unexpected end of stream"), URL, CloneWatch.Stop.NONE);
    assertThat(failure.errorCode()).isEqualTo(ErrorCode.CLONE_FAILED);
    assertThat(failure.getMessage()).contains("unexpected end of stream");
  }
}
