package dev.fleetcheck.functions.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions' own JSON paths run once on constants during init, writing nowhere: an event read
 * into a tree and written back, an answer (a map) written, a log line and a metrics line. Jackson's
 * first use loads and initialises several hundred classes; done on the init thread while another
 * thread builds the SDK clients ({@link InitTask}), that cost leaves the cold start's critical path
 * (ADR 0032). Nothing here is kept: the first real invocation starts from the same state.
 */
public final class JsonWarmUp {

  private static final byte[] EVENT =
      "{\"id\":\"warm-up\",\"n\":1,\"ok\":true,\"list\":[\"a\",2],\"map\":{\"k\":null}}"
          .getBytes(StandardCharsets.UTF_8);

  private JsonWarmUp() {}

  public static void run() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    Clock clock = Clock.systemUTC();
    try {
      EventJson.write(
          EventJson.read(new ByteArrayInputStream(EVENT)), OutputStream.nullOutputStream());
      // The answers are LinkedHashMaps; an immutable map would make Jackson introspect its class.
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", "warm-up");
      answer.put("n", 1);
      EventJson.write(answer, OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new FunctionLog("warm-up", nowhere, clock).info("warm_up", Map.of("text", "x", "count", 1));
    Metrics metrics = new Metrics("warm-up", nowhere, clock);
    metrics.count("WarmUp", Map.of("kind", "json"));
    metrics.milliseconds("WarmUpTime", 1);
    metrics.flush();
  }
}
