package dev.fleetcheck.core.facts.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which container images are emulators or local stand-ins of a backing service (RULES-NEXT,
 * "Emulators"), and which AWS services each covers: LocalStack and moto's server cover every AWS
 * service, DynamoDB Local and dynalite DynamoDB, ElasticMQ SQS, MinIO and s3proxy S3. Databases and
 * caches (postgres, mysql, redis, ...) are emulators that cover no AWS service.
 */
public final class EmulatorImages {

  /** An image family: a word its repository name must equal or end with, and what it covers. */
  private record Family(String name, List<String> repositories, Set<String> awsServices) {}

  private static final List<Family> FAMILIES =
      List.of(
          new Family(
              "LocalStack",
              List.of("localstack/localstack", "localstack/localstack-pro", "localstack"),
              Emulator.ALL_AWS),
          new Family("moto server", List.of("motoserver/moto"), Emulator.ALL_AWS),
          new Family(
              "DynamoDB Local",
              List.of("amazon/dynamodb-local", "dynamodb-local"),
              Set.of("dynamodb")),
          new Family("dynalite", List.of("dynalite"), Set.of("dynamodb")),
          new Family(
              "ElasticMQ",
              List.of("softwaremill/elasticmq", "softwaremill/elasticmq-native", "elasticmq"),
              Set.of("sqs")),
          new Family("MinIO", List.of("minio/minio", "bitnami/minio", "minio"), Set.of("s3")),
          new Family("s3proxy", List.of("andrewgaul/s3proxy", "s3proxy"), Set.of("s3")),
          new Family(
              "a database",
              List.of(
                  "postgres",
                  "postgis/postgis",
                  "mysql",
                  "mariadb",
                  "mongo",
                  "redis",
                  "valkey/valkey",
                  "memcached",
                  "rabbitmq",
                  "elasticsearch",
                  "opensearchproject/opensearch"),
              Set.of()));

  private EmulatorImages() {}

  /** The emulator an image reference runs, if it is one. */
  public static Optional<Emulator.Kind> classify(String image) {
    String repository = repository(image);
    for (Family family : FAMILIES) {
      for (String candidate : family.repositories()) {
        if (repository.equals(candidate) || repository.endsWith("/" + candidate)) {
          return Optional.of(new Emulator.Kind(family.name(), family.awsServices()));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code docker.io/library/postgres:16} is {@code postgres}; tag and digest dropped. */
  static String repository(String image) {
    String text = image.strip().toLowerCase(Locale.ROOT);
    int at = text.indexOf('@');
    if (at >= 0) {
      text = text.substring(0, at);
    }
    int slash = text.lastIndexOf('/');
    int colon = text.lastIndexOf(':');
    if (colon > slash) {
      text = text.substring(0, colon);
    }
    for (String prefix :
        List.of("docker.io/library/", "docker.io/", "public.ecr.aws/", "library/")) {
      if (text.startsWith(prefix)) {
        text = text.substring(prefix.length());
      }
    }
    return text;
  }
}
