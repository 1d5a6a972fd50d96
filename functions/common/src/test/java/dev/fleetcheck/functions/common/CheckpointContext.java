package dev.fleetcheck.functions.common;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * A CRaC context for tests that does what the JVM does at a snapshot: every registered resource's
 * {@code beforeCheckpoint} in reverse order of registration, then, on restore, every {@code
 * afterRestore} in order. Unlike the JVM's global context it holds its resources strongly.
 */
public final class CheckpointContext extends Context<Resource> {

  private final List<Resource> resources = new ArrayList<>();

  @Override
  public synchronized void register(Resource resource) {
    resources.add(resource);
  }

  public synchronized List<Resource> registered() {
    return List.copyOf(resources);
  }

  /** The checkpoint half: what runs before Lambda takes the snapshot. */
  public void checkpoint() throws Exception {
    beforeCheckpoint(null);
  }

  /** The restore half: what runs in a new instance restored from the snapshot. */
  public void restore() throws Exception {
    afterRestore(null);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    List<Resource> order = new ArrayList<>(registered());
    java.util.Collections.reverse(order);
    for (Resource resource : order) {
      try {
        resource.beforeCheckpoint(this);
      } catch (Exception e) {
        throw new IllegalStateException("beforeCheckpoint failed", e);
      }
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    for (Resource resource : registered()) {
      try {
        resource.afterRestore(this);
      } catch (Exception e) {
        throw new IllegalStateException("afterRestore failed", e);
      }
    }
  }
}
