package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.catalogue.CatalogueEntry;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetExports;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.core.report.fleet.FleetReportAssembler;
import dev.fleetcheck.functions.common.FunctionRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every route of the report API and of the fleet web page, wired from the function's runtime and
 * the two ports only the API uses: download links for exports, and the launcher of sweeps.
 */
final class ApiRoutes {

  private ApiRoutes() {}

  static List<Route> all(FunctionRuntime runtime, ReportLinks links, SweepLauncher launcher) {
    FleetPorts ports = runtime.fleet().ports();
    var queries = runtime.fleet().queries();
    Catalogue catalogue = Catalogue.standard();
    FleetReportAssembler assembler =
        new FleetReportAssembler(
            ports.results(), ports.reports(), ports.codec(), metas(catalogue), ports.clock());
    ExportRoutes exports =
        new ExportRoutes(
            new FleetExports(assembler, ports.reports(), ports.clock()),
            links,
            ports.clock(),
            runtime.log());
    List<Route> routes = new ArrayList<>();
    routes.addAll(new ReadRoutes(queries, catalogue).routes());
    routes.addAll(new ScanRoutes(runtime.fleet().requestScan(), queries).routes());
    routes.addAll(new SweepRoutes(launcher, queries, ports.results(), ports.clock()).routes());
    routes.addAll(exports.routes());
    routes.add(OpenApiRoute.route());
    routes.addAll(new FleetPageRoutes(queries, catalogue, assembler, exports).routes());
    return routes;
  }

  /**
   * The standard's rules as report metadata. The API carries no rule pack, so which rules a machine
   * checks and how to fix them come from the stored scan reports, not from here.
   */
  private static List<RuleMeta> metas(Catalogue catalogue) {
    List<RuleMeta> metas = new ArrayList<>();
    for (CatalogueEntry e : catalogue.entries()) {
      metas.add(
          new RuleMeta(e.id(), e.section(), e.title(), e.level(), Set.of(), RuleKind.MANUAL, ""));
    }
    return metas;
  }

  /** A port this deployment was wired without: each call fails with INVALID_CONFIG. */
  static SweepLauncher noSweepLauncher() {
    return id -> {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, "this deployment cannot launch sweeps from the API");
    };
  }

  static ReportLinks noReportLinks() {
    return (key, validFor) -> {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, "this deployment has no download links for exports");
    };
  }
}
