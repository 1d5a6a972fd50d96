package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.StreamWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-008 (assisted): a diagnostic sink bound to stdout in CLI code: {@code
 * logging.basicConfig(stream=sys.stdout)}, {@code logging.StreamHandler(sys.stdout)}, a dictConfig
 * {@code "stream": "ext://sys.stdout"}, loguru {@code logger.add(sys.stdout)}, structlog's {@code
 * PrintLoggerFactory()}/{@code PrintLogger()} without a stderr {@code file=}, and {@code
 * traceback.print_exc(file=sys.stdout)}. fileConfig ini files are not read.
 */
public final class StdoutLogSinks implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-008",
              Set.of(Profile.CLI),
              "Send logs and tracebacks to stderr (logging.basicConfig(stream=sys.stderr), the"
                  + " StreamHandler default, structlog.PrintLoggerFactory(file=sys.stderr)); keep"
                  + " stdout for results.")
          .defined(
              "FAIL per log or traceback sink bound to stdout in CLI code: logging.basicConfig or"
                  + " StreamHandler with sys.stdout, dictConfig `ext://sys.stdout`, loguru"
                  + " logger.add(sys.stdout), structlog PrintLoggerFactory()/PrintLogger() without"
                  + " a stderr file=, traceback.print_exc|print_exception|print_stack(file=sys.stdout)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> STREAM_HANDLERS =
      Set.of("logging.StreamHandler", "logging.basicConfig");
  private static final Set<String> STRUCTLOG_PRINTERS =
      Set.of(
          "structlog.PrintLoggerFactory",
          "structlog.PrintLogger",
          "structlog.WriteLoggerFactory",
          "structlog.WriteLogger");
  private static final Set<String> TRACEBACKS =
      Set.of("traceback.print_exc", "traceback.print_exception", "traceback.print_stack");

  /** The last names of the callees {@link #sink} knows. */
  private static final Set<String> SINK_NAMES =
      Set.of(
          "StreamHandler",
          "basicConfig",
          "add",
          "PrintLoggerFactory",
          "PrintLogger",
          "WriteLoggerFactory",
          "WriteLogger",
          "print_exc",
          "print_exception",
          "print_stack");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    // A sink call's last name is one of these, spelled in the module's code.
    if (module.mentionsAny(SINK_NAMES)) {
      StreamWrites streams = StreamWrites.of(module);
      for (Call call : module.calls()) {
        sink(call, streams)
            .ifPresent(what -> findings.add(Evidence.at(module.path(), call.line(), what)));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("stream")
          && pair.value() instanceof PyValue.Str str
          && str.value().strip().equals("ext://sys.stdout")) {
        findings.add(
            Evidence.at(
                module.path(), pair.line(), "logging config sends a handler to ext://sys.stdout"));
      }
    }
    return findings;
  }

  private static Optional<String> sink(Call call, StreamWrites streams) {
    String callee = call.callee();
    if (STREAM_HANDLERS.contains(callee)) {
      Optional<PyValue> stream = call.keyword("stream");
      if (stream.isEmpty() && callee.equals("logging.StreamHandler")) {
        stream = call.positional().stream().findFirst();
      }
      return stream.filter(streams::isStdout).map(s -> callee + " writes log records to stdout");
    }
    if (callee.equals("loguru.logger.add")
        && call.positional().stream().findFirst().filter(streams::isStdout).isPresent()) {
      return Optional.of("loguru logger.add(sys.stdout) writes log records to stdout");
    }
    if (STRUCTLOG_PRINTERS.contains(callee)) {
      Optional<PyValue> file = call.keyword("file");
      if (file.isEmpty()) {
        file = call.positional().stream().findFirst();
      }
      if (file.isEmpty() || streams.isStdout(file.get())) {
        return Optional.of(callee + " writes log records to stdout (structlog's default)");
      }
    }
    if (TRACEBACKS.contains(callee) && call.keyword("file").filter(streams::isStdout).isPresent()) {
      return Optional.of(callee + "(file=sys.stdout) writes the traceback to stdout");
    }
    return Optional.empty();
  }
}
