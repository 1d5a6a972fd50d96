package dev.fleetcheck.core.facts.cli;

import java.util.List;

/**
 * One command of a CLI: an argparse or optparse parser, an argparse sub-parser, a click command or
 * group, a typer app or command. {@code summary} tells whether it has one (argparse {@code
 * description=}, {@code help=} on {@code add_parser}, click/typer {@code help=}/{@code short_help=}
 * or a docstring); {@code helpTexts} are the help strings it shows (description, epilog, usage,
 * help, docstring), literal values only.
 */
public record CliCommand(
    String path, int line, String framework, String name, boolean summary, List<String> helpTexts) {

  public CliCommand {
    helpTexts = List.copyOf(helpTexts);
  }
}
