package dev.fleetcheck.functions.common;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events of {@code events/} at the repository root, as the handlers' input types. */
public final class SampleEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleEvents() {}

  public static Path path(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("events").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no events/" + relative + " above the working directory");
  }

  public static String text(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event as the Lambda Java runtime deserialises it (its event types need its mixins). */
  public static <T> T read(String relative, Class<T> type) {
    if (type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
      return LambdaEventSerializers.serializerFor(type, SampleEvents.class.getClassLoader())
          .fromJson(text(relative));
    }
    try {
      return JSON.readValue(text(relative), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
