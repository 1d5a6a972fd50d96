package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.Glob;
import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.container.DockerIgnore;
import dev.fleetcheck.core.facts.container.DockerInstruction;
import dev.fleetcheck.core.facts.container.Dockerfile;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ShellWords;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-LCL-021: no container file bakes a secret: no ENV/ARG with a secret-like name given a literal,
 * non-placeholder value; no COPY/ADD of a secret file ({@code .env}, {@code *.pem}, private SSH
 * keys, {@code credentials}), directly or inside a copied folder ({@code .} included) when the file
 * is tracked and {@code .dockerignore} does not exclude it. Values are never shown, only a
 * fingerprint.
 */
public final class ContainerSecrets implements Rule {

  private static final Pattern SECRET_NAME =
      Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY");
  private static final Pattern LOCATION_NAME =
      Pattern.compile("_(FILE|PATH|DIR|URL|URI|ENDPOINT)$");
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)example|xxxx|changeme|change-me|change_me|dummy|placeholder|your-|your_|<[^>]*>"
              + "|\\$\\{[^}]*}|\\{\\{.*}}|^(?:true|false|yes|no|none|null|0|1)$");
  private static final List<String> PLACEHOLDER_ENV_SUFFIXES =
      List.of(".example", ".sample", ".template", ".dist", ".defaults", ".test");
  private static final int MAX_FINDINGS_PER_FILE = 20;

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-021",
              Profile.PYTHON,
              "Remove secrets from container files: pass them at run time (environment, mounted"
                  + " files) or with BuildKit `RUN --mount=type=secret`; never `ENV`/`ARG` a literal"
                  + " secret, and list `.env`, `*.pem`, `id_rsa` and `credentials` in `.dockerignore`.")
          .defined(
              "FAIL per container file line that bakes a secret: an `ENV`/`ARG` with "
                  + "a secret-like name (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, "
                  + "`AWS_SECRET_ACCESS_KEY`) given a literal non-placeholder value, or a "
                  + "`COPY`/`ADD` of `.env`, `*.pem`, `id_rsa`, `credentials`; else PASS. "
                  + "NOT_APPLICABLE without a Dockerfile or Containerfile outside test "
                  + "code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<String> containerfiles = context.fact(ContainerFiles.FACT).containerfiles();
    if (containerfiles.isEmpty()) {
      return Outcome.notApplicable("no Dockerfile or Containerfile outside test code");
    }
    RepoSnapshot snapshot = context.snapshot();
    List<SourceFile> secretFiles =
        snapshot.files().stream().filter(f -> isSecretFile(f.name())).toList();
    List<Evidence> findings = new ArrayList<>();
    for (String path : containerfiles) {
      Optional<String> text = snapshot.readText(path);
      if (text.isEmpty()) {
        continue;
      }
      String buildRoot = buildContext(snapshot, path);
      DockerIgnore ignore = dockerIgnore(snapshot, path, buildRoot);
      List<Evidence> perFile = new ArrayList<>();
      for (DockerInstruction instruction : Dockerfile.parse(text.get())) {
        switch (instruction.keyword()) {
          case "ENV", "ARG" -> bakedValues(path, instruction, perFile);
          case "COPY", "ADD" ->
              copiedSecrets(path, instruction, buildRoot, ignore, secretFiles, perFile);
          default -> {}
        }
      }
      findings.addAll(perFile.stream().limit(MAX_FINDINGS_PER_FILE).toList());
    }
    if (findings.isEmpty()) {
      return Outcome.pass(
          containerfiles.stream()
              .limit(5)
              .map(p -> Evidence.file(p, "no baked secret (ENV/ARG values, COPY/ADD sources)"))
              .toList());
    }
    return Outcome.fail(findings);
  }

  private static void bakedValues(String path, DockerInstruction instruction, List<Evidence> out) {
    List<String> words = ShellWords.split(instruction.arguments());
    if (words.isEmpty()) {
      return;
    }
    List<String[]> pairs = new ArrayList<>();
    if (instruction.keyword().equals("ENV") && !words.get(0).contains("=")) {
      String value = instruction.arguments().strip().substring(words.get(0).length()).strip();
      List<String> valueWords = ShellWords.split(value);
      pairs.add(new String[] {words.get(0), String.join(" ", valueWords)});
    } else {
      for (String word : words) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          pairs.add(new String[] {word.substring(0, eq), word.substring(eq + 1)});
        }
      }
    }
    for (String[] pair : pairs) {
      String name = pair[0].toUpperCase(Locale.ROOT);
      String value = pair[1];
      if (SECRET_NAME.matcher(name).find()
          && !LOCATION_NAME.matcher(name).find()
          && isLiteralSecret(value)) {
        out.add(
            Evidence.at(
                path,
                instruction.line(),
                instruction.keyword()
                    + " `"
                    + pair[0]
                    + "` bakes a literal secret into the image (fingerprint "
                    + fingerprint(value)
                    + ")"));
      }
    }
  }

  static boolean isLiteralSecret(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.contains("$") || PLACEHOLDER.matcher(v).find()) {
      return false;
    }
    return !v.chars().allMatch(c -> c == v.charAt(0));
  }

  private static void copiedSecrets(
      String path,
      DockerInstruction instruction,
      String contextRoot,
      DockerIgnore ignore,
      List<SourceFile> secretFiles,
      List<Evidence> out) {
    List<String> words = ShellWords.arguments(instruction.arguments());
    List<String> operands = new ArrayList<>();
    List<Glob> excluded = new ArrayList<>();
    for (String word : words) {
      if (word.startsWith("--from")) {
        return;
      }
      if (word.startsWith("--exclude=")) {
        excluded.add(Glob.of(word.substring("--exclude=".length())));
      } else if (!word.startsWith("--")) {
        operands.add(word);
      }
    }
    if (operands.size() < 2) {
      return;
    }
    for (String rawSource : operands.subList(0, operands.size() - 1)) {
      if (rawSource.contains("://") || rawSource.startsWith("git@")) {
        continue;
      }
      String source = normaliseSource(rawSource);
      String baseName = source.substring(source.lastIndexOf('/') + 1);
      if (isSecretFile(baseName)) {
        out.add(
            Evidence.at(
                path,
                instruction.line(),
                instruction.keyword() + " copies secret file `" + rawSource + "` into the image"));
        continue;
      }
      for (SourceFile secret : secretFiles) {
        if (!secret.path().startsWith(contextRoot)) {
          continue;
        }
        String relative = secret.path().substring(contextRoot.length());
        if (covers(source, relative)
            && !ignore.excludes(relative)
            && excluded.stream().noneMatch(g -> g.matches(relative))) {
          out.add(
              Evidence.at(
                  path,
                  instruction.line(),
                  instruction.keyword()
                      + " `"
                      + rawSource
                      + "` copies tracked secret file `"
                      + secret.path()
                      + "` (not excluded by .dockerignore)"));
        }
      }
    }
  }

  private static String normaliseSource(String source) {
    String s = source.strip();
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals(".") ? "" : s;
  }

  /** Whether copying {@code source} (context-relative) brings in the file at {@code relative}. */
  private static boolean covers(String source, String relative) {
    if (source.isEmpty() || relative.equals(source) || relative.startsWith(source + "/")) {
      return true;
    }
    if (source.contains("*") || source.contains("?") || source.contains("[")) {
      Glob glob = Glob.of(source);
      if (glob.matches(relative)) {
        return true;
      }
      int slash = relative.indexOf('/');
      while (slash >= 0) {
        if (glob.matches(relative.substring(0, slash))) {
          return true;
        }
        slash = relative.indexOf('/', slash + 1);
      }
    }
    return false;
  }

  /**
   * The build context the file is most likely built with: its own folder when that is the root or
   * holds a .dockerignore, otherwise the repository root (as in {@code docker build -f
   * docker/Dockerfile .}).
   */
  private static String buildContext(RepoSnapshot snapshot, String containerfile) {
    int slash = containerfile.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    String folder = containerfile.substring(0, slash + 1);
    return snapshot.exists(folder + ".dockerignore") ? folder : "";
  }

  private static DockerIgnore dockerIgnore(
      RepoSnapshot snapshot, String containerfile, String contextRoot) {
    Optional<String> own = snapshot.readText(containerfile + ".dockerignore");
    if (own.isPresent()) {
      return DockerIgnore.parse(own.get());
    }
    return snapshot
        .readText(contextRoot + ".dockerignore")
        .map(DockerIgnore::parse)
        .orElse(DockerIgnore.none());
  }

  static boolean isSecretFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals(".env")) {
      return true;
    }
    if (lower.startsWith(".env.")) {
      return PLACEHOLDER_ENV_SUFFIXES.stream().noneMatch(lower::endsWith);
    }
    return lower.endsWith(".pem")
        || lower.equals("id_rsa")
        || lower.equals("id_dsa")
        || lower.equals("id_ecdsa")
        || lower.equals("id_ed25519")
        || lower.equals("credentials")
        || lower.equals("credentials.json");
  }

  private static String fingerprint(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
