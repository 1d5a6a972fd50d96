package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.RequestScan;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.report.CsvReportRenderer;
import dev.fleetcheck.core.report.JsonReportRenderer;
import dev.fleetcheck.core.report.MarkdownReportRenderer;
import dev.fleetcheck.core.report.SarifReportRenderer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** On-demand scans (queued like a sweep's jobs) and the full report of a stored scan. */
final class ScanRoutes {

  static final String WRITE = "scans:write";
  private static final Set<String> SCHEMES = Set.of("https", "http", "git");
  private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private final RequestScan requestScan;
  private final FleetQueries queries;

  ScanRoutes(RequestScan requestScan, FleetQueries queries) {
    this.requestScan = requestScan;
    this.queries = queries;
  }

  List<Route> routes() {
    return List.of(
        Route.scoped("POST /v1/scans", WRITE, this::request),
        Route.scoped("GET /v1/scans/{id}/report", ReadRoutes.READ, this::report));
  }

  private ApiReply request(ApiRequest request) {
    JsonBody body = JsonBody.of(request, Set.of("repository_url", "ref", "team"));
    String url = body.requiredText("repository_url", 2048);
    String name = nameOf(url);
    String ref = body.text("ref", 255).orElse("");
    if (!ref.isEmpty() && (!REF.matcher(ref).matches() || ref.contains(".."))) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "ref is not a valid branch name");
    }
    String team = body.text("team", 200).orElse("");
    var requested =
        requestScan.call(new RepoRef(name, url, team, ref), request.header("idempotency-key"));
    ObjectNode reply = ApiReply.JSON.createObjectNode();
    reply.put("job_id", requested.jobId());
    reply.put("repository", name);
    reply.put("status", "queued");
    reply.put("duplicate", !requested.queued());
    String history = "/v1/repos/" + name + "/scans";
    reply.put("history", history);
    return ApiReply.accepted(reply, history);
  }

  /**
   * The repository's name from its URL, as the static inventory names it; the URL is checked the
   * way the worker's fetcher checks it, and no message repeats it (it may carry a secret).
   */
  static String nameOf(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalidUrl("repository_url is not a valid URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalidUrl("repository_url must not carry credentials, a query or a fragment");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme) || uri.getHost() == null || uri.getRawPath() == null) {
      throw invalidUrl("repository_url must be an https, http or git URL with a host");
    }
    String path = uri.getPath().replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    String name = last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    if (!NAME.matcher(name).matches() || name.startsWith(".")) {
      throw invalidUrl("repository_url must end in the repository's name");
    }
    return name;
  }

  private static FleetcheckException invalidUrl(String message) {
    return new FleetcheckException(ErrorCode.INVALID_REPO_URL, message);
  }

  private ApiReply report(ApiRequest request) {
    String id = request.path("id");
    String format = request.query("format").orElse("json").toLowerCase(Locale.ROOT);
    if (!List.of("json", "sarif", "csv", "md").contains(format)) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "format is one of json, sarif, csv, md");
    }
    if (queries.scan(id).isEmpty()) {
      throw new FleetcheckException(ErrorCode.SCAN_NOT_FOUND, "no such scan");
    }
    var report = queries.report(id);
    return switch (format) {
      case "sarif" ->
          ApiReply.text("application/sarif+json", new SarifReportRenderer().render(report));
      case "csv" ->
          ApiReply.text("text/csv; charset=utf-8", new CsvReportRenderer().render(report));
      case "md" ->
          ApiReply.text(
              "text/markdown; charset=utf-8", new MarkdownReportRenderer().render(report));
      default -> ApiReply.text(ApiReply.APPLICATION_JSON, new JsonReportRenderer().render(report));
    };
  }
}
