package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The call matcher: walks a token stream once (after a first pass over the imports) and extracts a
 * {@link PythonModule}. Strings and comments are single tokens, so nothing inside them can look
 * like a call; brackets are matched by the tokenizer, so calls, arguments and definitions may span
 * any number of lines. Name resolution is per file and flow-insensitive: an import or a session
 * binding anywhere in the file applies everywhere in it.
 */
public final class ModuleAnalyzer {

  private static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  private static final int MAX_VALUE_NESTING = 32;
  private static final int MAX_EXPR_TEXT = 200;
  private static final int MAX_POOLED = 64;

  private final String path;
  private final boolean testCode;
  private final Tokens t;
  private final Blocks blocks;
  private final int n;

  private final Map<String, String> imports = new HashMap<>();
  private final TextPool pool;
  private final List<Call> calls = new ArrayList<>();
  private final List<Binding> bindings = new ArrayList<>();
  private final List<Assignment> assignments = new ArrayList<>();
  private final List<LiteralPair> literalPairs = new ArrayList<>();
  private final List<Decorator> decorators = new ArrayList<>();
  private final List<FunctionDef> functions = new ArrayList<>();
  private final List<ClassDef> classes = new ArrayList<>();
  private final List<ExceptHandler> exceptHandlers = new ArrayList<>();

  /** The call whose closing parenthesis is at an index, to resolve {@code f().g()} chains. */
  private Call[] callClosingAt;

  private final List<String> pendingDecorators = new ArrayList<>();
  private final Scopes scopes = new Scopes();
  private int indentLevel;

  /** Parameters of the latest {@code def}, to name the parameter a call sits in. */
  private int paramsOpen = -1;

  private int paramsClose = -1;
  private final List<Parameter> params = new ArrayList<>();

  private ModuleAnalyzer(String path, boolean testCode, Blocks blocks) {
    this.path = path;
    this.testCode = testCode;
    this.t = blocks.tokens();
    this.blocks = blocks;
    this.n = t.size();
    this.pool = new TextPool(MAX_POOLED, n / 4);
  }

  /** Tokenizes {@code source} and extracts its module facts. */
  public static PythonModule analyze(String path, boolean testCode, String source) {
    return analyze(path, testCode, PythonTokenizer.tokenize(source));
  }

  public static PythonModule analyze(String path, boolean testCode, Tokens tokens) {
    return analyze(path, testCode, Blocks.of(tokens));
  }

  /** As {@link #analyze(String, boolean, Tokens)}, on blocks the caller already found. */
  public static PythonModule analyze(String path, boolean testCode, Blocks blocks) {
    return new ModuleAnalyzer(path, testCode, blocks).run();
  }

  private PythonModule run() {
    PhysicalLines lines = PhysicalLines.of(t.source());
    collectImports();
    boolean statementStart = true;
    for (int i = 0; i < n; i++) {
      switch (t.kind(i)) {
        case NEWLINE -> statementStart = true;
        case INDENT -> {
          indentLevel++;
          statementStart = true;
        }
        case DEDENT -> {
          indentLevel--;
          statementStart = true;
        }
        case NL, COMMENT, ENDMARKER -> {}
        case STRING -> {
          literalPair(i);
          headerLine(i);
          statementStart = false;
        }
        case OP -> {
          if (statementStart && t.isOp(i, '@')) {
            decorator(i);
          }
          statementStart = t.isOp(i, ';') && t.depth(i) == 0;
        }
        case NAME -> {
          if (statementStart) {
            statement(i);
          }
          call(i);
          statementStart = false;
        }
        default -> statementStart = false;
      }
    }
    return new PythonModule(
        path,
        testCode,
        hasCode(),
        isDocstring(t.skipTrivia(0)),
        t.firstTabIndentedLine(),
        imports,
        calls,
        bindings,
        assignments,
        literalPairs,
        decorators,
        functions,
        classes,
        LayoutAnalyzer.analyze(t, lines),
        exceptHandlers,
        Extents.of(blocks),
        codeLines(lines),
        Vocabulary.of(t));
  }

