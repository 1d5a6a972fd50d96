package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ModuleAnalyzer;
import dev.fleetcheck.core.python.PythonModule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamWritesTest {

  private static Optional<StreamWrites.Stream> streamOfLast(String source) {
    PythonModule module = ModuleAnalyzer.analyze("cli.py", false, source);
    Call last = module.calls().get(module.calls().size() - 1);
    return StreamWrites.of(module).stream(last);
  }

  @Test
  void anAliasedConsoleOnStderrIsStillFound() {
    String source =
        """
        from rich.console import Console as Out
        err = Out(stderr=True)
        err.print("failed")
        """;
    assertThat(streamOfLast(source)).contains(StreamWrites.Stream.STDERR);
  }

  @Test
  void aConsoleReachedThroughItsPackageIsFound() {
    String source =
        """
        import rich as r
        out = r.Console()
        out.print("done")
        """;
    assertThat(streamOfLast(source)).contains(StreamWrites.Stream.STDOUT);
  }

  @Test
  void aPrintMethodOfAnythingButAConsoleIsNoWrite() {
    String source =
        """
        from reports import Report
        out = Report()
        out.print("done")
        """;
    assertThat(streamOfLast(source)).isEmpty();
  }
}
