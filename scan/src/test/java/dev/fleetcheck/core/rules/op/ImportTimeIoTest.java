package dev.fleetcheck.core.rules.op;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTimeIoTest {

  @TempDir Path dir;

  private static final String HEAVY =
      """
      import boto3
      import requests as r
      import pandas as pd
      import subprocess
      from transformers import AutoModel

      ssm = boto3.client("ssm")
      table = boto3.resource("dynamodb").Table("t")
      CONFIG = ssm.get_parameter(
          Name="/app/config")
      RATES = r.get("https://rates.example.org/today", timeout=5).json()
      if RATES:
          DF = pd.read_csv("data.csv")
      MODEL = AutoModel.from_pretrained("bert")
      VERSION = subprocess.check_output(["git", "describe"])

      def lambda_handler(event, context):
          return r.get("https://api.example.org", timeout=3).json()

      class Loader:
          data = None
          def load(self):
              return pd.read_csv("x.csv")

      if __name__ == "__main__":
          subprocess.run(["echo"])
          print(ssm.get_parameter(Name="x"))
      """;

  @Test
  void moduleLevelIoFails() {
    Path repo = FixtureRepo.in(dir).python().file("fn/app.py", HEAVY).build();

    String[] expected = {
      "fn/app.py:9: ssm.get_parameter(...) runs when the module is imported",
      "fn/app.py:11: r.get(...) runs when the module is imported",
      "fn/app.py:13: pd.read_csv(...) runs when the module is imported",
      "fn/app.py:14: AutoModel.from_pretrained(...) runs when the module is imported",
      "fn/app.py:15: subprocess.check_output(...) runs when the module is imported"
    };
    assertThat(findings(check(new ImportTimeIo(), repo))).containsExactly(expected);
  }

  @Test
  void lazyWorkExemptFilesClientsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/lazy.py",
                """
                import functools, boto3, requests
                from typing import TYPE_CHECKING
                s3 = boto3.client("s3")
                paginator = s3.get_paginator("list_objects_v2")
                doc = "requests.get('https://x.org')"
                # requests.get("https://x.org")
                if TYPE_CHECKING:
                    import subprocess
                    subprocess.run(["x"])

                @functools.cache
                def rates():
                    return requests.get("https://x.org", timeout=3)
                """)
            .file("pkg/__main__.py", "import subprocess\nsubprocess.run(['x'])\n")
            .file("tests/conftest.py", "import requests\nrequests.get('https://x.org')\n")
            .build();

    assertNoEvidentViolation(check(new ImportTimeIo(), repo));
  }
}