  /**
   * Lines ended by LF (or the end of the text) that hold a character other than whitespace. A lone
   * CR does not end such a line: it is whitespace inside it, although it ends a physical line.
   */
  private int codeLines(PhysicalLines physical) {
    String source = t.source();
    int length = source.length();
    int count = 0;
    boolean content = false;
    for (int k = 0; k < physical.count(); k++) {
      int end = physical.end(k);
      for (int i = physical.start(k); !content && i < end; i++) {
        content = !Character.isWhitespace(source.charAt(i));
      }
      boolean loneCr =
          end < length
              && source.charAt(end) == '\r'
              && (end + 1 == length || source.charAt(end + 1) != '\n');
      if (!loneCr) {
        count += content ? 1 : 0;
        content = false;
      }
    }
    return count;
  }

  private boolean hasCode() {
    for (int i = 0; i < n; i++) {
      switch (t.kind(i)) {
        case NL, COMMENT, NEWLINE, INDENT, DEDENT, ENDMARKER -> {}
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  // ---- imports ----

  private void collectImports() {
    boolean statementStart = true;
    for (int i = 0; i < n; i++) {
      TokenKind kind = t.kind(i);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
        statementStart = true;
      } else if (kind == TokenKind.NL || kind == TokenKind.COMMENT) {
        continue;
      } else {
        if (statementStart && kind == TokenKind.NAME) {
          if (t.is(i, "import")) {
            plainImport(i + 1);
          } else if (t.is(i, "from")) {
            fromImport(i + 1);
          }
        }
        statementStart = t.isOp(i, ';') || (t.isOp(i, ':') && t.depth(i) == 0);
      }
    }
  }

  /** {@code import a.b.c [as x], d}: binds {@code x} to a.b.c, or {@code a} to itself. */
  private void plainImport(int from) {
    int i = from;
    while (t.isName(i)) {
      int end = dottedEnd(i);
      String module = dotted(i, end);
      i = end + 1;
      if (t.is(i, "as") && t.isName(i + 1)) {
        imports.put(t.text(i + 1), module);
        i += 2;
      } else {
        String first = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        imports.putIfAbsent(first, first);
      }
      if (!t.isOp(i, ',')) {
        return;
      }
      i++;
    }
  }

  /** {@code from m import a [as b], (c, d)}: binds each name to m.name. */
  private void fromImport(int from) {
    int i = from;
    StringBuilder module = new StringBuilder();
    while (t.isOp(i, '.') || t.is(i, "...")) {
      module.append(t.text(i));
      i++;
    }
    if (t.isName(i) && !t.is(i, "import")) {
      int end = dottedEnd(i);
      module.append(dotted(i, end));
      i = end + 1;
    }
    if (!t.is(i, "import")) {
      return;
    }
    i = t.skipTrivia(i + 1);
    if (t.isOp(i, '(')) {
      i = t.skipTrivia(i + 1);
    }
    String prefix = module.toString();
    String base = prefix.endsWith(".") ? prefix : prefix + ".";
    while (t.isName(i)) {
      String name = t.text(i);
      i = t.skipTrivia(i + 1);
      String local = name;
      if (t.is(i, "as") && t.isName(t.skipTrivia(i + 1))) {
        int alias = t.skipTrivia(i + 1);
        local = t.text(alias);
        i = t.skipTrivia(alias + 1);
      }
      imports.put(local, base + name);
      if (!t.isOp(i, ',')) {
        return;
      }
      i = t.skipTrivia(i + 1);
    }
  }

  /**
   * {@link #resolve}, pooled; {@code written} itself (pooled already) when nothing was imported.
   */
  private String resolvedPooled(String written) {
    String resolved = resolve(written);
    return resolved == written ? written : pooled(resolved);
  }

  /** The dotted name for {@code written}, its first part replaced by what it was imported as. */
  private String resolve(String written) {
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String target = imports.get(first);
    if (target == null || target.equals(first)) {
      return written;
    }
    return dot < 0 ? target : target + written.substring(dot);
  }

  // ---- statements ----

  private void statement(int i) {
    // A statement ends every def or class whose body lies deeper: a def under a module-level
    // `if` or `try` that follows a function is not nested in that function.
    scopes.enclosing(indentLevel);
    if (t.is(i, "def")) {
      functionDef(i);
    } else if (t.is(i, "async") && t.is(i + 1, "def")) {
      functionDef(i + 1);
    } else if (t.is(i, "class")) {
      classDef(i);
    } else if (t.is(i, "except")) {
      exceptHandler(i);
    } else {
      if (!pendingDecorators.isEmpty()) {
        pendingDecorators.clear();
      }
      assignment(i);
    }
  }

  private void decorator(int at) {
    int name = t.skipTrivia(at + 1);
    if (!t.isName(name)) {
      return;
    }
    int end = dottedEnd(name);
    String resolved = resolve(dotted(name, end));
    boolean called = t.isOp(t.skipTrivia(end + 1), '(');
    decorators.add(new Decorator(resolved, t.line(at), called));
    pendingDecorators.add(resolved);
  }

  private void assignment(int i) {
    int end = dottedEnd(i);
    int next = end + 1;
    if (!t.isOp(next, ':') && !t.isOp(next, '=')) {
      return;
    }
    if (end == i && KEYWORDS.contains(text(i))) {
      return;
    }
    if (t.isOp(next, ':')) {
      next = skipExpression(next + 1, true);
    }
    if (!t.isOp(next, '=')) {
      return;
    }
    int valueStart = next + 1;
    int valueEnd = skipExpression(valueStart, false);
    String target = dotted(i, end);
    int callee = t.skipTrivia(valueStart);
    if (callee < valueEnd && startsLiteral(callee)) {
      String name = end > i ? text(end) : target;
      assignments.add(new Assignment(target, value(valueStart, valueEnd, 0), t.line(i), name));
    }
    if (t.isName(callee)) {
      int calleeEnd = dottedEnd(callee);
      int open = t.skipTrivia(calleeEnd + 1);
      int last = t.skipTriviaBack(valueEnd - 1);
      if (t.isOp(open, '(') && t.match(open) == last) {
        bindings.add(new Binding(target, resolvedPooled(dotted(callee, calleeEnd)), t.line(i)));
      }
    }
  }

  /** Whether a literal display or constant (not a name or a call) starts at {@code i}. */
  private boolean startsLiteral(int i) {
    return switch (t.kind(i)) {
      case STRING, NUMBER -> true;
      case NAME -> t.is(i, "True") || t.is(i, "False") || t.is(i, "None");
      case OP -> t.isOp(i, '[') || t.isOp(i, '{') || t.isOp(i, '(') || t.isOp(i, '-');
      default -> false;
    };
  }

  /**
   * The index after the expression starting at {@code from}: where the logical line ends, a ';'
   * appears, or (when {@code stopAtEquals}) a top-level '=' appears.
   */
  private int skipExpression(int from, boolean stopAtEquals) {
    int j = from;
    while (j < n) {
      TokenKind kind = t.kind(j);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.ENDMARKER) {
        return j;
      }
      if (kind == TokenKind.OP) {
        if (t.isOp(j, ';') || (stopAtEquals && t.isOp(j, '='))) {
          return j;
        }
        int match = t.match(j);
        if (match > j) {
          j = match;
        }
      }
      j++;
    }
    return n;
  }

  private void functionDef(int def) {
    int nameIndex = def + 1;
    if (!t.isName(nameIndex)) {
      return;
    }
    int open = nameIndex + 1;
    if (t.isOp(open, '[') && t.match(open) > open) {
      open = t.match(open) + 1;
    }
    if (!t.isOp(open, '(') || t.match(open) < open) {
      return;
    }
    int close = t.match(open);
    String name = t.text(nameIndex);
    Scopes.Scope parent = scopes.enclosing(indentLevel);
    boolean method = parent != null && parent.isClass();
    boolean publicApi =
        !name.startsWith("_") && (parent == null || (parent.isClass() && parent.publicApi()));
    List<String> decoratorNames = List.copyOf(pendingDecorators);
    pendingDecorators.clear();
    boolean skipFirst = method && decoratorNames.stream().noneMatch(d -> d.equals("staticmethod"));
    List<String> defaulted = new ArrayList<>();
    List<String> unannotated = parameters(open, close, skipFirst, defaulted);
    int arrow = t.skipTrivia(close + 1);
    boolean returnAnnotated = t.is(arrow, "->");
    int colon = blockColon(close + 1);
    functions.add(
        new FunctionDef(
            name,
            t.line(def),
            publicApi,
            method,
            colon >= 0 && hasBlockDocstring(colon),
            unannotated,
            defaulted,
            returnAnnotated,
            decoratorNames));
    scopes.push(indentLevel + 1, false, publicApi, name);
  }

  /**
   * Records the parameters of a def; returns the names of those without an annotation and adds
   * those with a default value to {@code defaulted}.
   */
  private List<String> parameters(int open, int close, boolean skipFirst, List<String> defaulted) {
    paramsOpen = open;
    paramsClose = close;
    params.clear();
    List<String> unannotated = new ArrayList<>();
    boolean first = true;
    for (int[] segment : segments(open, close)) {
      int a = t.skipTrivia(segment[0]);
      if (a >= segment[1]) {
        continue;
      }
      int nameIndex = a;
      if (t.isOp(a, '*') || t.is(a, "**")) {
        nameIndex = t.skipTrivia(a + 1);
      }
      if (!t.isName(nameIndex) || nameIndex >= segment[1]) {
        continue;
      }
      String name = t.text(nameIndex);
      params.add(new Parameter(segment[0], segment[1], name));
      boolean skip = first && skipFirst;
      first = false;
      if (!skip && !t.isOp(t.skipTrivia(nameIndex + 1), ':')) {
        unannotated.add(name);
      }
      if (hasDefault(nameIndex + 1, segment[1])) {
        defaulted.add(name);
      }
    }
    return unannotated;
  }

  /** Whether a top-level '=' sits in a parameter segment after its name. */
  private boolean hasDefault(int from, int end) {
    for (int j = from; j < end; j++) {
      int match = t.match(j);
      if (match > j) {
        j = match;
      } else if (t.isOp(j, '=')) {
        return true;
      }
    }
    return false;
  }

  private void classDef(int at) {
    int nameIndex = at + 1;
    if (!t.isName(nameIndex)) {
      return;
    }
    String name = t.text(nameIndex);
    Scopes.Scope parent = scopes.enclosing(indentLevel);
    boolean publicApi =
        !name.startsWith("_") && (parent == null || (parent.isClass() && parent.publicApi()));
    pendingDecorators.clear();
    int colon = blockColon(nameIndex + 1);
    classes.add(new ClassDef(name, t.line(at), publicApi, colon >= 0 && hasBlockDocstring(colon)));
    scopes.push(indentLevel + 1, true, publicApi, name);
  }

  // ---- except clauses ----

  private void exceptHandler(int at) {
    int colon = blockColon(at + 1);
    if (colon < 0) {
      return;
    }
    boolean broad = t.skipTrivia(at + 1) == colon;
    String name = "";
    for (int j = at + 1; j < colon; j++) {
      if (t.is(j, "as")) {
        name = t.isName(j + 1) ? t.text(j + 1) : "";
        break;
      }
      broad |=
          (t.is(j, "Exception") || t.is(j, "BaseException"))
              && !t.isOp(t.skipTriviaBack(j - 1), '.');
    }
    Scopes.Scope scope = scopes.enclosing(indentLevel);
    String function = scope == null || scope.isClass() ? "" : scope.name();
    exceptHandlers.add(
        new ExceptHandler(
            t.line(at), broad, silentBody(colon), function, name, bodyLastLine(colon)));
  }

  /** The last line of the block after {@code colon}: its own line for a one-line body. */
  private int bodyLastLine(int colon) {
    int j = t.skipTrivia(colon + 1);
    if (!t.isKind(j, TokenKind.NEWLINE)) {
      return t.line(colon);
    }
    int depth = 0;
    int last = t.line(colon);
    for (int k = j + 1; k < n; k++) {
      TokenKind kind = t.kind(k);
      if (kind == TokenKind.INDENT) {
        depth++;
      } else if (kind == TokenKind.DEDENT) {
        depth--;
        if (depth <= 0) {
          return last;
        }
      } else if (kind != TokenKind.NL
          && kind != TokenKind.COMMENT
          && kind != TokenKind.NEWLINE
          && kind != TokenKind.ENDMARKER) {
        last = t.line(k);
      }
    }
    return last;
  }

  /** Whether the block after {@code colon} holds only statements that neither log nor raise. */
  private boolean silentBody(int colon) {
    int j = t.skipTrivia(colon + 1);
    boolean block = t.isKind(j, TokenKind.NEWLINE);
    if (block) {
      j = t.skipTrivia(j + 1);
      if (!t.isKind(j, TokenKind.INDENT)) {
        return false;
      }
      j++;
    }
    while (true) {
      j = t.skipTrivia(j);
      if (t.isKind(j, TokenKind.DEDENT) || t.isKind(j, TokenKind.ENDMARKER)) {
        return true;
      }
      int end = silentStatementEnd(j);
      if (end < 0) {
        return false;
      }
      if (t.isKind(end, TokenKind.NEWLINE) && !block) {
        return true;
      }
      j = end + 1;
    }
  }

  /** The NEWLINE or ';' ending a pass/continue/return-literal statement at {@code i}; else -1. */
  private int silentStatementEnd(int i) {
    int next;
    if (t.is(i, "pass") || t.is(i, "continue")) {
      next = i + 1;
    } else if (t.is(i, "...")) {
      next = i + 1;
    } else if (t.is(i, "return")) {
      int value = t.skipTrivia(i + 1);
      next = value;
      if (t.is(value, "None")
          || t.is(value, "True")
          || t.is(value, "False")
          || t.isKind(value, TokenKind.NUMBER)
          // An f-string with replacement fields computes its value (moto returns an error
          // message built from the input): only a plain string is a literal.
          || t.isKind(value, TokenKind.STRING)
              && !(StringLiterals.formatted(t.text(value)) && t.text(value).indexOf('{') >= 0)) {
        next = value + 1;
      } else if ((t.isOp(value, '[') || t.isOp(value, '{') || t.isOp(value, '('))
          && t.match(value) == t.skipTrivia(value + 1)) {
        next = t.match(value) + 1;
      }
    } else {
      return -1;
    }
    int end = t.skipTrivia(next);
    boolean ends =
        t.isKind(end, TokenKind.NEWLINE)
            || t.isKind(end, TokenKind.ENDMARKER)
            || (t.isOp(end, ';') && t.depth(end) == 0);
    return ends ? end : -1;
  }

  /** The ':' that opens a compound statement's block, searching from {@code from}; -1 if none. */
  private int blockColon(int from) {
    int j = from;
    while (j < n) {
      TokenKind kind = t.kind(j);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.ENDMARKER) {
        return -1;
      }
      if (t.isOp(j, ':')) {
        return j;
      }
      int match = t.match(j);
      j = match > j ? match + 1 : j + 1;
    }
    return -1;
  }

