package dev.fleetcheck.functions.local.crac;

/** A group of resources whose hooks run together. */
public abstract class Context<R extends Resource> implements Resource {

  public abstract void register(R resource);
}
