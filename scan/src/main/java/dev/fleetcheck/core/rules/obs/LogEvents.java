package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.LogCalls;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shared detector (RULES-NEXT family F8): the log calls of product code ({@link LogCalls}) with
 * their level, their event names (the message or {@code event=} literal, a module constant holding
 * one counts) and the keys they carry; and where each baseline event name ({@link #TRACKED}: {@code
 * request.end}, {@code security.audit}, ...) first occurs as a string literal in product code, as a
 * call argument, an assignment or a dict value, so an event emitted through a project helper counts
 * as occurring.
 */
final class LogEvents {

  static final Fact<LogEvents> FACT = Fact.of("obs-log-events", LogEvents::read);

  static final String REQUEST_START = "request.start";
  static final String REQUEST_END = "request.end";
  static final String DEPENDENCY_CALL = "dependency.call";
  static final String DEPENDENCY_ERROR = "dependency.error";
  static final String AUDIT = "security.audit";

  /**
   * The event names {@link #occurs} answers for: the baseline names the standard states, the only
   * ones a check asks about. Only these literals are noted while the modules are read.
   */
  static final Set<String> TRACKED =
      Set.of(REQUEST_START, REQUEST_END, DEPENDENCY_CALL, DEPENDENCY_ERROR, AUDIT);

  private static final int SHORTEST_TRACKED =
      TRACKED.stream().mapToInt(String::length).min().orElseThrow();
  private static final int LONGEST_TRACKED =
      TRACKED.stream().mapToInt(String::length).max().orElseThrow();

  /**
   * One log call: its level (lower case, {@code log(...)} resolved when literal), the event names
   * it writes as literals ({@link LogCalls#eventNames}) and its events (those, and module constants
   * holding one).
   */
  record Site(
      PythonModule module, Call call, String level, List<String> literalNames, Set<String> events) {

    Evidence at(String message) {
      return Evidence.at(module.path(), call.line(), message);
    }

    boolean emits(String event) {
      return events.contains(event);
    }

    /** ERROR or above. */
    boolean severe() {
      return level.equals("error") || level.equals("exception") || level.equals("critical");
    }

    /**
     * The field names the call carries: keyword names and the literal keys of dict arguments (also
     * {@code extra={...}}); {@code **fields} or a dict built elsewhere leave them unknown.
     */
    Set<String> keys() {
      return keysOf(call);
    }

    /** Whether some of its fields cannot be seen: {@code **kw}, or {@code extra=} not a dict. */
    boolean opaqueFields() {
      return call.kwargsSplat()
          || call.keyword("extra").filter(v -> !(v instanceof PyValue.Dict)).isPresent();
    }

    /** The call's arguments, keyword values included. */
    List<PyValue> arguments() {
      List<PyValue> values = new ArrayList<>(call.positional());
      values.addAll(call.keywords().values());
      return values;
    }
  }

  /** What one module contributes: its log calls, and the tracked event names it holds first. */
  private record ModuleEvents(List<Site> sites, Map<String, Evidence> literals) {}

  private final List<Site> sites;
  private final Map<String, List<Site>> byPath = new HashMap<>();
  private final Map<String, Evidence> literals;

  private LogEvents(List<ModuleEvents> modules) {
    List<Site> all = new ArrayList<>();
    Map<String, Evidence> first = new HashMap<>();
    for (ModuleEvents module : modules) {
      if (!module.sites().isEmpty()) {
        all.addAll(module.sites());
        byPath.put(module.sites().get(0).module().path(), module.sites());
      }
      // Modules come in path order: an earlier module's occurrence stays the first.
      module.literals().forEach(first::putIfAbsent);
    }
    this.sites = List.copyOf(all);
    this.literals = Map.copyOf(first);
  }

  List<Site> sites() {
    return sites;
  }

  /** The log calls of the module at {@code path}. */
  List<Site> in(String path) {
    return byPath.getOrDefault(path, List.of());
  }

  /** The log calls that emit {@code event}. */
  List<Site> emitting(String event) {
    return sites.stream().filter(s -> s.emits(event)).toList();
  }

