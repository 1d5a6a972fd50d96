package dev.fleetcheck.core.secrets;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A high-entropy literal assigned to a secret-like name, in code, YAML, JSON, INI, {@code .env},
 * shell {@code export} or notebook cells. Code files must quote the value (a bare word there is a
 * variable, {@code password = get_password()}); configuration formats may leave it bare, and so may
 * documents, except for a bare call or subscript, which is Python shown in the text. PowerShell is
 * code too ({@code $token = [Type]::Member()} is an expression). A quoted literal formatted with
 * {@code %} or {@code .format} ({@code 'prefix_%s' % digest}) is a template, not the value.
 * Minified and source-map files, and lines too long to be written by hand, are skipped here:
 * generated code is full of short names next to random-looking strings, and the vendor-prefix
 * detectors still cover it.
 */
public final class SecretAssignmentDetector implements SecretDetector {

  private static final int MAX_LINE_LENGTH = 2048;

  /**
   * Prose formats whose code samples are Python: there, a bare value that starts as a call or a
   * subscript ({@code request.form['password']}, {@code getpass()}) is code shown, not a
   * configuration value.
   */
  private static final Set<String> DOCUMENT_EXTENSIONS =
      Set.of("md", "markdown", "rst", "adoc", "asciidoc");

  private static final Pattern CALL_OR_SUBSCRIPT = Pattern.compile("[A-Za-z_][\\w.]*[(\\[]");
  private static final Set<String> CODE_EXTENSIONS =
      Set.of(
          "py", "pyi", "pyx", "ipynb", "js", "jsx", "mjs", "cjs", "ts", "tsx", "json", "java", "kt",
          "kts", "go", "rb", "php", "cs", "c", "h", "cc", "cpp", "hpp", "rs", "swift", "scala",
          "groovy", "lua", "pl", "r", "jl", "dart", "vue", "svelte", "ps1", "psm1", "psd1");

  @Override
  public String kind() {
    return "secret_assignment";
  }

  @Override
  public List<String> foldedAnchors() {
    return SecretNames.ANCHORS;
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String name = text.fileName();
    if (name.endsWith(".min.js") || name.endsWith(".min.css") || name.endsWith(".map")) {
      return;
    }
    boolean bareValuesAllowed = !CODE_EXTENSIONS.contains(text.extension());
    boolean document = DOCUMENT_EXTENSIONS.contains(text.extension());
    String content = text.text();
    BitSet judged = new BitSet();
    for (String anchor : SecretNames.ANCHORS) {
      for (int at = text.findFolded(anchor, 0); at >= 0; at = text.findFolded(anchor, at + 1)) {
        int lineStart = text.lineStart(at);
        int lineEnd = text.lineEnd(at);
        if (lineEnd - lineStart > MAX_LINE_LENGTH) {
          at = lineEnd;
          continue;
        }
        // Most hits are in names that are not being assigned, or that hold no credential (key_id,
        // tokenizer): both are judged before the value is parsed. A name decides alike for every
        // hit inside it.
        int nameStart = Assignment.nameStart(content, at, lineStart);
        if (judged.get(nameStart)) {
          continue;
        }
        int nameEnd = Assignment.nameEnd(content, at, lineEnd);
        int valueFrom = Assignment.valueSearchStart(content, nameEnd, lineEnd);
        if (valueFrom < 0 || !SecretNames.isSecretName(content.substring(nameStart, nameEnd))) {
          continue;
        }
        Assignment assignment =
            Assignment.withValueFrom(content, nameStart, nameEnd, valueFrom, lineEnd);
        if (assignment == null
            || !isLiteral(assignment, bareValuesAllowed, document)
            || (!bareValuesAllowed && formatted(content, assignment, lineEnd))) {
          continue;
        }
        // Several anchors can hit one name (client_secret_token); judge it once.
        judged.set(assignment.nameStart());
        String value = SecretValues.credentialPart(assignment.value());
        if (SecretValues.looksLikeSecret(value)) {
          matches.add(
              new SecretMatch(
                  kind(), assignment.valueStart(), assignment.valueEnd(), Fingerprint.of(value)));
        }
      }
    }
  }

  /**
   * Whether a quoted value in code is only the start of an expression that computes the value: a
   * {@code %} or {@code .format} template ({@code '__omit_place_holder__%s' % digest}, {@code
   * 'st=%d~exp=%d' % (st, exp)}). The literal there is a template, not the credential; {@code
   * 'k3y...'.encode()} still is one.
   */
  private static boolean formatted(String content, Assignment assignment, int lineEnd) {
    if (!assignment.quoted()) {
      return false;
    }
    int p = assignment.valueEnd() + 1;
    while (p < lineEnd && (content.charAt(p) == ' ' || content.charAt(p) == '\t')) {
      p++;
    }
    if (p >= lineEnd) {
      return false;
    }
    return content.charAt(p) == '%' || content.startsWith(".format(", p);
  }

  /** Whether the value is a literal: quoted, or bare where the format allows bare literals. */
  private static boolean isLiteral(Assignment assignment, boolean bareAllowed, boolean document) {
    if (assignment.quoted()) {
      return true;
    }
    return bareAllowed && !(document && CALL_OR_SUBSCRIPT.matcher(assignment.value()).lookingAt());
  }
}
