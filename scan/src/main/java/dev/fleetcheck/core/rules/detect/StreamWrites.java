package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a module's user-facing writes go (RULES-NEXT family F5, CLI stream discipline): {@code
 * print}, click/typer {@code echo}/{@code secho}, {@code sys.stdout.write}/{@code sys.stderr.write}
 * and {@code print}/{@code log} on a rich {@code Console}. A Console is on stderr when built with
 * {@code stderr=True} or {@code file=sys.stderr}.
 */
public final class StreamWrites {

  /** Where one write goes. */
  public enum Stream {
    STDOUT,
    STDERR,
    OTHER
  }

  private static final Set<String> ECHOES =
      Set.of("click.echo", "click.secho", "typer.echo", "typer.secho", "rich_click.echo");
  private static final Set<String> CONSOLES = Set.of("rich.console.Console", "rich.Console");
  private static final Set<String> CONSOLE_WRITES = Set.of("print", "log", "print_json", "rule");
  private static final Pattern MARKUP = Pattern.compile("^(?:\\[[^\\]\\[]*\\]\\s*)+");
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^(?:error|warning|warn|fatal|debug|failed|traceback)\\b.*", Pattern.DOTALL);
  private static final Pattern STRING_PREFIX = Pattern.compile("^[rRbBuUfF]{1,2}(['\"])");

  private final PythonModule module;
  private final Map<String, Stream> consoles = new HashMap<>();

  private StreamWrites(PythonModule module) {
    this.module = module;
    // Every Console binding's callee ends in Console, a name spelled in the call or its import.
    if (!module.mentions("Console")) {
      return;
    }
    for (Binding binding : module.bindings()) {
      if (CONSOLES.contains(binding.callee())) {
        consoles.put(binding.name(), consoleStream(binding));
      }
    }
  }

  public static StreamWrites of(PythonModule module) {
    return new StreamWrites(module);
  }

  /** The stream a write call goes to; empty when the call is not a write this class knows. */
  public Optional<Stream> stream(Call call) {
    String callee = call.callee();
    if (callee.equals("print") && !module.imports().containsKey("print")) {
      return Optional.of(call.keyword("file").map(this::streamOf).orElse(Stream.STDOUT));
    }
    if (ECHOES.contains(callee)) {
      boolean err = call.keyword("err").filter(v -> !v.isFalse() && !v.isNone()).isPresent();
      return Optional.of(err ? Stream.STDERR : Stream.STDOUT);
    }
    if (callee.equals("sys.stdout.write")) {
      return Optional.of(Stream.STDOUT);
    }
    if (callee.equals("sys.stderr.write")) {
      return Optional.of(Stream.STDERR);
    }
    if (CONSOLE_WRITES.contains(call.name()) && consoles.containsKey(call.writtenReceiver())) {
      return Optional.of(consoles.get(call.writtenReceiver()));
    }
    return Optional.empty();
  }

  /** The stream a rich Console bound to {@code name} writes to; empty when none is bound. */
  public Optional<Stream> console(String name) {
    return Optional.ofNullable(consoles.get(name));
  }

  /** The stream a {@code file=}/{@code stream=} value names. */
  public Stream streamOf(PyValue value) {
    String text = dotted(value);
    String resolved = resolve(text);
    if (resolved.equals("sys.stdout") || resolved.equals("sys.__stdout__")) {
      return Stream.STDOUT;
    }
    if (resolved.equals("sys.stderr") || resolved.equals("sys.__stderr__")) {
      return Stream.STDERR;
    }
    if (value.isNone()) {
      return Stream.STDOUT;
    }
    return Stream.OTHER;
  }

  /** Whether {@code value} is {@code sys.stdout} (through imports). */
  public boolean isStdout(PyValue value) {
    return streamOf(value) == Stream.STDOUT && !value.isNone();
  }

  private Stream consoleStream(Binding binding) {
    for (Call call : module.calls()) {
      if (call.line() == binding.line() && CONSOLES.contains(call.callee())) {
        if (call.keyword("stderr")
            .filter(v -> v instanceof PyValue.Bool b && b.value())
            .isPresent()) {
          return Stream.STDERR;
        }
        return call.keyword("file").map(this::streamOf).orElse(Stream.STDOUT);
      }
    }
    return Stream.OTHER;
  }

  private String resolve(String dotted) {
    int dot = dotted.indexOf('.');
    String head = dot < 0 ? dotted : dotted.substring(0, dot);
    String imported = module.imports().get(head);
    if (imported == null) {
      return dotted;
    }
    return dot < 0 ? imported : imported + dotted.substring(dot);
  }

  private static String dotted(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    if (value instanceof PyValue.Expr expr) {
      return expr.text().strip();
    }
    return "";
  }

  /**
   * Whether a written message reads as a diagnostic: a string literal or f-string that starts,
   * after rich markup such as {@code [red]}, with error, warning, warn, fatal, debug, failed or
   * traceback (any case).
   */
  public static boolean diagnosticText(PyValue value) {
    String text;
    if (value instanceof PyValue.Str str) {
      text = str.value();
    } else if (value instanceof PyValue.Expr expr
        && STRING_PREFIX.matcher(expr.text()).find()
        && expr.text().toLowerCase(Locale.ROOT).matches("^[rbuf]{1,2}['\"].*")) {
      text = expr.text().replaceFirst("^[rRbBuUfF]{1,2}('''|\"\"\"|'|\")", "");
    } else {
      return false;
    }
    String plain = MARKUP.matcher(text.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
    return DIAGNOSTIC.matcher(plain).matches();
  }
}
