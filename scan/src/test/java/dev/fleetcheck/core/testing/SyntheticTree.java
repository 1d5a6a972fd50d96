package dev.fleetcheck.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a deterministic, realistic-looking repository of a given size for benchmarks and large
 * tests: the same arguments always write the same bytes. Most files are small, some are 10 to 200
 * KB, a few are binary; a given share is Python (imports, classes, functions, docstrings and some
 * {@code requests.get(...)} calls, a few without a timeout) under {@code src/} and {@code tests/};
 * about one product module in eight also serves an API route (FastAPI), one a CLI command (click)
 * and one a Lambda handler, so that the api, cli and lambda profiles and their rules are exercised;
 * the root holds a {@code pyproject.toml}, a {@code Makefile}, a README and a SAM template.
 *
 * <pre>{@code
 * SyntheticTree.Written written = SyntheticTree.generate(tempDir, 10_000, 0.6, 42L);
 * FixtureRepo.in(tempDir).git().build(); // optional: commit it all
 * }</pre>
 */
public final class SyntheticTree {

  /** What was written: every file, and the Python ones among them. */
  public record Written(int files, long bytes, int pythonFiles, long pythonBytes) {}

  private static final String[] WORDS = {
    "account", "batch", "cache", "client", "config", "event", "export", "fleet", "handler",
    "invoice", "job", "ledger", "metric", "order", "payload", "queue", "record", "report",
    "request", "scan", "schema", "session", "sweep", "task", "tenant", "token", "user", "worker"
  };
  private static final String[] IMPORTS = {
    "import os",
    "import sys",
    "import json",
    "import logging",
    "import re",
    "import time",
    "import requests",
    "from pathlib import Path",
    "from typing import Any, Optional",
    "from dataclasses import dataclass",
    "import urllib.request",
    "from collections import deque"
  };

  /** A FastAPI route with a tenant header read, a logged header map and exception text. */
  private static final String API =
      """
      from fastapi import FastAPI, Header, Request
      from fastapi.middleware.cors import CORSMiddleware
      from fastapi.responses import JSONResponse

      app = FastAPI()
      app.add_middleware(CORSMiddleware, allow_origins=["https://example.org"])


      @app.get("/orders/{order_id}")
      def get_order_N(order_id: str, request: Request, x_request_id: str = Header(None)) -> dict:
          \"\"\"Return one order.\"\"\"
          tenant = request.headers.get("X-Tenant-Id")
          LOG.info("order %s headers %s", order_id, request.headers)
          try:
              return {"id": order_id, "tenant": tenant, "rid": x_request_id}
          except Exception as e:
              return JSONResponse({"error": str(e)}, status_code=500)
      """;

  /** A click command with a secret option, an output option and a shell command. */
  private static final String CLI =
      """
      import subprocess
      import uuid

      import click


      @click.command(help="Export the records.")
      @click.option("--output", "-o", help="Where to write.")
      @click.option("--token", help="API token.")
      @click.option("--verbose", is_flag=True, help="More logs.")
      def export_N(output: str, token: str, verbose: bool) -> None:
          \"\"\"Export the records, for example: synthetic export -o out.json\"\"\"
          run_id = str(uuid.uuid4())
          LOG.info("command.start", extra={"run_id": run_id})
          subprocess.run(f"cp {output} /tmp/export", shell=True, timeout=30)
          LOG.info("command.end", extra={"run_id": run_id})
      """;

