package dev.fleetcheck.functions.local.crac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The global context, and a checkpoint-then-restore in place. */
public final class Core {

  private static final Global GLOBAL = new Global();

  private Core() {}

  public static Context<Resource> getGlobalContext() {
    return GLOBAL;
  }

  /** Every registered resource's beforeCheckpoint (last registered first), then afterRestore. */
  public static void checkpointRestore() throws CheckpointException, RestoreException {
    try {
      GLOBAL.beforeCheckpoint(GLOBAL);
    } catch (Exception e) {
      throw new CheckpointException(e);
    }
    try {
      GLOBAL.afterRestore(GLOBAL);
    } catch (Exception e) {
      throw new RestoreException(e);
    }
  }

  private static final class Global extends Context<Resource> {

    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
      resources.add(resource);
    }

    private synchronized List<Resource> registered() {
      return new ArrayList<>(resources);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
      List<Resource> order = registered();
      Collections.reverse(order);
      for (Resource resource : order) {
        resource.beforeCheckpoint(this);
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws Exception {
      for (Resource resource : registered()) {
        resource.afterRestore(this);
      }
    }
  }
}