  private boolean hasBlockDocstring(int colon) {
    int j = t.skipTrivia(colon + 1);
    if (t.isKind(j, TokenKind.NEWLINE)) {
      j = t.skipTrivia(j + 1);
      if (!t.isKind(j, TokenKind.INDENT)) {
        return false;
      }
      j = t.skipTrivia(j + 1);
    }
    return isDocstring(j);
  }

  /** A statement made of string literals only (no f-string) starts at {@code i}. */
  private boolean isDocstring(int i) {
    if (!t.isKind(i, TokenKind.STRING)) {
      return false;
    }
    int j = i;
    while (t.isKind(j, TokenKind.STRING)) {
      if (isFormatted(j)) {
        return false;
      }
      j = t.skipTrivia(j + 1);
    }
    return j >= n
        || t.isKind(j, TokenKind.NEWLINE)
        || t.isKind(j, TokenKind.ENDMARKER)
        || t.isOp(j, ';');
  }

  // ---- calls ----

  private void call(int i) {
    int before = t.skipTriviaBack(i - 1);
    String writtenPrefix = "";
    String resolvedPrefix = "";
    if (before >= 0 && t.isOp(before, '.')) {
      int closing = t.skipTriviaBack(before - 1);
      if (closing < 0 || callClosingAt == null || callClosingAt[closing] == null) {
        return;
      }
      Call inner = callClosingAt[closing];
      writtenPrefix = inner.written() + "().";
      resolvedPrefix = inner.callee() + "().";
    } else if (before >= 0 && (t.is(before, "def") || t.is(before, "class"))) {
      return;
    }
    int end = dottedEnd(i);
    int open = t.skipTrivia(end + 1);
    if (!t.isOp(open, '(')) {
      return;
    }
    String dotted = dotted(i, end);
    if (end == i && KEYWORDS.contains(dotted)) {
      return;
    }
    String written;
    String callee;
    String name;
    if (writtenPrefix.isEmpty()) {
      written = dotted;
      callee = resolvedPooled(dotted);
      // Resolving replaces the first part only: a dotted name keeps its last token.
      name = end > i ? text(end) : callee == dotted ? dotted : lastPart(callee);
    } else {
      written = pooled(writtenPrefix + dotted);
      callee = pooled(resolvedPrefix + dotted);
      name = end > i ? text(end) : dotted;
    }
    int close = t.match(open);
    if (close < 0) {
      close = n - 1;
    }
    Call call = arguments(callee, written, name, i, open, close);
    calls.add(call);
    if (callClosingAt == null) {
      callClosingAt = new Call[n];
    }
    callClosingAt[close] = call;
    int as = t.skipTrivia(close + 1);
    if (t.is(as, "as") && t.isName(t.skipTrivia(as + 1))) {
      int target = t.skipTrivia(as + 1);
      bindings.add(new Binding(dotted(target, dottedEnd(target)), callee, t.line(target)));
    }
  }

