package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.Set;

/**
 * Outbound HTTP in a module (RULES-NEXT.md "Outbound HTTP": the PY-BEH-012 clients plus aiohttp and
 * urllib3): which calls send a request, and whether a module uses such a client at all.
 */
public final class OutboundHttp {

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request", "stream");
  private static final Set<String> SESSIONS =
      Set.of(
          "requests.Session",
          "requests.session",
          "httpx.Client",
          "httpx.AsyncClient",
          "aiohttp.ClientSession",
          "urllib3.PoolManager");
  private static final Set<String> CLIENT_MODULES =
      Set.of("requests", "httpx", "aiohttp", "urllib3", "urllib.request");

  private OutboundHttp() {}

  /**
   * Whether {@code call} sends an HTTP request through one of the clients. A caller judging many of
   * a module's calls asks {@link #senders} once instead: this looks the session bindings up anew.
   */
  public static boolean sends(PythonModule module, Call call) {
    return senders(module).sends(call);
  }

  /** The judge of one module's calls, finding its session bindings once, when first needed. */
  public static Senders senders(PythonModule module) {
    return new Senders(module);
  }

  /** Which calls of one module send an HTTP request. */
  public static final class Senders {

    private final PythonModule module;
    private Set<String> sessions;

    private Senders(PythonModule module) {
      this.module = module;
    }

    /** Whether {@code call}, one of the module's calls, sends an HTTP request. */
    public boolean sends(Call call) {
      if (call.callee().equals("urllib.request.urlopen")) {
        return true;
      }
      if (!VERBS.contains(call.name())) {
        return false;
      }
      String receiver = call.receiver();
      if (receiver.equals("requests")
          || receiver.equals("requests.api")
          || receiver.equals("httpx")
          || receiver.equals("urllib3")) {
        return true;
      }
      if (receiver.endsWith("()")
          && SESSIONS.contains(receiver.substring(0, receiver.length() - 2))) {
        return true;
      }
      if (sessions == null) {
        sessions = ModuleValues.namesBoundTo(module, SESSIONS);
      }
      return sessions.contains(call.writtenReceiver());
    }
  }

  /** Whether the module imports an outbound HTTP client. */
  public static boolean uses(PythonModule module) {
    return module.imports().values().stream()
        .anyMatch(v -> CLIENT_MODULES.stream().anyMatch(m -> v.equals(m) || v.startsWith(m + ".")));
  }

  /** The first literal URL argument of a request call; empty when not a literal. */
  public static String literalUrl(PythonModule module, Call call) {
    if (!call.positional().isEmpty()) {
      return ModuleValues.string(module, call.positional().get(0)).orElse("");
    }
    return call.keyword("url").flatMap(v -> ModuleValues.string(module, v)).orElse("");
  }
}
