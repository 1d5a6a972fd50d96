package dev.fleetcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates Python modules that look like application code: imports with aliases, classes with
 * docstrings and methods, annotated and unannotated functions, HTTP calls with and without timeouts
 * spread over lines, dict and list literals, f-strings with nested fields, triple-quoted strings,
 * comments, decorators and settings. Deterministic for a given seed.
 */
final class PythonCorpus {

  private static final int FILE_CHARS = 12 * 1024;

  private static final String[] WORDS = {
    "user", "order", "item", "price", "client", "session", "token", "record", "payload", "value",
    "result", "config", "cache", "report", "event", "handler", "account", "invoice", "queue", "job"
  };

  private PythonCorpus() {}

  static List<String> generate(Random random, int totalChars) {
    List<String> files = new ArrayList<>();
    int produced = 0;
    while (produced < totalChars) {
      String file = module(random);
      files.add(file);
      produced += file.length();
    }
    return files;
  }

  private static String module(Random random) {
    StringBuilder out = new StringBuilder(FILE_CHARS + 2048);
    out.append("# -*- coding: utf-8 -*-\n");
    out.append("\"\"\"Module handling ").append(word(random)).append(" records.\"\"\"\n\n");
    out.append("from __future__ import annotations\n\n");
    out.append("import logging\nimport requests as http\nfrom typing import Any, Optional\n");
    out.append(
        "from urllib.request import urlopen\nfrom .models import (\n    Base,\n    Model,  # noqa\n)\n\n");
    out.append("LOG = logging.getLogger(__name__)\n");
    out.append("SESSION_COOKIE_SECURE = True\nTIMEOUT = (3.05, 27)\n\n");
    while (out.length() < FILE_CHARS) {
      switch (random.nextInt(5)) {
        case 0 -> klass(random, out);
        case 1 -> function(random, out, "");
        case 2 -> settings(random, out);
        default -> function(random, out, "");
      }
    }
    return out.toString();
  }

  private static void klass(Random random, StringBuilder out) {
    String name = capitalized(word(random)) + capitalized(word(random));
    out.append("\n\nclass ").append(name).append("(Base):\n");
    out.append("    \"\"\"A ").append(word(random)).append(" kept in the store.\n\n");
    out.append("    Attributes are loaded lazily; see ``load`` for details.\n    \"\"\"\n\n");
    out.append("    table = \"").append(word(random)).append("s\"\n");
    out.append("    fields: dict[str, Any] = {\"id\": int, \"name\": str, 'tags': list}\n\n");
    out.append("    def __init__(self, ")
        .append(word(random))
        .append(": str, retries: int = 3) -> None:\n");
    out.append("        self.http = http.Session()\n        self.retries = retries\n\n");
    int methods = 2 + random.nextInt(3);
    for (int i = 0; i < methods; i++) {
      out.append("    @property\n");
      function(random, out, "    ");
    }
  }

  private static void function(Random random, StringBuilder out, String indent) {
    String name = word(random) + "_" + word(random);
    boolean method = !indent.isEmpty();
    boolean annotated = random.nextInt(4) != 0;
    out.append('\n').append(indent).append("def ").append(name).append('(');
    if (method) {
      out.append("self, ");
    }
    String a = word(random);
    String b = word(random) + "_id";
    if (annotated) {
      out.append(a)
          .append(": str, ")
          .append(b)
          .append(": Optional[int] = None) -> dict[str, Any]:\n");
    } else {
      out.append(a).append(", ").append(b).append("=None):\n");
    }
    String body = indent + "    ";
    if (random.nextBoolean()) {
      out.append(body).append("\"\"\"Return the ").append(word(random)).append(" for ``").append(a);
      out.append("``.\"\"\"\n");
    }
    out.append(body)
        .append("# look the ")
        .append(word(random))
        .append(" up; requests.get(url) here is a comment\n");
    out.append(body).append("url = f\"{BASE_URL}/").append(word(random)).append("s/{").append(a);
    out.append("!s}?limit={limit:>{width}}&q={'x' if ").append(b).append(" else \"y\"}\"\n");
    out.append(body).append("params = {\"").append(word(random)).append("\": ").append(b);
    out.append(", \"page\": 1, 'size': 50, \"flags\": [\"a\", 'b', \"c\"]}\n");
    switch (random.nextInt(4)) {
      case 0 ->
          out.append(body)
              .append("response = http.get(\n")
              .append(body)
              .append("    url,\n")
              .append(body)
              .append("    params=params,\n")
              .append(body)
              .append("    timeout=TIMEOUT,\n")
              .append(body)
              .append(")\n");
      case 1 -> out.append(body).append("response = self.http.post(url, json=params)\n");
      case 2 -> out.append(body).append("response = urlopen(url, timeout=10)\n");
      default -> out.append(body).append("response = http.request(\"GET\", url, **params)\n");
    }
    out.append(body).append("if response.status_code >= 400 and not ").append(a).append(":\n");
    out.append(body).append("    LOG.warning(\"failed %s: %r\", url, response.text[:200])\n");
    out.append(body).append("    raise ValueError(f'unexpected status {response.status_code}')\n");
    out.append(body).append("total = sum(x * 1.5e-3 for x in range(0x1F) if x % 2 == 0)\n");
    out.append(body).append("return {\"").append(word(random)).append("\": response.json(), ");
    out.append("\"total\": total, 'note': r'\\d+ items', \"raw\": b'\\x00\\xff'}\n");
  }

  private static void settings(Random random, StringBuilder out) {
    out.append("\n")
        .append(word(random).toUpperCase(java.util.Locale.ROOT))
        .append("_QUERY = \"\"\"\n");
    out.append("    SELECT id, name FROM ").append(word(random)).append("s\n");
    out.append("    WHERE created_at > :since  -- requests.get(url) is text here\n\"\"\"\n");
    out.append(
        "ALLOWED_ORIGINS = [\n    \"https://app.example.com\",\n    \"https://admin.example.com\",\n]\n");
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
