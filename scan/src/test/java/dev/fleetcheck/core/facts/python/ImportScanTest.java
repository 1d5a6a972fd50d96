package dev.fleetcheck.core.facts.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.python.PythonTokenizer;
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

  @Test
  void findsTheLambdaHandlerDefinitionOnItsLine() {
    String source =
        """
        import json

        async def lambda_handler(event: dict, context):
            return json.dumps(event)
        """;
    assertThat(ImportScan.summarise(PythonTokenizer.tokenize(source)).lambdaHandlerLine())
        .isEqualTo(3);
    assertThat(
            ImportScan.summarise(PythonTokenizer.tokenize("def handler(request):\n    pass\n"))
                .lambdaHandlerLine())
        .isZero();
  }

  @Test
  void readsOnlyStatementsNotTheirContinuationsOrStrings() {
    String source =
        """
        text = "# not a comment: '''"
        import json
        options = dict(
            import_path=1,
            if_missing=2,
        )
        usage = (
            "import typer"
        )
        raise SystemExit(
            main()
        ) if __name__ == "__main__" else None
        """;
    ImportScan.Summary summary = ImportScan.summarise(PythonTokenizer.tokenize(source));

    assertThat(summary.imports()).containsOnlyKeys("json").containsEntry("json", 2);
    assertThat(summary.mainGuardLine()).isZero();
  }

  @Test
  void aStatementAfterAMultiLineStringIsRead() {
    String source = "x = '''\nimport typer\n'''\nif __name__ == '__main__':\n    import click\n";
    ImportScan.Summary summary = ImportScan.summarise(PythonTokenizer.tokenize(source));

    assertThat(summary.imports()).containsOnlyKeys("click").containsEntry("click", 5);
    assertThat(summary.mainGuardLine()).isEqualTo(4);
  }
}
