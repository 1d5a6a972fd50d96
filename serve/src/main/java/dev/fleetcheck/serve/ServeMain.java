package dev.fleetcheck.serve;

import dev.fleetcheck.cli.ExitCodes;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.embedded.DataDirectory;
import dev.fleetcheck.functions.common.FunctionLog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The serve jar's entry point: {@code fleetcheck serve} and {@code fleetcheck token}, which
 * bin/fleetcheck starts from this jar so the CLI jar carries no HTTP server or JOSE library
 * (docs/adr/0024).
 */
@Command(
    name = "fleetcheck",
    mixinStandardHelpOptions = true,
    subcommands = {ServeCommand.class, TokenCommand.class},
    header = "Serve the report API locally, and mint development tokens for it.")
public final class ServeMain implements Runnable {

  /**
   * What a command needs from outside: the environment, the working folder, the default data dir,
   * stdout, stderr, the clock, and what the server waits on until it stops.
   */
  record Host(
      Map<String, String> environment,
      Path workingDirectory,
      Path defaultDataDir,
      PrintStream out,
      PrintStream err,
      Clock clock,
      CountDownLatch stop) {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "name a command: serve or token");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "fleetcheck-serve-stop"));
    Host host =
        new Host(
            System.getenv(),
            Path.of("").toAbsolutePath(),
            DataDirectory.defaultPath(),
            out,
            err,
            Clock.systemUTC(),
            stop);
    System.exit(run(host, args));
  }

  static int run(Host host, String... args) {
    CommandLine cli =
        new CommandLine(
            new ServeMain(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                  return type.cast(new ServeCommand(host));
                }
                if (type == TokenCommand.class) {
                  return type.cast(new TokenCommand(host));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    cli.setOut(new java.io.PrintWriter(host.out(), true));
    cli.setErr(new java.io.PrintWriter(host.err(), true));
    cli.setExecutionExceptionHandler((e, line, parsed) -> failed(host, e));
    return cli.execute(args);
  }

  /** A failed command as one JSON line on stderr, without a stack trace. */
  static int failed(Host host, Exception e) {
    ErrorCode code =
        e instanceof FleetcheckException known ? known.errorCode() : ErrorCode.INTERNAL_ERROR;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("error_code", code.code());
    fields.put(
        "message",
        e instanceof FleetcheckException ? e.getMessage() : "unexpected " + e.getClass().getName());
    new FunctionLog("serve", host.err(), host.clock()).error("command.error", fields);
    return code == ErrorCode.INVALID_CONFIG || code == ErrorCode.INVALID_ARGUMENT
        ? ExitCodes.USAGE_ERROR
        : ExitCodes.OPERATIONAL_FAILURE;
  }
}
