package dev.fleetcheck.functions.local.crac;

/** A resource with checkpoint and restore hooks (org.crac wraps its own resources in this). */
public interface Resource {

  void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

  void afterRestore(Context<? extends Resource> context) throws Exception;
}
