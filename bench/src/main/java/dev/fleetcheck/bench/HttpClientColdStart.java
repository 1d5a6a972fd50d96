package dev.fleetcheck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of each SDK HTTP client: a fresh JVM per run creates a DynamoDB client on it and makes
 * one call (ListTables) to a local moto_server; the JVM's own start is the same-run baseline.
 * {@code java ... HttpClientColdStart [runs]} starts moto_server itself; the child mode is {@code
 * HttpClientColdStart --child KIND ENDPOINT}.
 */
public final class HttpClientColdStart {

  private static final String[] KINDS = {"url-connection", "apache5", "crt"};

  private HttpClientColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--child")) {
      child(args[1], URI.create(args[2]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      awaitMoto(endpoint);
      System.out.println(
          "client          jvm-to-main  create  first-call  total (median ms of "
              + runs
              + " fresh JVMs)");
      for (String kind : KINDS) {
        child(kind, endpoint, runs);
      }
    } finally {
      moto.descendants().forEach(ProcessHandle::destroy);
      moto.destroy();
    }
  }

  private static void child(String kind, URI endpoint, int runs) throws Exception {
    List<long[]> samples = new ArrayList<>();
    for (int i = 0; i < runs + 1; i++) {
      Process process =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  HttpClientColdStart.class.getName(),
                  "--child",
                  kind,
                  endpoint.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String[] parts = out.readLine().trim().split(" ");
        if (i > 0) { // the first run warms the page cache for the jars
          samples.add(
              new long[] {
                Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
              });
        }
      }
      process.waitFor();
    }
    long main = median(samples, 0);
    long create = median(samples, 1);
    long call = median(samples, 2);
    System.out.printf(
        Locale.ROOT, "%-15s %11d %7d %11d %6d%n", kind, main, create, call, main + create + call);
  }

  private static long median(List<long[]> samples, int index) {
    long[] values = samples.stream().mapToLong(s -> s[index]).sorted().toArray();
    return values[values.length / 2];
  }

  private static void child(String kind, URI endpoint) {
    long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    SdkHttpClient http =
        switch (kind) {
          case "apache5" -> Apache5HttpClient.builder().build();
          case "crt" -> AwsCrtHttpClient.builder().build();
          default -> UrlConnectionHttpClient.builder().build();
        };
    DynamoDbClient client =
        DynamoDbClient.builder()
            .httpClient(http)
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    long t1 = System.nanoTime();
    client.listTables();
    long t2 = System.nanoTime();
    System.out.println(
        (mainAt - startedAt) + " " + (t1 - t0) / 1_000_000 + " " + (t2 - t1) / 1_000_000);
    client.close();
    http.close();
  }

  private static void awaitMoto(URI endpoint) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("moto_server did not start");
  }
}