  private Call arguments(String callee, String written, String name, int at, int open, int close) {
    List<PyValue> positional = List.of();
    Map<String, PyValue> keywords = Map.of();
    boolean argsSplat = false;
    boolean kwargsSplat = false;
    for (int[] segment : segments(open, close)) {
      int a = t.skipTrivia(segment[0]);
      int b = segment[1];
      if (a >= b) {
        continue;
      }
      if (t.is(a, "**")) {
        kwargsSplat = true;
      } else if (t.isOp(a, '*')) {
        argsSplat = true;
      } else if (t.isName(a) && t.isOp(t.skipTrivia(a + 1), '=')) {
        if (keywords.isEmpty()) {
          keywords = new LinkedHashMap<>();
        }
        keywords.put(text(a), value(t.skipTrivia(a + 1) + 1, b, 0));
      } else {
        if (positional.isEmpty()) {
          positional = new ArrayList<>();
        }
        positional.add(value(a, b, 0));
      }
    }
    String parameter = "";
    if (at > paramsOpen && at < paramsClose) {
      for (Parameter p : params) {
        if (at >= p.start() && at < p.end()) {
          parameter = p.name();
        }
      }
    }
    return new Call(
        callee,
        written,
        t.line(at),
        t.column(at),
        positional,
        keywords,
        argsSplat,
        kwargsSplat,
        parameter,
        name);
  }

