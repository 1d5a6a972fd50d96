package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilentExceptionsTest {

  @TempDir Path dir;
  private final SilentExceptions rule = new SilentExceptions();

  @Test
  void broadHandlersThatOnlyPassContinueOrReturnALiteralFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/work.py",
                """
                import contextlib
                from contextlib import suppress

                def load(path):
                    try:
                        return open(path).read()
                    except:
                        pass

                def items(rows):
                    for row in rows:
                        try:
                            yield int(row)
                        except (ValueError, Exception):
                            # keep going
                            continue

                def flag(x):
                    try:
                        return x()
                    except Exception as error: return False

                def quiet(x):
                    try:
                        x()
                    except BaseException:
                        ...
                        return None
                    with suppress(Exception):
                        x()
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/work.py:7: broad except swallows the error: nothing logged or raised",
            "app/work.py:14: broad except swallows the error: nothing logged or raised",
            "app/work.py:21: broad except swallows the error: nothing logged or raised",
            "app/work.py:26: broad except swallows the error: nothing logged or raised",
            "app/work.py:29: contextlib.suppress of every exception swallows the error");
  }

  @Test
  void cleanUpMethodsAndErrorMessagesBuiltFromTheInputAreNotSilent() {
    // moto: dispose() and a worker's stop() release resources; a validator returns its message.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/res.py",
                """
                class Upload:
                    def dispose(self):
                        try:
                            self.part.dispose()
                        except:
                            pass

                    def stop(self, env):
                        try:
                            env.set_stop()
                        except Exception:
                            pass

                def valid_window(window):
                    try:
                        day, hour = window.split(":")
                    except Exception:
                        return f"Invalid day:hour value: {window}"
                    try:
                        int(hour)
                    except Exception:
                        return f"no fields"
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/res.py:21: broad except swallows the error: nothing logged or raised");
  }

  @Test
  void narrowLoggedReraisedCleanUpCommentedAndTestHandlersStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/ok.py",
                """
                import logging
                from contextlib import suppress
                log = logging.getLogger(__name__)

                # try:
                #     x()
                # except Exception:
                #     pass
                TEXT = "except Exception: pass"

                class Conn:
                    def close(self):
                        try:
                            self.sock.close()
                        except Exception:
                            pass

                    def __del__(self):
                        try:
                            self.close()
                        except:
                            pass

                def run(x):
                    try:
                        x()
                    except KeyError:
                        pass
                    try:
                        x()
                    except Exception:
                        log.exception("x failed")
                    try:
                        x()
                    except Exception:
                        raise
                    try:
                        x()
                    except Exception:
                        return compute_default()
                    with suppress(FileNotFoundError):
                        x()
                """)
            .file("tests/test_ok.py", "try:\n    x()\nexcept Exception:\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }
}
