package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.InterruptedIOException;
import java.util.Locale;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;

/**
 * Turns what JGit throws into a stable error code. JGit reports most transport failures as a {@link
 * TransportException} whose message is the only distinction, so messages are matched on the phrases
 * JGit's own texts use (JGitText: "not authorized", "Authentication is required", "not permitted",
 * "not found", "Read timed out").
 */
final class CloneFailures {

  private CloneFailures() {}

  static FleetcheckException map(Throwable failure, RepoUrl url, CloneWatch.Stop stop) {
    if (stop == CloneWatch.Stop.TIMEOUT) {
      return new FleetcheckException(
          ErrorCode.CLONE_TIMEOUT, "clone of " + url.uri() + " exceeded its time bound", failure);
    }
    if (stop == CloneWatch.Stop.TOO_LARGE) {
      return new FleetcheckException(
          ErrorCode.REPO_TOO_LARGE, "repository " + url.uri() + " exceeds the size bound", failure);
    }
    if (failure instanceof FleetcheckException known) {
      return known;
    }
    // FetchCommand wraps "no repository there" in InvalidRemoteException: look below it first.
    if (causedBy(failure, NoRemoteRepositoryException.class)) {
      return notFound(url, failure);
    }
    if (causedBy(failure, InterruptedIOException.class)) {
      return new FleetcheckException(
          ErrorCode.CLONE_TIMEOUT, "clone of " + url.uri() + " timed out", failure);
    }
    if (causedBy(failure, InvalidRemoteException.class)) {
      return new FleetcheckException(
          ErrorCode.INVALID_REPO_URL, "git cannot use the URL " + url.uri(), failure);
    }
    // JGit repeats the URL in its messages; a repository named "x-404" must not look like a 404.
    String messages = messages(failure).replace(url.uri().toLowerCase(Locale.ROOT), "<url>");
    if (containsAny(
        messages,
        "not authorized",
        "authentication is required",
        "authentication not supported",
        "not permitted",
        "401 unauthorized",
        "403 forbidden",
        "credentialsprovider")) {
      return new FleetcheckException(
          ErrorCode.CLONE_AUTH_FAILED,
          "the git host refused access to " + url.uri() + " (check the token and its scopes)",
          failure);
    }
    if (containsAny(
        messages,
        "not found",
        "404 not found",
        "repository not exported",
        "does not appear to be a git repository",
        "not a git repository")) {
      return notFound(url, failure);
    }
    if (containsAny(messages, "timed out", "timeout")) {
      return new FleetcheckException(
          ErrorCode.CLONE_TIMEOUT, "clone of " + url.uri() + " timed out", failure);
    }
    return new FleetcheckException(
        ErrorCode.CLONE_FAILED,
        "clone of " + url.uri() + " failed: " + firstMessage(failure),
        failure);
  }

  private static FleetcheckException notFound(RepoUrl url, Throwable failure) {
    return new FleetcheckException(
        ErrorCode.REPO_NOT_FOUND, "no repository at " + url.uri(), failure);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        all.append(cause.getMessage().toLowerCase(Locale.ROOT)).append('\n');
      }
    }
    return all.toString();
  }

  private static String firstMessage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause.getMessage();
      }
    }
    return failure.getClass().getSimpleName();
  }

  private static boolean containsAny(String text, String... phrases) {
    for (String phrase : phrases) {
      if (text.contains(phrase)) {
        return true;
      }
    }
    return false;
  }
}
