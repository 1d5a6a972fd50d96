package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.Set;

/**
 * Calls of an AWS operation on a boto3 client or resource: a lower-case method other than the local
 * helpers ({@code get_paginator}, {@code get_waiter} ...) on a name bound to {@code boto3.client}
 * or {@code boto3.resource}, or on such a call directly. Constructing the client is not an
 * operation, nor are sub-resources ({@code Table("t")}).
 */
public final class AwsOperations {

  private static final Set<String> FACTORIES =
      Set.of(
          "boto3.client",
          "boto3.resource",
          "boto3.Session().client",
          "boto3.Session().resource",
          "boto3.session.Session().client");
  private static final Set<String> LOCAL_METHODS =
      Set.of("get_paginator", "get_waiter", "can_paginate", "close");

  private final Set<String> clients;

  private AwsOperations(Set<String> clients) {
    this.clients = clients;
  }

  /** The operations finder for one module (its client names read once). */
  public static AwsOperations in(PythonModule module) {
    return new AwsOperations(ModuleValues.namesBoundTo(module, FACTORIES));
  }

  public boolean isOperation(Call call) {
    boolean onSdk =
        clients.contains(call.writtenReceiver())
            || call.receiver().startsWith("boto3.client(")
            || call.receiver().startsWith("boto3.resource(");
    String name = call.name();
    return onSdk
        && !LOCAL_METHODS.contains(name)
        && !name.isEmpty()
        && Character.isLowerCase(name.charAt(0));
  }
}
