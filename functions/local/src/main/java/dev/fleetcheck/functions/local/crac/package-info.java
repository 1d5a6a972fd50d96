/**
 * A CRaC implementation for the cold-start bench, in the shape org.crac looks for ({@code
 * -Dorg.crac.Core.Compat=dev.fleetcheck.functions.local.crac}): it keeps the resources a function
 * registers and {@link dev.fleetcheck.functions.local.crac.Core#checkpointRestore()} runs their
 * hooks as a SnapStart snapshot and restore would, in the same JVM (this JDK cannot snapshot).
 */
package dev.fleetcheck.functions.local.crac;
