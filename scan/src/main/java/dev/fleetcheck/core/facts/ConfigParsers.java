package dev.fleetcheck.core.facts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fleetcheck.core.model.Evidence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real parsers for the formats repositories configure themselves with: TOML, YAML (every document
 * of a stream), JSON and INI. Each returns {@link Parsed}; a malformed file becomes evidence with
 * path, line and the parser's message, and is also recorded as a scan problem.
 */
public final class ConfigParsers {

  // Each mapper in a holder of its own: a scan builds only the parsers of the formats its
  // repository has files in (a cold CLI scan pays for a mapper's classes and set-up, ADR 0025).
  private static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();
  }

  private static final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper(new YAMLFactory());
  }

  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private ConfigParsers() {}

  public static Parsed<JsonNode> toml(Facts facts, String path) {
    return parse(facts, path, "TOML", text -> Toml.MAPPER.readTree(text));
  }

  public static Parsed<JsonNode> json(Facts facts, String path) {
    return parse(facts, path, "JSON", text -> Json.MAPPER.readTree(text));
  }

  /** The first YAML document (most configuration files hold exactly one). */
  public static Parsed<JsonNode> yaml(Facts facts, String path) {
    return parse(
        facts,
        path,
        "YAML",
        text -> {
          List<JsonNode> docs = readYamlDocuments(text);
          return docs.isEmpty() ? MissingNode.getInstance() : docs.get(0);
        });
  }

  /** Every document of a YAML stream (compose overrides, Kubernetes-style files). */
  public static Parsed<List<JsonNode>> yamlDocuments(Facts facts, String path) {
    return parse(facts, path, "YAML", ConfigParsers::readYamlDocuments);
  }

  public static Parsed<IniFile> ini(Facts facts, String path) {
    return parse(facts, path, "INI", IniFile::parse);
  }

  private static List<JsonNode> readYamlDocuments(String text) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = Yaml.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node != null) {
          docs.add(node);
        }
      }
    }
    return docs;
  }

  private static <T> Parsed<T> parse(Facts facts, String path, String format, Parser<T> parser) {
    Optional<String> text = facts.snapshot().readText(path);
    if (text.isEmpty()) {
      return new Parsed.Absent<>();
    }
    try {
      return new Parsed.Ok<>(parser.parse(text.get()));
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      int line = location == null ? 0 : Math.max(0, location.getLineNr());
      return malformed(
          facts, Evidence.at(path, line, "malformed " + format + ": " + e.getOriginalMessage()));
    } catch (IniFile.MalformedIniException e) {
      return malformed(
          facts, Evidence.at(path, e.line(), "malformed " + format + ": " + e.getMessage()));
    } catch (IOException | RuntimeException e) {
      return malformed(
          facts, Evidence.file(path, "malformed " + format + ": " + firstLine(e.getMessage())));
    }
  }

  private static <T> Parsed<T> malformed(Facts facts, Evidence problem) {
    Evidence oneLine = new Evidence(problem.path(), problem.line(), firstLine(problem.message()));
    facts.problem(oneLine);
    return new Parsed.Malformed<>(oneLine);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown parser error";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text) throws IOException;
  }
}
