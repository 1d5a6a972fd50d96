package dev.fleetcheck.vcs.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.vcs.fetch.RepoUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * A fleet listed in a YAML or JSON file (JSON when the name ends in {@code .json}): a list of
 * repositories, or a mapping whose {@code repositories} key holds that list.
 *
 * <pre>
 * - url: https://github.com/acme/payments-api.git
 *   name: payments-api          # optional: the URL's last segment without .git
 *   team: payments              # optional: CODEOWNERS may tell later
 *   default_branch: main        # optional: the remote's HEAD
 * </pre>
 *
 * <p>The file is read on every {@link #list()}, so a sweep sees the current file. Every problem of
 * the file is reported at once, each with its entry number and line, as {@link
 * ErrorCode#INVENTORY_INVALID}. Repositories come back in file order.
 */
public final class StaticInventory implements RepoInventory {

  /** The size cap of an inventory file, documented in docs/inventory.md. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  private static final int MAX_NAME_LENGTH = 200;
  private static final Set<String> FIELDS = Set.of("url", "name", "team", "default_branch");

  private final Path file;

  public StaticInventory(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public List<RepoRef> list() {
    String content;
    try {
      content = readBounded(file);
    } catch (NoSuchFileException e) {
      throw invalid("inventory file not found: " + file);
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.INVENTORY_INVALID, "cannot read inventory " + file + ": " + e.getMessage(), e);
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(content, file.toString(), json);
  }

  /**
   * The file's text, read through a stream that stops one byte past the cap: a device, a pipe or a
   * file that grows while it is read can never fill the heap. Only regular files are read (a pipe
   * with no writer would block the sweep forever; {@code /dev/zero} never ends).
   */
  private static String readBounded(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw invalid(
          "inventory " + file + " is not a regular file (a folder, device or pipe); give a file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw invalid(
          "inventory "
              + file
              + " is larger than "
              + MAX_FILE_BYTES / (1024 * 1024)
              + " MiB; split the fleet or list it from GitHub");
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Reads an inventory from text.
   *
   * @param source how errors name the text (a file name)
   * @param json whether the text is JSON rather than YAML
   */
  public static List<RepoRef> parse(String content, String source, boolean json) {
    List<Entry> entries = readEntries(content, source, json);
    List<String> problems = new ArrayList<>();
    List<RepoRef> repos = new ArrayList<>();
    Map<String, Entry> byName = new HashMap<>();
    Map<String, Entry> byUrl = new HashMap<>();
    for (Entry entry : entries) {
      int before = problems.size();
      RepoRef repo = validate(entry, problems);
      if (problems.size() > before) {
        continue;
      }
      Entry sameName = byName.putIfAbsent(repo.name(), entry);
      if (sameName != null) {
        problems.add(
            entry.where() + ": name '" + repo.name() + "' is already used by " + sameName.where());
        continue;
      }
      Entry sameUrl = byUrl.putIfAbsent(repo.url(), entry);
      if (sameUrl != null) {
        problems.add(entry.where() + ": url is already listed by " + sameUrl.where());
        continue;
      }
      repos.add(repo);
    }
    if (entries.isEmpty()) {
      problems.add("it lists no repositories");
    }
    if (!problems.isEmpty()) {
      throw invalid("inventory " + source + " is invalid:\n  " + String.join("\n  ", problems));
    }
    return List.copyOf(repos);
  }

  private record Entry(int index, int line, JsonNode node) {
    String where() {
      return "entry " + index + " (line " + line + ")";
    }
  }

  private static List<Entry> readEntries(String content, String source, boolean json) {
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    ObjectMapper mapper = new ObjectMapper(factory);
    try (JsonParser parser = mapper.createParser(content)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw invalid("inventory " + source + " is empty");
      }
      if (token == JsonToken.START_OBJECT) {
        token = enterRepositoriesKey(parser, source);
      }
      if (token != JsonToken.START_ARRAY) {
        throw invalid(
            "inventory "
                + source
                + " (line "
                + line(parser.currentTokenLocation())
                + "): expected a list of repositories");
      }
      List<Entry> entries = new ArrayList<>();
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        int line = line(parser.currentTokenLocation());
        JsonNode node = mapper.readTree(parser);
        entries.add(new Entry(entries.size() + 1, line, node));
      }
      return entries;
    } catch (JsonProcessingException e) {
      throw invalid(
          "inventory "
              + source
              + " is not valid "
              + (json ? "JSON" : "YAML")
              + " (line "
              + line(e.getLocation())
              + "): "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("inventory " + source + " cannot be read: " + e.getMessage());
    }
  }

  private static JsonToken enterRepositoriesKey(JsonParser parser, String source)
      throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.FIELD_NAME || !"repositories".equals(parser.currentName())) {
      throw invalid(
          "inventory "
              + source
              + " (line "
              + line(parser.currentTokenLocation())
              + "): a mapping must hold the list under 'repositories'");
    }
    return parser.nextToken();
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static RepoRef validate(Entry entry, List<String> problems) {
    if (!entry.node().isObject()) {
      problems.add(entry.where() + ": expected a mapping with url, name, team, default_branch");
      return null;
    }
    for (Iterator<String> names = entry.node().fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        problems.add(
            entry.where()
                + ": unknown field '"
                + field
                + "' (allowed: url, name, team, default_branch)");
      }
    }
    String url = text(entry, "url", problems);
    String name = text(entry, "name", problems);
    String team = text(entry, "team", problems);
    String branch = text(entry, "default_branch", problems);
    if (url == null) {
      if (!entry.node().hasNonNull("url")) {
        problems.add(entry.where() + ": 'url' is required");
      }
      return null;
    }
    try {
      RepoUrl.parse(url, true);
    } catch (FleetcheckException e) {
      problems.add(entry.where() + ": url: " + e.getMessage());
      return null;
    }
    if (name == null) {
      name = nameFromUrl(url);
    }
    if (name.isEmpty()
        || name.length() > MAX_NAME_LENGTH
        || !name.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
      problems.add(
          entry.where()
              + ": name must be 1 to "
              + MAX_NAME_LENGTH
              + " characters without spaces or control characters");
      return null;
    }
    if (branch != null && !Repository.isValidRefName(Constants.R_HEADS + branch)) {
      problems.add(entry.where() + ": default_branch '" + branch + "' is not a valid branch name");
      return null;
    }
    return new RepoRef(name, url, team, branch);
  }

  /** The value of an optional text field; null when absent, a problem when not text. */
  private static String text(Entry entry, String field, List<String> problems) {
    JsonNode value = entry.node().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      problems.add(entry.where() + ": '" + field + "' must be a non-empty string");
      return null;
    }
    return value.textValue().strip();
  }

  /** {@code https://host/acme/payments-api.git} names {@code payments-api}. */
  static String nameFromUrl(String url) {
    String path = url.replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVENTORY_INVALID, message);
  }
}
