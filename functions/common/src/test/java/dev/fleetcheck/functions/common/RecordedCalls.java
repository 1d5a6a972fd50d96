package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/** Ports that write down each call they serve ({@code results.scan}, {@code queue.depth}, ...). */
public final class RecordedCalls {

  private final List<String> calls = new ArrayList<>();

  /** {@code ports} with the result store, report store and queue recorded. */
  public FleetPorts around(FleetPorts ports) {
    return new FleetPorts(
        record(ResultStore.class, ports.results(), "results"),
        record(ReportStore.class, ports.reports(), "reports"),
        ports.codec(),
        record(JobQueue.class, ports.queue(), "queue"),
        ports.clock(),
        ports.log());
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }

  private <T> T record(Class<T> type, T port, String name) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() != Object.class) {
                synchronized (this) {
                  calls.add(name + "." + method.getName());
                }
              }
              try {
                return method.invoke(port, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
