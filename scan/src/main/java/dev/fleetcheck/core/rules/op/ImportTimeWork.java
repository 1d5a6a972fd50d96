package dev.fleetcheck.core.rules.op;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.ext.AwsOperations;
import dev.fleetcheck.core.rules.ext.OutboundHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RULES-NEXT.md F13: calls that do I/O or heavy work when a product module is imported - at module
 * level, outside every def and class body and outside {@code if __name__ == "__main__":} and {@code
 * if TYPE_CHECKING:}. Constructing SDK clients is not such work (PY-PERF-006 asks for it). Module
 * level is told by the measured def and class extents; only a module with a module-level candidate
 * has its text read again, for the guards.
 */
public final class ImportTimeWork {

  /** Findings per module path, in path order, once per scan. */
  public static final Fact<Map<String, List<Evidence>>> FACT =
      Fact.of("import-time-work", ImportTimeWork::find);

  private static final Set<String> EXEMPT_FILES =
      Set.of("__main__.py", "setup.py", "noxfile.py", "manage.py", "conf.py");
  private static final Set<String> HEAVY =
      Set.of(
          "socket.create_connection",
          "os.system",
          "os.popen",
          "time.sleep",
          "psycopg2.connect",
          "psycopg.connect",
          "pymysql.connect",
          "pg8000.connect",
          "sqlite3.connect",
          "mysql.connector.connect",
          "torch.load",
          "joblib.load",
          "pickle.load");

  private ImportTimeWork() {}

  private static Map<String, List<Evidence>> find(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    List<PythonModule> modules = codebase.productModules();
    // Modules are independent: judged on every core, the findings kept in path order.
    List<List<Evidence>> perModule =
        modules.parallelStream().map(module -> findings(codebase, module)).toList();
    Map<String, List<Evidence>> found = new LinkedHashMap<>();
    for (int i = 0; i < modules.size(); i++) {
      if (!perModule.get(i).isEmpty()) {
        found.put(modules.get(i).path(), perModule.get(i));
      }
    }
    return found;
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    if (EXEMPT_FILES.contains(module.fileName())) {
      return List.of();
    }
    List<Call> candidates = new ArrayList<>();
    ModuleLevel moduleLevel = null;
    AwsOperations sdk = null;
    Set<String> engines = null;
    OutboundHttp.Senders http = null;
    for (Call call : module.calls()) {
      if (!call.parameter().isEmpty()) {
        continue;
      }
      if (moduleLevel == null) {
        moduleLevel = new ModuleLevel(module.extents());
      }
      if (!moduleLevel.contains(call.line())) {
        continue;
      }
      if (sdk == null) {
        sdk = AwsOperations.in(module);
        engines = ModuleValues.namesBoundTo(module, Set.of("sqlalchemy.create_engine"));
        http = OutboundHttp.senders(module);
      }
      if (heavy(call, sdk, engines, http)) {
        candidates.add(call);
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    boolean[] guarded = guardedLines(TextLines.of(codebase.text(module.path()).orElse("")));
    List<Evidence> evidence = new ArrayList<>();
    for (Call call : candidates) {
      int line = call.line();
      if (!(line < guarded.length && guarded[line])) {
        evidence.add(
            Evidence.at(
                module.path(), line, call.written() + "(...) runs when the module is imported"));
      }
    }
    return List.copyOf(evidence);
  }

  /**
   * The lines outside every def and class, header included (their measured extents): the extents
   * merged into sorted, disjoint spans, so that a line is looked up by binary search rather than
   * against every extent.
   */
  private static final class ModuleLevel {
    private final int[] firsts;
    private final int[] lasts;
    private final int count;

    ModuleLevel(List<Extent> extents) {
      List<Extent> sorted = new ArrayList<>(extents);
      sorted.sort(Comparator.comparingInt(Extent::line));
      firsts = new int[sorted.size()];
      lasts = new int[sorted.size()];
      int spans = 0;
      for (Extent extent : sorted) {
        if (spans > 0 && extent.line() <= lasts[spans - 1]) {
          lasts[spans - 1] = Math.max(lasts[spans - 1], extent.lastLine());
        } else {
          firsts[spans] = extent.line();
          lasts[spans] = extent.lastLine();
          spans++;
        }
      }
      count = spans;
    }

    boolean contains(int line) {
      int low = 0;
      int high = count - 1;
      int span = -1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (firsts[middle] <= line) {
          span = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return span < 0 || line > lasts[span];
    }
  }

  private static boolean heavy(
      Call call, AwsOperations sdk, Set<String> engines, OutboundHttp.Senders http) {
    String callee = call.callee();
    if (HEAVY.contains(callee)
        || callee.startsWith("subprocess.")
        || callee.startsWith("pandas.read_")
        || call.name().equals("SentenceTransformer")
        || call.name().equals("from_pretrained")
        || http.sends(call)) {
      return true;
    }
    if (call.name().equals("connect") && engines.contains(call.writtenReceiver())) {
      return true;
    }
    return sdk.isOperation(call);
  }

  /**
   * Lines (1-based) inside a top-level {@code if __name__ == "__main__":} or {@code if
   * TYPE_CHECKING:} block: up to the next line of code starting at column 0.
   */
  private static boolean[] guardedLines(List<String> lines) {
    boolean[] guarded = new boolean[lines.size() + 2];
    boolean in = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
      if (topLevel && !line.startsWith("#")) {
        in =
            line.startsWith("if __name__")
                || line.startsWith("if TYPE_CHECKING")
                || line.startsWith("if typing.TYPE_CHECKING")
                || (in && (line.startsWith("else") || line.startsWith("elif")));
      }
      guarded[i + 1] = in;
    }
    return guarded;
  }
}