  /** Where the string literal {@code event} first occurs in product code. */
  Optional<Evidence> occurs(String event) {
    if (!TRACKED.contains(event)) {
      throw new IllegalArgumentException("not a tracked event name: " + event);
    }
    return Optional.ofNullable(literals.get(event));
  }

  /** Keyword names and literal dict keys of a call's arguments. */
  static Set<String> keysOf(Call call) {
    Set<String> keys = new LinkedHashSet<>(call.keywords().keySet());
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    for (PyValue value : values) {
      if (value instanceof PyValue.Dict dict) {
        for (PyValue.Entry entry : dict.entries()) {
          if (entry.key() instanceof PyValue.Str key) {
            keys.add(key.value());
          }
        }
      }
    }
    return keys;
  }

  private static LogEvents read(Facts facts) {
    // Modules are independent: read on every core, the results kept in path order.
    return new LogEvents(
        PythonCodebase.of(facts).productModules().parallelStream()
            .map(LogEvents::inModule)
            .toList());
  }

  private static ModuleEvents inModule(PythonModule module) {
    List<Site> sites = new ArrayList<>();
    Map<String, Evidence> literals = new HashMap<>();
    // A log call spells its method's name; without one the module holds none.
    LogCalls logs = module.mentionsAny(LogCalls.METHOD_NAMES) ? LogCalls.of(module) : null;
    for (Call call : module.calls()) {
      for (PyValue value : call.positional()) {
        note(module, value, call.line(), literals);
      }
      if (!call.keywords().isEmpty()) {
        for (PyValue value : call.keywords().values()) {
          note(module, value, call.line(), literals);
        }
      }
      if (logs != null && logs.isLogCall(call)) {
        List<String> literalNames = List.copyOf(logs.eventNames(call));
        sites.add(
            new Site(module, call, level(call), literalNames, events(module, literalNames, call)));
      }
    }
    for (Assignment assignment : module.assignments()) {
      note(module, assignment.value(), assignment.line(), literals);
    }
    for (LiteralPair pair : module.literalPairs()) {
      note(module, pair.value(), pair.line(), literals);
    }
    return new ModuleEvents(List.copyOf(sites), literals);
  }

  private static void note(
      PythonModule module, PyValue value, int line, Map<String, Evidence> literals) {
    if (value instanceof PyValue.Str str) {
      String text = str.value();
      if (text.length() >= SHORTEST_TRACKED
          && text.length() <= LONGEST_TRACKED
          && TRACKED.contains(text)
          && !literals.containsKey(text)) {
        literals.put(text, Evidence.at(module.path(), line, text));
      }
    } else if (value instanceof PyValue.Seq seq) {
      seq.items().forEach(item -> note(module, item, line, literals));
    } else if (value instanceof PyValue.Dict dict) {
      dict.entries().forEach(entry -> note(module, entry.value(), line, literals));
    }
  }

  private static Set<String> events(PythonModule module, List<String> literalNames, Call call) {
    Set<String> events = new LinkedHashSet<>(literalNames);
    int index = call.name().equals("log") ? 1 : 0;
    if (call.positional().size() > index) {
      ModuleValues.string(module, call.positional().get(index)).ifPresent(events::add);
    }
    call.keyword("event").flatMap(v -> ModuleValues.string(module, v)).ifPresent(events::add);
    return events;
  }

  private static String level(Call call) {
    if (!call.name().equals("log")) {
      return call.name().equals("warn") ? "warning" : call.name();
    }
    if (call.positional().isEmpty()) {
      return "log";
    }
    String text = ModuleValues.text(call.positional().get(0)).toLowerCase(Locale.ROOT);
    String last = text.substring(text.lastIndexOf('.') + 1);
    return switch (last) {
      case "critical", "fatal", "50" -> "critical";
      case "error", "40" -> "error";
      case "warning", "warn", "30" -> "warning";
      case "info", "20" -> "info";
      case "debug", "10" -> "debug";
      default -> "log";
    };
  }
}
