package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.ApiFixture.AT;
import static dev.fleetcheck.functions.api.ApiFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet web page through API Gateway v2 events over the embedded store: filters, paging,
 * history, a rule's page, the export form, the security headers of every HTML answer, escaping of
 * hostile names, and refusals as error pages.
 */
class FleetPageTest {

  private static final Pattern ROW =
      Pattern.compile("<tr><th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a>");
  private static final String HOSTILE_TEAM = "\"><img src=x onerror=alert(1)>";

  @TempDir Path dir;
  private ApiFixture api;

  @BeforeEach
  void open() {
    api = new ApiFixture(dir);
  }

  @AfterEach
  void close() {
    api.close();
  }

  private String scan(String repository, String team, double score, String... rules) {
    return api.scan(repository, team, score, rules);
  }

  private String scanAt(
      String repository, String team, double score, Instant at, boolean inSweep, String... rules) {
    return api.scanAt(repository, team, score, at, inSweep, rules);
  }

  private static APIGatewayV2HTTPEvent page(Map<String, String> query) {
    APIGatewayV2HTTPEvent event = sample("get-fleet-page.json");
    event.setQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query));
    return event;
  }

  private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse response = api.invoke(event);
    assertThat(response.getHeaders().get("content-type")).isEqualTo("text/html; charset=utf-8");
    return response;
  }

  /** The repository names of the page's repository table, in order. */
  private static List<String> tableRows(String html) {
    int start = html.indexOf("<table id=\"repository-table\">");
    assertThat(start).as("the page has its repository table").isNotNegative();
    String table = html.substring(start, html.indexOf("</table>", start));
    List<String> names = new ArrayList<>();
    Matcher m = ROW.matcher(table);
    while (m.find()) {
      names.add(unescape(m.group(1)));
    }
    return names;
  }

  private static Optional<String> linkOf(String html, String rel) {
    Matcher m = Pattern.compile("<a rel=\"" + rel + "\" href=\"([^\"]*)\"").matcher(html);
    return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
  }

  /** The query parameters of a link the page printed. */
  private static Map<String, String> query(String href) {
    Map<String, String> query = new LinkedHashMap<>();
    int mark = href.indexOf('?');
    if (mark < 0) {
      return query;
    }
    for (String pair : href.substring(mark + 1).split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static String unescape(String html) {
    return html.replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  @Test
  void theFleetPageShowsTheReportsSectionsAndEveryRepositoryByName() {
    scan("search-api", "search", 95.0);

    String html = get(page(Map.of())).getBody();

    for (String section :
        List.of("summary", "score-distribution", "pass-rates", "teams", "worst-repositories")) {
      assertThat(html).contains("<section id=\"" + section + "\"");
    }
    assertThat(tableRows(html)).containsExactly("payments-api", "search-api");
    assertThat(html)
        .contains("<a href=\"&#47;fleet&#47;repos&#47;search-api\">search-api</a>")
        .contains("<a href=\"&#47;fleet&#47;rules&#47;PY-SEC-041\"><code>PY-SEC-041</code></a>");
  }

  @Test
  void filtersByTeamBandAndFailingRuleNarrowTheTableAndTheFigures() {
    scan("search-api", "search", 95.0);
    scan("search-indexer", "search", 40.0, "PY-QG-001");
    scan("billing", "payments", 45.0, "PY-QG-001");

    assertThat(tableRows(get(page(Map.of("team", "search"))).getBody()))
        .containsExactly("search-api", "search-indexer");
    assertThat(tableRows(get(page(Map.of("band", "critical"))).getBody()))
        .containsExactly("billing", "search-indexer");
    assertThat(tableRows(get(page(Map.of("rule", "PY-QG-001", "team", "payments"))).getBody()))
        .containsExactly("billing");
    String filtered = get(page(Map.of("team", "search"))).getBody();
    assertThat(filtered)
        .contains("<input type=\"text\" name=\"team\" maxlength=\"200\" value=\"search\">")
        .doesNotContain("<th scope=\"row\">payments</th>")
        .contains("<th scope=\"row\">search</th>");
  }

  @Test
  void nextAndPreviousLinksWalkThePagesWithTheSignedCursorsAndKeepTheFilters() {
    for (int i = 0; i < 6; i++) {
      scan("repo-" + i, "platform", 80.0);
    }
    Map<String, String> first = Map.of("team", "platform", "limit", "4");

    String page1 = get(page(first)).getBody();
    assertThat(tableRows(page1)).containsExactly("repo-0", "repo-1", "repo-2", "repo-3");
    assertThat(linkOf(page1, "prev")).isEmpty();
    String next = linkOf(page1, "next").orElseThrow();
    assertThat(query(next)).containsEntry("team", "platform").containsEntry("limit", "4");

    String page2 = get(page(query(next))).getBody();
    assertThat(tableRows(page2)).containsExactly("repo-4", "repo-5");
    assertThat(linkOf(page2, "next")).isEmpty();
    String previous = linkOf(page2, "prev").orElseThrow();

    assertThat(tableRows(get(page(query(previous))).getBody()))
        .containsExactly("repo-0", "repo-1", "repo-2", "repo-3");
    assertThat(query(linkOf(page2, "first").orElseThrow())).doesNotContainKey("cursor");
  }

  @Test
  void aCursorFromAnotherFilterIsAnHtml400() {
    for (int i = 0; i < 3; i++) {
      scan("repo-" + i, "platform", 80.0);
    }
    Map<String, String> next =
        query(linkOf(get(page(Map.of("limit", "1"))).getBody(), "next").orElseThrow());
    Map<String, String> foreign = new LinkedHashMap<>(next);
    foreign.put("team", "platform");

    APIGatewayV2HTTPResponse response = get(page(foreign));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("<code id=\"error-code\">cursor_invalid</code>");
  }

  @Test
  void theRepositoryPageShowsItsHistoryNewestFirstAndTheLatestScansFailingRules() {
    String old = scanAt("search-api", "search", 50.0, AT.minusSeconds(3600), false, "PY-QG-001");
    String latest = scan("search-api", "search", 70.0, "PY-SEC-041");
    APIGatewayV2HTTPEvent event = sample("get-fleet-repo-page.json");
    event.setPathParameters(Map.of("repo", "search-api"));

    String html = get(event).getBody();

    String history = html.substring(html.indexOf("<table id=\"history-table\">"));
    assertThat(history.indexOf(latest)).isNotNegative().isLessThan(history.indexOf(old));
    String failing =
        html.substring(
            html.indexOf("<section id=\"latest\">"), html.indexOf("<section id=\"history\">"));
    assertThat(failing)
        .contains("PY-SEC-041")
        .contains("evidence of PY-SEC-041")
        .doesNotContain("PY-QG-001");
  }

  @Test
  void aRepositoryWithoutScansIsAnHtml404() {
    APIGatewayV2HTTPEvent event = sample("get-fleet-repo-page.json");
    event.setPathParameters(Map.of("repo", "nothing-here"));

    APIGatewayV2HTTPResponse response = get(event);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getBody()).contains("<code id=\"error-code\">scan_not_found</code>");
  }

  @Test
  void theRulePageListsTheRepositoriesWhoseLatestScanFailsIt() {
    scanAt("fixed-since", "search", 50.0, AT.minusSeconds(3600), false, "PY-QG-001");
    scan("fixed-since", "search", 95.0);
    scan("still-failing", "search", 60.0, "PY-QG-001");
    APIGatewayV2HTTPEvent event = sample("get-fleet-rule-page.json");
    event.setPathParameters(Map.of("id", "PY-QG-001"));

    String html = get(event).getBody();

    assertThat(tableRows(html)).containsExactly("still-failing");
  }

  @Test
  void theExportFormCreatesAnExportAndItsPageLinksTheDownload() {
    scan("search-api", "search", 95.0);
    APIGatewayV2HTTPEvent form = sample("post-fleet-export.json");
    form.setIsBase64Encoded(false);
    form.setBody("format=csv&team=search");

    APIGatewayV2HTTPResponse created = get(form);

    assertThat(created.getStatusCode()).isEqualTo(303);
    String location = created.getHeaders().get("location");
    assertThat(location).matches("/fleet/exports/e-[0-9a-f]{24}");
    APIGatewayV2HTTPEvent status = sample("get-fleet-export-page.json");
    status.setPathParameters(Map.of("id", location.substring(location.lastIndexOf('/') + 1)));
    String html = get(status).getBody();
    Matcher download =
        Pattern.compile("<a id=\"download\" download=\"fleet-report.csv\" href=\"([^\"]*)\"")
            .matcher(html);
    assertThat(download.find()).isTrue();
    String link = unescape(download.group(1));
    assertThat(link).startsWith(ApiFixture.LINK_HOST + "exports/");
    String key = link.substring(ApiFixture.LINK_HOST.length(), link.indexOf('?'));
    String csv =
        new String(api.embedded.ports().reports().get(key).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(csv).contains("search-api").doesNotContain("payments-api");
    assertThat(api.printed())
        .contains("\"action\":\"export.created\"")
        .contains("\"action\":\"export.link_issued\"");
  }

  @Test
  void anExportFormWithAnUnknownFormatOrFieldIsAnHtml400() {
    for (String body : List.of("format=pdf", "format=csv&owner=me", "team=x")) {
      APIGatewayV2HTTPEvent form = sample("post-fleet-export.json");
      form.setIsBase64Encoded(false);
      form.setBody(body);

      APIGatewayV2HTTPResponse response = get(form);

      assertThat(response.getStatusCode()).as(body).isEqualTo(400);
      assertThat(response.getBody()).contains("<code id=\"error-code\">invalid_argument</code>");
    }
  }

  @Test
  void theExportFormIsOfferedOnlyToATokenThatMayExport() {
    assertThat(get(page(Map.of())).getBody()).doesNotContain("action=\"&#47;fleet&#47;exports\"");
    APIGatewayV2HTTPEvent both = ApiFixture.withScope(page(Map.of()), "scans:read exports:create");
    assertThat(get(both).getBody())
        .contains(
            "<form class=\"filters\" method=\"post\" action=\"/fleet/exports\" id=\"export\">");
  }

  @Test
  void everyHtmlAnswerCarriesTheStrictPolicyAndItsStyleSheetsHash() throws Exception {
    APIGatewayV2HTTPEvent anonymous = page(Map.of());
    anonymous.getRequestContext().setAuthorizer(null);
    APIGatewayV2HTTPEvent unknown = page(Map.of());
    unknown.setRouteKey("$default");
    unknown.setRawPath("/fleet/nothing");
    List<APIGatewayV2HTTPEvent> events =
        List.of(
            page(Map.of()),
            sample("get-fleet-repo-page.json"),
            sample("get-fleet-rule-page.json"),
            sample("post-fleet-export.json"),
            sample("get-fleet-export-page.json"),
            anonymous,
            ApiFixture.withScope(page(Map.of()), "exports:create"),
            page(Map.of("band", "purple")),
            unknown);
    for (APIGatewayV2HTTPEvent event : events) {
      APIGatewayV2HTTPResponse response = get(event);
      Map<String, String> headers = response.getHeaders();
      String policy = headers.get("content-security-policy");
      assertThat(policy)
          .as(event.getRawPath() + " " + response.getStatusCode())
          .startsWith("default-src 'none'; style-src 'sha256-")
          .contains("form-action 'self'")
          .contains("frame-ancestors 'none'")
          .contains("base-uri 'none'")
          .doesNotContain("unsafe");
      assertThat(headers)
          .containsEntry("x-content-type-options", "nosniff")
          .containsEntry("referrer-policy", "no-referrer")
          .containsEntry("cache-control", "no-store");
      String body = response.getBody();
      assertThat(body)
          .doesNotContain("<script")
          .doesNotContain(" src=")
          .doesNotContain("<link")
          .doesNotContain(" style=");
      String style = body.substring(body.indexOf("<style>") + 7, body.indexOf("</style>"));
      String hash =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(style.getBytes(StandardCharsets.UTF_8)));
      assertThat(policy).contains("'sha256-" + hash + "'");
    }
  }

  @Test
  void hostileRepositoryAndTeamNamesAreEscapedEverywhere() {
    String name = "<script>alert(1)</script>";
    scan(name, HOSTILE_TEAM, 20.0, "PY-SEC-041");

    String fleet = get(page(Map.of())).getBody();
    APIGatewayV2HTTPEvent repo = sample("get-fleet-repo-page.json");
    repo.setPathParameters(Map.of("repo", name));
    APIGatewayV2HTTPResponse repoPage = get(repo);
    APIGatewayV2HTTPEvent filtered = page(Map.of("team", HOSTILE_TEAM));

    assertThat(repoPage.getStatusCode()).isEqualTo(200);
    for (String html : List.of(fleet, repoPage.getBody(), get(filtered).getBody())) {
      assertThat(html)
          .doesNotContain("<script>")
          .doesNotContain("<img")
          .doesNotContain(HOSTILE_TEAM)
          .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
          .contains("&lt;script&gt;alert(1)&lt;&#47;script&gt;");
    }
    assertThat(fleet).contains("&#47;fleet&#47;repos&#47;%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
    assertThat(tableRows(get(filtered).getBody())).containsExactly(name);
  }

  @Test
  void withoutATokenThePageIsA401PageThatSaysHowToSignInAndAnotherScopeIsA403() {
    APIGatewayV2HTTPEvent anonymous = page(Map.of());
    anonymous.getRequestContext().setAuthorizer(null);

    APIGatewayV2HTTPResponse unauthenticated = get(anonymous);
    APIGatewayV2HTTPResponse forbidden =
        get(ApiFixture.withScope(page(Map.of()), "exports:create scans:write"));

    assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
    assertThat(unauthenticated.getHeaders().get("www-authenticate")).startsWith("Bearer");
    assertThat(unauthenticated.getBody())
        .contains("<code id=\"error-code\">unauthenticated</code>")
        .contains("<code id=\"correlation-id\">req-52492925c5ee</code>")
        .contains("href=\"/login\"");
    assertThat(forbidden.getStatusCode()).isEqualTo(403);
    assertThat(forbidden.getBody()).contains("<code id=\"error-code\">forbidden</code>");
    assertThat(api.printed()).contains("\"required_scope\":\"scans:read\"");
  }
}
