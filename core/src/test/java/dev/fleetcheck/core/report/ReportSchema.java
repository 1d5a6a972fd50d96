package dev.fleetcheck.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates JSON reports against {@code docs/report.schema.json} (JSON Schema 2020-12). Shared
 * through the core test-jar so that every module checks the reports it produces.
 */
public final class ReportSchema {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  /** The messages of every violation; empty when the document conforms. */
  public static List<String> violations(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  /** The schema file, found from the working directory of any module. */
  public static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("report.schema.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/report.schema.json not found above the working folder");
  }

  private static JsonSchema load() {
    try {
      JsonNode schema = MAPPER.readTree(Files.readString(file()));
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(schema, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