  /** The comma-separated parts between a bracket and its partner, as [start, end) ranges. */
  private List<int[]> segments(int open, int close) {
    List<int[]> segments = new ArrayList<>();
    int start = open + 1;
    int j = open + 1;
    while (j < close) {
      int match = t.match(j);
      if (match > j) {
        j = match + 1;
        continue;
      }
      if (t.isOp(j, ',')) {
        segments.add(new int[] {start, j});
        start = j + 1;
      }
      j++;
    }
    if (start < close) {
      segments.add(new int[] {start, close});
    }
    return segments;
  }

  // ---- literal values ----

  private PyValue value(int from, int to, int nesting) {
    int a = t.skipTrivia(from);
    int b = t.skipTriviaBack(Math.min(to, n) - 1) + 1;
    if (a >= b) {
      return new PyValue.Expr("");
    }
    if (nesting > MAX_VALUE_NESTING) {
      return expr(a, b);
    }
    switch (t.kind(a)) {
      case STRING -> {
        return strings(a, b);
      }
      case NUMBER -> {
        return b == a + 1 ? new PyValue.Num(text(a)) : expr(a, b);
      }
      case NAME -> {
        if (b == a + 1) {
          if (t.is(a, "True")) {
            return new PyValue.Bool(true);
          }
          if (t.is(a, "False")) {
            return new PyValue.Bool(false);
          }
          if (t.is(a, "None")) {
            return new PyValue.None();
          }
        }
        int end = dottedEnd(a);
        return end == b - 1 ? new PyValue.Name(dotted(a, end)) : expr(a, b);
      }
      case OP -> {
        if (t.isOp(a, '-') && b == a + 2 && t.isKind(a + 1, TokenKind.NUMBER)) {
          return new PyValue.Num("-" + t.text(a + 1));
        }
        if (t.match(a) == b - 1 && b - 1 > a) {
          return display(a, b - 1, nesting);
        }
        return expr(a, b);
      }
      default -> {
        return expr(a, b);
      }
    }
  }

