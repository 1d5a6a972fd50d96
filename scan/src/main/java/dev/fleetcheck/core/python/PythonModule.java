package dev.fleetcheck.core.python;

import java.util.List;
import java.util.Map;

/**
 * What the code checks need from one Python file, extracted from its token stream: imports, calls,
 * bindings, assignments, literal pairs, definitions, except clauses and layout. Nothing inside a
 * string or a comment ever shows up here except as the value of a literal.
 *
 * @param path repository-relative path
 * @param testCode whether the file is test code (RULES.md)
 * @param hasCode whether the file holds any statement at all
 * @param hasDocstring whether the module starts with a docstring
 * @param firstTabIndentedLine the first logical line indented with a tab, 0 when none
 * @param imports local name to the dotted name it stands for
 * @param layout blank lines, docstring quotes and explaining comments ({@link Layout})
 * @param extents the size of every def and class, in source order ({@link Extent})
 * @param codeLines the lines holding anything but whitespace
 * @param vocabulary the names its code spells, for checks to skip modules early ({@link
 *     Vocabulary})
 */
public record PythonModule(
    String path,
    boolean testCode,
    boolean hasCode,
    boolean hasDocstring,
    int firstTabIndentedLine,
    Map<String, String> imports,
    List<Call> calls,
    List<Binding> bindings,
    List<Assignment> assignments,
    List<LiteralPair> literalPairs,
    List<Decorator> decorators,
    List<FunctionDef> functions,
    List<ClassDef> classes,
    Layout layout,
    List<ExceptHandler> exceptHandlers,
    List<Extent> extents,
    int codeLines,
    Vocabulary vocabulary) {

  public PythonModule {
    extents = List.copyOf(extents);
    imports = Map.copyOf(imports);
    calls = List.copyOf(calls);
    bindings = List.copyOf(bindings);
    assignments = List.copyOf(assignments);
    literalPairs = List.copyOf(literalPairs);
    decorators = List.copyOf(decorators);
    functions = List.copyOf(functions);
    classes = List.copyOf(classes);
    exceptHandlers = List.copyOf(exceptHandlers);
  }

  /**
   * Whether the code may spell {@code name} as a name (not inside a string or comment): when not,
   * no call, import, assignment, decorator or definition of the module involves that name.
   */
  public boolean mentions(String name) {
    return vocabulary.mentions(name);
  }

  /** Whether the code may spell any of {@code names} ({@link #mentions}). */
  public boolean mentionsAny(java.util.Collection<String> names) {
    return vocabulary.mentionsAny(names);
  }

  /** The file name without folders. */
  /** The innermost def whose lines hold {@code line}, if any. */
  public java.util.Optional<Extent> enclosingDef(int line) {
    Extent def = null;
    for (Extent extent : extents) {
      if (extent.kind() == Blocks.Kind.DEF
          && extent.line() <= line
          && extent.lastLine() >= line
          && (def == null || extent.depth() > def.depth())) {
        def = extent;
      }
    }
    return java.util.Optional.ofNullable(def);
  }

  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Whether the module is public API: no folder or file name on its path starts with "_", dunder
   * names such as {@code __init__.py} excepted. Definitions in a private module are private too.
   */
  public boolean publicApi() {
    String withoutSuffix = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    for (String segment : withoutSuffix.split("/")) {
      boolean dunder = segment.length() > 4 && segment.startsWith("__") && segment.endsWith("__");
      if (segment.startsWith("_") && !dunder) {
        return false;
      }
    }
    return true;
  }
}
