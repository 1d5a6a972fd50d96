package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwallowedInterruptsTest {

  @TempDir Path dir;

  @Test
  void handlersAndSignalsThatSwallowCtrlCFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/run.py",
                """
                import signal

                def quiet(signum, frame):
                    pass

                def main():
                    for item in items():
                        try:
                            work(item)
                        except (KeyboardInterrupt, ValueError):
                            print("skipped")
                        try:
                            work(item)
                        except:
                            log("failed")
                        try:
                            work(item)
                        except BaseException as e:
                            continue
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.signal(signal.SIGINT, quiet)
                """)
            .build();

    assertThat(findings(check(new SwallowedInterrupts(), repo, Profile.CLI)))
        .containsExactly(
            "tool/run.py:10: except KeyboardInterrupt swallows Ctrl-C: the body neither re-raises"
                + " nor exits",
            "tool/run.py:14: except (bare) swallows Ctrl-C: the body neither re-raises nor exits",
            "tool/run.py:18: except BaseException swallows Ctrl-C: the body neither re-raises nor"
                + " exits",
            "tool/run.py:20: SIGINT is ignored: Ctrl-C cannot stop the command",
            "tool/run.py:21: SIGINT is ignored: Ctrl-C cannot stop the command");
  }

  @Test
  void handlersThatStopAndNarrowHandlersStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/run.py",
                """
                import sys
                import signal

                def main():
                    try:
                        work()
                    except KeyboardInterrupt:
                        print("interrupted", file=sys.stderr)
                        sys.exit(130)
                    except Exception:
                        pass
                    try:
                        work()
                    except:
                        cleanup()
                        raise
                    while True:
                        try:
                            work()
                        except KeyboardInterrupt:
                            break
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)

                class Res:
                    def __exit__(self, *a):
                        try:
                            close()
                        except BaseException:
                            pass
                """)
            .file("tests/test_run.py", "try:\n    pass\nexcept KeyboardInterrupt:\n    pass\n")
            .build();

    assertNoEvidentViolation(check(new SwallowedInterrupts(), repo, Profile.CLI));
  }

  @Test
  void aClauseThatKeepsTheExceptionToRaiseLaterDoesNotSwallowIt() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/run.py",
                """
                def step(task, future):
                    try:
                        task.run()
                    except BaseException as task_exc:
                        tb = task_exc.__traceback__
                        final = Error(task_exc.with_traceback(tb))
                    try:
                        task.run()
                    except BaseException as e:
                        result.error_in_exec = e
                    try:
                        task.run()
                    except BaseException as e:
                        future.set_exception(e)
                    try:
                        task.run()
                    except BaseException as e:
                        message = str(e)
                        print(message)
                    try:
                        task.run()
                    except BaseException as e:
                        code = e.code
                        log(e)
                """)
            .build();

    assertThat(findings(check(new SwallowedInterrupts(), repo, Profile.CLI)))
        .containsExactly(
            "tool/run.py:17: except BaseException swallows Ctrl-C: the body neither re-raises nor"
                + " exits",
            "tool/run.py:22: except BaseException swallows Ctrl-C: the body neither re-raises nor"
                + " exits");
  }

  @Test
  void theBareExceptScanAgreesWithTheLineStartExpressionOnEdgeCases() {
    Pattern bare = Pattern.compile("(?m)^\\s*except\\s*:");
    List<String> texts =
        List.of(
            "except:",
            "try:\n    x()\nexcept:\n    pass\n",
            "try:\r\n  x()\r\n\texcept  :\r\n  pass",
            "try:\r  x()\r  except\r:",
            "x = 1; except:",
            "  except:",
            "y\u2028except:",
            "y\u0085  except:",
            "y\u2029\n  except Exception:",
            "except Exception:",
            "exceptional:",
            "# except:",
            "s = 'except:'",
            "a\n\n  \u000B\f except\n\n:",
            "a \t except:",
            "except",
            "\nexcept\t");

    for (String text : texts) {
      assertThat(SwallowedInterrupts.hasBareExcept(text))
          .as(text)
          .isEqualTo(bare.matcher(text).find());
    }
  }
}