  private PyValue strings(int a, int b) {
    StringBuilder joined = new StringBuilder();
    for (int j = a; j < b; j++) {
      if (t.isTrivia(j)) {
        continue;
      }
      if (!t.isKind(j, TokenKind.STRING)) {
        return expr(a, b);
      }
      String value = StringLiterals.value(t.text(j));
      if (value == null) {
        return expr(a, b);
      }
      joined.append(value);
    }
    return new PyValue.Str(pooled(joined.toString()));
  }

  /** A list, tuple, set or dict display between {@code open} and its partner {@code close}. */
  private PyValue display(int open, int close, int nesting) {
    List<int[]> segments = segments(open, close);
    for (int[] segment : segments) {
      for (int j = segment[0]; j < segment[1]; j++) {
        if (t.is(j, "for")) {
          return expr(open, close + 1);
        }
        int match = t.match(j);
        if (match > j) {
          j = match;
        }
      }
    }
    boolean brace = t.isOp(open, '{');
    if (brace && (segments.isEmpty() || topLevelColon(segments.get(0)) >= 0)) {
      List<PyValue.Entry> entries = new ArrayList<>();
      for (int[] segment : segments) {
        int colon = topLevelColon(segment);
        if (colon < 0) {
          continue;
        }
        entries.add(
            new PyValue.Entry(
                value(segment[0], colon, nesting + 1), value(colon + 1, segment[1], nesting + 1)));
      }
      return new PyValue.Dict(entries);
    }
    boolean parenthesised = t.isOp(open, '(');
    if (parenthesised && segments.size() == 1 && !hasTrailingComma(open, close)) {
      return value(segments.get(0)[0], segments.get(0)[1], nesting + 1);
    }
    List<PyValue> items = new ArrayList<>();
    for (int[] segment : segments) {
      if (t.skipTrivia(segment[0]) < segment[1]) {
        items.add(value(segment[0], segment[1], nesting + 1));
      }
    }
    return new PyValue.Seq(items);
  }

