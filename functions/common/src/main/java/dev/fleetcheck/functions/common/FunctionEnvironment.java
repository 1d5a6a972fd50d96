package dev.fleetcheck.functions.common;

import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a function reads from its environment variables (template.yaml sets them on AWS;
 * {@code make invoke} and the local-aws mode set them from {@code .fleetcheck/local-aws.env}). Only
 * what a function uses is required of it: the API has no secret, the worker no queue URL.
 *
 * @param cursorKey the key that signs page cursors, the same for every instance of a deployment
 * @param cursorKeySecretArn the secret that holds that key (template.yaml), read when no key is set
 */
public record FunctionEnvironment(
    AwsSettings aws,
    String table,
    Optional<String> bucket,
    Optional<String> queueUrl,
    Optional<String> deadLetterUrl,
    int maxReceives,
    Optional<String> githubSecretArn,
    Optional<byte[]> cursorKey,
    Optional<String> cursorKeySecretArn,
    String rulePackDigest) {

  public static final String TABLE = "FLEETCHECK_TABLE";
  public static final String BUCKET = "FLEETCHECK_BUCKET";
  public static final String QUEUE_URL = "FLEETCHECK_QUEUE_URL";
  public static final String DEAD_LETTER_URL = "FLEETCHECK_DLQ_URL";
  public static final String MAX_RECEIVES = "FLEETCHECK_MAX_RECEIVES";
  public static final String GITHUB_SECRET_ARN = "FLEETCHECK_GITHUB_SECRET_ARN";
  public static final String CURSOR_KEY = "FLEETCHECK_CURSOR_KEY";
  public static final String CURSOR_KEY_SECRET_ARN = "FLEETCHECK_CURSOR_KEY_SECRET_ARN";
  public static final String RULE_PACK_DIGEST = "FLEETCHECK_RULE_PACK_DIGEST";

  public static FunctionEnvironment of(Map<String, String> env) {
    return new FunctionEnvironment(
        AwsSettings.fromEnvironment(env),
        required(env, TABLE),
        optional(env, BUCKET),
        optional(env, QUEUE_URL),
        optional(env, DEAD_LETTER_URL).or(() -> optional(env, QUEUE_URL).map(u -> u + "-dlq")),
        optional(env, MAX_RECEIVES).map(FunctionEnvironment::positive).orElse(3),
        optional(env, GITHUB_SECRET_ARN),
        optional(env, CURSOR_KEY).map(k -> CursorKeys.decode(k, CURSOR_KEY)),
        optional(env, CURSOR_KEY_SECRET_ARN),
        optional(env, RULE_PACK_DIGEST).orElse("unspecified"));
  }

  /** The value of a variable this function cannot work without. */
  public static String require(Optional<String> value, String variable) {
    return value.orElseThrow(
        () -> new FleetcheckException(ErrorCode.INVALID_CONFIG, variable + " is not set"));
  }

  private static String required(Map<String, String> env, String name) {
    return require(optional(env, name), name);
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static int positive(String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FleetcheckException(
        ErrorCode.INVALID_CONFIG, MAX_RECEIVES + " must be a positive integer");
  }
}
