package dev.fleetcheck.core.snapshot;

/** Which paths are test code (RULES.md, "Decisions from real repositories"). */
public final class TestCode {

  private TestCode() {}

  public static boolean isTestCode(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("conftest.py") || name.equals("tests.py")) {
      return true;
    }
    if (name.endsWith(".py") && (name.startsWith("test_") || name.endsWith("_test.py"))) {
      return true;
    }
    String withSlashes = "/" + path;
    return withSlashes.contains("/tests/") || withSlashes.contains("/test/");
  }
}