  private boolean hasTrailingComma(int open, int close) {
    return t.isOp(t.skipTriviaBack(close - 1), ',') && t.skipTriviaBack(close - 1) > open;
  }

  private int topLevelColon(int[] segment) {
    for (int j = segment[0]; j < segment[1]; j++) {
      int match = t.match(j);
      if (match > j) {
        j = match;
      } else if (t.isOp(j, ':')) {
        return j;
      }
    }
    return -1;
  }

  /** An opaque expression: its source text as written, cut at {@value #MAX_EXPR_TEXT} chars. */
  private PyValue.Expr expr(int a, int b) {
    int last = t.skipTriviaBack(b - 1);
    if (last < a) {
      return new PyValue.Expr("");
    }
    int from = t.start(a);
    int to = Math.min(t.end(last), from + MAX_EXPR_TEXT);
    return new PyValue.Expr(t.source().substring(from, to));
  }

  /** Whether string token {@code i} is an f-string or t-string (its prefix holds f or t). */
  private boolean isFormatted(int i) {
    String source = t.source();
    for (int p = t.start(i); p < t.end(i); p++) {
      char c = source.charAt(p);
      if (c == '"' || c == '\'') {
        return false;
      }
      if (c == 'f' || c == 'F' || c == 't' || c == 'T') {
        return true;
      }
    }
    return false;
  }

  // ---- literal pairs ----

  /**
   * {@code "k": v}, {@code ("k", v)} / {@code ["k", v]} (the key first in its brackets) and {@code
   * x["k"] = v}, with a one-token literal value.
   */
  private void literalPair(int i) {
    int next = t.skipTrivia(i + 1);
    int previous = t.skipTriviaBack(i - 1);
    boolean opensBracket = t.isOp(previous, '(') || t.isOp(previous, '[');
    int valueIndex;
    if (t.isOp(next, ':') || (t.isOp(next, ',') && opensBracket)) {
      valueIndex = t.skipTrivia(next + 1);
    } else if (t.isOp(next, ']') && t.isOp(previous, '[') && t.isOp(next + 1, '=')) {
      valueIndex = next + 2;
    } else {
      return;
    }
    if (valueIndex >= n || !isLiteralToken(valueIndex)) {
      return;
    }
    int after = t.skipTrivia(valueIndex + 1);
    if (t.isOp(after, '.') || t.isOp(after, '(') || t.isOp(after, '[')) {
      return;
    }
    String key = pooled(StringLiterals.value(t.text(i)));
    if (key == null) {
      return;
    }
    literalPairs.add(new LiteralPair(key, value(valueIndex, valueIndex + 1, 0), t.line(i)));
  }

