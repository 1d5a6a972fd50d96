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
    Map<String, List<Evidence>> found = new LinkedHashMap<>();
    for (PythonModule module : codebase.productModules()) {
      if (EXEMPT_FILES.contains(module.fileName())) {
        continue;
      }
      List<Call> candidates = new ArrayList<>();
      AwsOperations sdk = AwsOperations.in(module);
      Set<String> engines = ModuleValues.namesBoundTo(module, Set.of("sqlalchemy.create_engine"));
      for (Call call : module.calls()) {
        if (call.parameter().isEmpty()
            && !inDefinition(module, call.line())
            && heavy(module, call, sdk, engines)) {
          candidates.add(call);
        }
      }
      if (candidates.isEmpty()) {
        continue;
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
      if (!evidence.isEmpty()) {
        found.put(module.path(), List.copyOf(evidence));
      }
    }
    return found;
  }

  /** Whether a line lies in a def or class, header included (its measured extent). */
  private static boolean inDefinition(PythonModule module, int line) {
    for (Extent extent : module.extents()) {
      if (line >= extent.line() && line <= extent.lastLine()) {
        return true;
      }
    }
    return false;
  }

  private static boolean heavy(
      PythonModule module, Call call, AwsOperations sdk, Set<String> engines) {
    String callee = call.callee();
    if (HEAVY.contains(callee)
        || callee.startsWith("subprocess.")
        || callee.startsWith("pandas.read_")
        || call.name().equals("SentenceTransformer")
        || call.name().equals("from_pretrained")
        || OutboundHttp.sends(module, call)) {
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
