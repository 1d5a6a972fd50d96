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

  @Test
  void handlersFollowedByAnExitOrPassingOnAnExitStatusStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/main.py",
                """
                import os, sys

                def main():
                    try:
                        exit_status = run()
                    except KeyboardInterrupt:
                        exit_status = 130
                    return exit_status

                def cli_executor():
                    try:
                        exit_code = run()
                    except KeyboardInterrupt:
                        display.error("User interrupted execution")
                        exit_code = 99
                    except Exception:
                        exit_code = 250
                    if exit_code:
                        log(exit_code)
                    sys.exit(exit_code)

                def serve(server):
                    try:
                        try:
                            server.serve()
                        except KeyboardInterrupt:
                            log.info("Shutting down...")
                        finally:
                            server.shutdown()
                    except OSError:
                        raise

                def hard_exit(e):
                    try:
                        display.debug(e)
                    except BaseException:
                        pass
                    os._exit(1)

                def run_worker(self):
                    try:
                        return self._run()
                    except BaseException as e:
                        self._hard_exit(e)
                """)
            .build();

    assertNoEvidentViolation(check(new SwallowedInterrupts(), repo, Profile.CLI));
  }

  @Test
  void handlersThatCarryOnAfterCtrlCStillFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/loop.py",
                """
                def crawl(items):
                    for item in items:
                        try:
                            work(item)
                        except KeyboardInterrupt:
                            aborted = True
                    return len(items)

                def main():
                    try:
                        work()
                    except:
                        pass
                    return 0

                def each(items):
                    for item in items:
                        try:
                            work(item)
                        except KeyboardInterrupt:
                            log("skipped")

                def cmdloop(self):
                    try:
                        cmd.Cmd.cmdloop(self)
                    except KeyboardInterrupt:
                        self.cmdloop()
                """)
            .build();

    assertThat(findings(check(new SwallowedInterrupts(), repo, Profile.CLI)))
        .containsExactly(
            "tool/loop.py:5: except KeyboardInterrupt swallows Ctrl-C: the body neither re-raises"
                + " nor exits",
            "tool/loop.py:12: except (bare) swallows Ctrl-C: the body neither re-raises nor exits",
            "tool/loop.py:20: except KeyboardInterrupt swallows Ctrl-C: the body neither"
                + " re-raises nor exits",
            "tool/loop.py:26: except KeyboardInterrupt swallows Ctrl-C: the body neither"
                + " re-raises nor exits");
  }
}
