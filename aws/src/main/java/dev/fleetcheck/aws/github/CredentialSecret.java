package dev.fleetcheck.aws.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Secrets Manager secret holds: {@code {"token": "..."}} (or the bare token), or a GitHub
 * App as {@code {"app_id": "...", "installation_id": "...", "private_key": "-----BEGIN ..."}}.
 */
sealed interface CredentialSecret {

  record Token(GitHubToken token) implements CredentialSecret {}

  record App(String appId, String installationId, String privateKeyPem)
      implements CredentialSecret {

    public App {
      Objects.requireNonNull(appId, "appId");
      Objects.requireNonNull(installationId, "installationId");
      Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }

    @Override
    public String toString() {
      return "App[appId=" + appId + ", installationId=" + installationId + ", privateKey=***]";
    }
  }

  ObjectMapper JSON = new ObjectMapper();

  /** Parses the secret; error messages name the fields missing, never a value. */
  static CredentialSecret parse(String secret) {
    String text = secret == null ? "" : secret.strip();
    if (text.isEmpty()) {
      throw missing("the GitHub secret is empty");
    }
    if (!text.startsWith("{")) {
      return new Token(token(text));
    }
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw missing("the GitHub secret is neither a token nor a JSON object");
    }
    Optional<String> token = field(json, "token");
    if (token.isPresent()) {
      return new Token(token(token.get()));
    }
    Optional<String> appId = field(json, "app_id");
    Optional<String> installation = field(json, "installation_id");
    Optional<String> key = field(json, "private_key");
    if (appId.isEmpty() || installation.isEmpty() || key.isEmpty()) {
      throw missing(
          "the GitHub secret holds neither 'token' nor all of 'app_id', 'installation_id',"
              + " 'private_key'");
    }
    if (!installation.get().matches("[0-9]{1,20}")) {
      throw missing("the GitHub secret's 'installation_id' is not a number");
    }
    return new App(appId.get(), installation.get(), key.get());
  }

  private static GitHubToken token(String value) {
    try {
      return new GitHubToken(value, Optional.empty());
    } catch (IllegalArgumentException e) {
      throw missing("the GitHub secret's token is blank or malformed");
    }
  }

  private static Optional<String> field(JsonNode json, String name) {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String value = node.isTextual() ? node.asText() : node.toString();
    return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static FleetcheckException missing(String message) {
    return new FleetcheckException(ErrorCode.TOKEN_MISSING, message);
  }
}