  /** A Lambda handler that builds its client per invocation, logs the event and scans a table. */
  private static final String LAMBDA =
      """
      import boto3


      def handler(event, context):
          \"\"\"Handle one batch.\"\"\"
          client = boto3.client("dynamodb")
          LOG.info(event)
          items = client.scan(TableName="orders")
          return {"statusCode": 200, "body": json.dumps(items)}
      """;

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Timeout: 10
      Resources:
        Orders:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.handler
            CodeUri: src/
            Runtime: python3.12
            Environment:
              Variables:
                TABLE_NAME: orders
            Policies:
              - Statement:
                  - Effect: Allow
                    Action: "dynamodb:*"
                    Resource: "*"
            Events:
              Api:
                Type: Api
                Properties:
                  Path: /orders
                  Method: get
              Queue:
                Type: SQS
                Properties:
                  Queue: !GetAtt Queue.Arn
                  BatchSize: 10
        Queue:
          Type: AWS::SQS::Queue
      """;

  private static final String[] OTHER_EXTENSIONS = {".md", ".json", ".txt", ".yaml", ".cfg"};

  private final Random random;
  private final StringBuilder text = new StringBuilder(256 * 1024);
  private final List<String> packageFolders = new ArrayList<>();
  private final List<String> testFolders = new ArrayList<>();
  private final List<String> otherFolders = new ArrayList<>();
  private final Set<String> createdFolders = new HashSet<>();
  private final Path root;
  private int files;
  private long bytes;
  private int pythonFiles;
  private long pythonBytes;

  private SyntheticTree(Path root, long seed) {
    this.root = root;
    this.random = new Random(seed);
  }

  /**
   * Writes {@code files} files (at least the four root files) under {@code root}, about {@code
   * pythonShare} of them Python, chosen by a {@link Random} seeded with {@code seed}.
   */
  public static Written generate(Path root, int files, double pythonShare, long seed) {
    if (files < 4 || pythonShare < 0 || pythonShare > 1) {
      throw new IllegalArgumentException("need at least 4 files and a share between 0 and 1");
    }
    SyntheticTree tree = new SyntheticTree(root, seed);
    try {
      tree.write(files, pythonShare);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(tree.files, tree.bytes, tree.pythonFiles, tree.pythonBytes);
  }

  private void write(int count, double pythonShare) throws IOException {
    planFolders(Math.max(1, count / 40));
    writeFile("pyproject.toml", pyproject(), false);
    writeFile("Makefile", makefile(), false);
    writeFile("README.md", prose(600), false);
    writeFile("template.yaml", TEMPLATE, false);
    for (int i = 4; i < count; i++) {
      if (random.nextDouble() < pythonShare) {
        boolean test = random.nextInt(5) == 0;
        String folder = pick(test ? testFolders : packageFolders);
        String name = (test ? "test_" : "") + word() + "_" + i + ".py";
        writeFile(folder + "/" + name, python(targetSize(), test), true);
      } else if (random.nextInt(100) == 0) {
        writeBinary(pick(otherFolders) + "/blob_" + i + ".bin", 1024 + random.nextInt(15 * 1024));
      } else {
        String extension = OTHER_EXTENSIONS[random.nextInt(OTHER_EXTENSIONS.length)];
        writeFile(
            pick(otherFolders) + "/" + word() + "_" + i + extension, prose(targetSize()), false);
      }
    }
  }

  /** Mostly small; about one file in a hundred is between 10 and 200 KB. */
  private int targetSize() {
    if (random.nextInt(100) == 0) {
      return 10 * 1024 + random.nextInt(190 * 1024);
    }
    return 100 + random.nextInt(3000);
  }

  private void planFolders(int folders) {
    testFolders.add("tests");
    testFolders.add("tests/unit");
    testFolders.add("tests/integration");
    for (int i = 0; i < folders; i++) {
      int kind = random.nextInt(10);
      String base = kind < 7 ? "src/app" : kind < 9 ? "docs" : "data";
      StringBuilder folder = new StringBuilder(base);
      int depth = 1 + random.nextInt(4);
      for (int d = 0; d < depth; d++) {
        folder.append('/').append(word()).append(d == depth - 1 ? "_" + i : "");
      }
      (kind < 7 ? packageFolders : otherFolders).add(folder.toString());
    }
    if (packageFolders.isEmpty()) {
      packageFolders.add("src/app");
    }
    if (otherFolders.isEmpty()) {
      otherFolders.add("docs");
    }
  }

  private String pick(List<String> folders) {
    return folders.get(random.nextInt(folders.size()));
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String python(int size, boolean test) {
    text.setLength(0);
    text.append("\"\"\"").append(sentence()).append("\"\"\"\n\n");
    int imports = 2 + random.nextInt(5);
    for (int i = 0; i < imports; i++) {
      text.append(IMPORTS[random.nextInt(IMPORTS.length)]).append('\n');
    }
    text.append("\nLOG = logging.getLogger(__name__)\nDEFAULT_LIMIT = ")
        .append(random.nextInt(1000))
        .append("\n\n");
    int n = 0;
    if (!test) {
      switch (random.nextInt(8)) {
        case 0 -> text.append(API.replace("_N(", "_" + random.nextInt(1000) + "("));
        case 1 -> text.append(CLI.replace("_N(", "_" + random.nextInt(1000) + "("));
        case 2 -> text.append(LAMBDA);
        default -> {}
      }
    }
    while (text.length() < size) {
      if (test) {
        testFunction(n++);
      } else if (random.nextInt(3) == 0) {
        pythonClass(n++);
      } else {
        function(n++, "");
      }
    }
    return text.toString();
  }

  private void pythonClass(int n) {
    String name = capitalised(word()) + capitalised(word()) + n;
    text.append("\nclass ")
        .append(name)
        .append(":\n")
        .append("    \"\"\"")
        .append(sentence())
        .append("\"\"\"\n\n")
        .append("    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:\n")
        .append("        self.limit = limit\n")
        .append("        self.items: list[str] = []\n");
    int methods = 1 + random.nextInt(3);
    for (int m = 0; m < methods; m++) {
      function(m, "    ");
    }
    text.append('\n');
  }

  private void function(int n, String indent) {
    String name = word() + "_" + word() + "_" + n;
    boolean method = !indent.isEmpty();
    text.append('\n')
        .append(indent)
        .append("def ")
        .append(name)
        .append(method ? "(self, " : "(")
        .append("url: str, retries: int = 3) -> dict:\n");
    if (random.nextInt(4) != 0) {
      text.append(indent).append("    \"\"\"").append(sentence()).append("\"\"\"\n");
    }
    text.append(indent).append("    attempts = 0\n");
    switch (random.nextInt(6)) {
      case 0 -> text.append(indent).append("    response = requests.get(url, timeout=10)\n");
      case 1 -> text.append(indent).append("    response = requests.get(url)\n");
      case 2 ->
          text.append(indent)
              .append("    response = requests.post(\n")
              .append(indent)
              .append("        url, json={\"n\": retries}, timeout=(3, 30)\n")
              .append(indent)
              .append("    )\n");
      default ->
          text.append(indent).append("    response = {\"url\": url, \"retries\": retries}\n");
    }
    text.append(indent)
        .append("    while attempts < retries:\n")
        .append(indent)
        .append("        attempts += 1\n")
        .append(indent)
        .append("        LOG.debug(\"")
        .append(word())
        .append(" attempt %d\", attempts)\n")
        .append(indent)
        .append("    return {\"")
        .append(word())
        .append("\": attempts, \"ok\": True}\n");
  }

  private void testFunction(int n) {
    text.append("\ndef test_")
        .append(word())
        .append('_')
        .append(word())
        .append('_')
        .append(n)
        .append("() -> None:\n")
        .append("    value = ")
        .append(random.nextInt(100))
        .append('\n')
        .append("    assert value + 1 == ")
        .append(0)
        .append(" or value >= 0\n");
  }

  private String prose(int size) {
    text.setLength(0);
    text.append("# ").append(capitalised(word())).append(' ').append(word()).append("\n\n");
    while (text.length() < size) {
      text.append(sentence()).append(random.nextInt(8) == 0 ? "\n\n" : " ");
    }
    return text.toString();
  }

  private String sentence() {
    StringBuilder s = new StringBuilder(capitalised(word()));
    int words = 4 + random.nextInt(8);
    for (int i = 0; i < words; i++) {
      s.append(' ').append(word());
    }
    return s.append('.').toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private String pyproject() {
    return "[project]\nname = \"synthetic\"\nversion = \"0.1.0\"\nrequires-python = \">=3.12\"\n"
        + "dependencies = [\"requests>=2.32\", \"fastapi\", \"click\", \"boto3\"]\n\n"
        + "[project.scripts]\nsynthetic = \"app.cli:main\"\n\n[tool.ruff]\nline-length = 100\n\n"
        + "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n";
  }

  private static String makefile() {
    return ".PHONY: dev lint test\n\ndev:\n\tuv sync\n\nlint:\n\tuv run ruff check .\n"
        + "\tuv run ruff format --check .\n\ntest:\n\tuv run pytest -q\n";
  }

  private void writeFile(String path, String content, boolean isPython) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    put(path, data);
    if (isPython) {
      pythonFiles++;
      pythonBytes += data.length;
    }
  }

  private void writeBinary(String path, int size) throws IOException {
    byte[] data = new byte[size];
    random.nextBytes(data);
    data[random.nextInt(Math.min(size, 4096))] = 0;
    put(path, data);
  }

  private void put(String path, byte[] data) throws IOException {
    Path target = root.resolve(path);
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    if (!folder.isEmpty() && createdFolders.add(folder)) {
      Files.createDirectories(target.getParent());
    }
    Files.write(target, data);
    files++;
    bytes += data.length;
  }
}