  private boolean isLiteralToken(int i) {
    return switch (t.kind(i)) {
      case STRING, NUMBER -> true;
      case NAME -> t.is(i, "True") || t.is(i, "False") || t.is(i, "None");
      default -> false;
    };
  }

  /** A string literal that reads like one HTTP header line, {@code "Some-Name: value"}. */
  private void headerLine(int i) {
    String source = t.source();
    int end = t.end(i);
    int quote = t.start(i);
    while (quote < end && source.charAt(quote) != '"' && source.charAt(quote) != '\'') {
      quote++;
    }
    int p = quote + 1;
    if (p >= end || !Character.isLetter(source.charAt(p))) {
      return;
    }
    boolean dash = false;
    while (p < end) {
      char c = source.charAt(p);
      if (c == '-') {
        dash = true;
      } else if (c == ':') {
        break;
      } else if (!(c < 128 && Character.isLetterOrDigit(c))) {
        return;
      }
      p++;
    }
    if (!dash || p >= end) {
      return;
    }
    String value = StringLiterals.value(t.text(i));
    if (value == null) {
      return;
    }
    int colon = value.indexOf(':');
    String headerValue = value.substring(colon + 1).trim();
    if (colon > 0 && !headerValue.isEmpty() && headerValue.indexOf('\n') < 0) {
      literalPairs.add(
          new LiteralPair(value.substring(0, colon), new PyValue.Str(headerValue), t.line(i)));
    }
  }

  // ---- helpers ----

  /** The index of the last name of the dotted name starting at {@code i}. */
  private int dottedEnd(int i) {
    int end = i;
    while (true) {
      int dot = t.skipTrivia(end + 1);
      if (!t.isOp(dot, '.')) {
        return end;
      }
      int name = t.skipTrivia(dot + 1);
      if (!t.isName(name)) {
        return end;
      }
      end = name;
    }
  }

  private String dotted(int from, int end) {
    if (from == end) {
      return text(from);
    }
    StringBuilder name = new StringBuilder();
    for (int j = from; j <= end; j++) {
      if (t.isName(j)) {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(t.source(), t.start(j), t.end(j));
      }
    }
    return pooled(name.toString());
  }

  /** One instance per distinct short text in this file ({@link TextPool}). */
  private String pooled(String text) {
    return pool.of(text);
  }

  /** The text of token {@code i}, pooled: a repeated name costs neither a substring nor a hash. */
  private String text(int i) {
    return pool.of(t.source(), t.start(i), t.end(i));
  }

  /**
   * The last part of a dotted name, pooled, for {@link Call#name()} and {@link Assignment#name()}.
   */
  private String lastPart(String dotted) {
    int dot = dotted.lastIndexOf('.');
    return dot < 0 ? dotted : pool.of(dotted, dot + 1, dotted.length());
  }

  private record Parameter(int start, int end, String name) {}

  /** The enclosing defs and classes by the indentation level of their bodies. */
  private static final class Scopes {

    record Scope(int bodyLevel, boolean isClass, boolean publicApi, String name) {}

    private final List<Scope> stack = new ArrayList<>();

    /** The innermost def or class whose body contains a statement at {@code level}. */
    Scope enclosing(int level) {
      while (!stack.isEmpty() && stack.get(stack.size() - 1).bodyLevel() > level) {
        stack.remove(stack.size() - 1);
      }
      return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    void push(int bodyLevel, boolean isClass, boolean publicApi, String name) {
      stack.add(new Scope(bodyLevel, isClass, publicApi, name));
    }
  }

  @Override
  public String toString() {
    return "ModuleAnalyzer[" + path + "]";
  }
}
