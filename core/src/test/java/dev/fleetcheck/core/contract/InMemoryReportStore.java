package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A report store in memory; it passes the report store contract suite. */
public final class InMemoryReportStore implements ReportStore {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private final Map<String, byte[]> reports = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] content) {
    reports.put(checked(key), content.clone());
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(reports.get(checked(key))).map(byte[]::clone);
  }

  @Override
  public void delete(String key) {
    reports.remove(checked(key));
  }

  /** How many reports are stored. */
  public int size() {
    return reports.size();
  }

  private static String checked(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "invalid report key");
    }
    for (String segment : key.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "invalid report key");
      }
    }
    return key;
  }
}
