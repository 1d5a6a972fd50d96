package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportScanTest {

  @Test
  void readsPlainFromAndIndentedImportsWithFirstLine() {
    String source =
        """
        import os, sys as system
        from argparse import ArgumentParser
        try:
            import click  # optional
        except ImportError:
            pass
        from . import sibling
        from .pkg import thing
        import flask.views
        """;
    assertThat(ImportScan.imports(source))
        .containsOnlyKeys("os", "sys", "argparse", "click", "flask")
        .containsEntry("click", 4)
        .containsEntry("flask", 9);
  }

  @Test
  void ignoresImportsInsideTripleQuotedStrings() {
    String source =
        """
        '''Usage:
        import typer
        '''
        x = \"\"\"one line\"\"\"
        text = \"\"\"
        from fastapi import FastAPI
        \"\"\"
        import json
        """;
    assertThat(ImportScan.imports(source)).containsOnlyKeys("json");
  }

  @Test
  void findsMainGuardEitherWayRound() {
    assertThat(ImportScan.mainGuardLine("x = 1\nif __name__ == '__main__':\n    main()\n"))
        .isEqualTo(2);
    assertThat(ImportScan.mainGuardLine("if \"__main__\" == __name__:\n    main()\n")).isEqualTo(1);
    assertThat(ImportScan.mainGuardLine("s = '''\nif __name__ == \"__main__\":\n'''\n")).isZero();
  }
}
