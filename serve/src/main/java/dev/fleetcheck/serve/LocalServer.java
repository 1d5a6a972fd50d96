package dev.fleetcheck.serve;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.embedded.SignedLocalLinks;
import dev.fleetcheck.functions.common.FunctionLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code fleetcheck serve}'s HTTP server (JDK {@code com.sun.net.httpserver}, a bounded executor).
 * Per request: the request ID, the per-client rate limit (429), the body bounded by {@link
 * ServerOptions#MAX_BODY_BYTES} (413), then the login pages, the signed download links, or the
 * credential check and the API function's handler. Nothing it answers carries a stack trace.
 */
public final class LocalServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add about 40 ms to every keep-alive response. Read once, when
    // the JDK's server configuration first loads; an explicit -D setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/=+-]{1,128}");
  private static final int QUEUE = 512;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final URI base;
  private final RateLimiter limiter;
  private final JwtValidator validator;
  private final ApiBackend api;
  private final Downloads downloads;
  private final FunctionLog log;
  private final Clock clock;

  private LocalServer(
      HttpServer server,
      ThreadPoolExecutor executor,
      URI base,
      RateLimiter limiter,
      JwtValidator validator,
      ApiBackend api,
      Downloads downloads,
      FunctionLog log,
      Clock clock) {
    this.server = server;
    this.executor = executor;
    this.base = base;
    this.limiter = limiter;
    this.validator = validator;
    this.api = api;
    this.downloads = downloads;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Binds, wires the API over download links signed for the bound address, and starts serving.
   *
   * @param api the API handler, given the links its exports hand out
   * @param reports the report folder the links point into
   */
  static LocalServer start(
      ServerOptions options,
      JwtValidator validator,
      Function<ReportLinks, ApiBackend> api,
      Path reports,
      FunctionLog log,
      Clock clock)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 128);
    AtomicInteger threadNumber = new AtomicInteger();
    // Bounded threads and queue; when both are full the accepting thread runs the request
    // itself, which stops it accepting more: back-pressure rather than an unbounded queue.
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            options.threads(),
            options.threads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread thread = new Thread(r, "fleetcheck-serve-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    URI base = URI.create("http://" + host + ":" + bound.getPort() + "/");
    byte[] linkKey = new byte[32];
    new SecureRandom().nextBytes(linkKey);
    SignedLocalLinks links = new SignedLocalLinks(base, linkKey, clock);
    RateLimiter limiter =
        new RateLimiter(options.ratePerSecond(), options.rateBurst(), System::nanoTime);
    LocalServer local =
        new LocalServer(
            server,
            executor,
            base,
            limiter,
            validator,
            api.apply(links),
            new Downloads(links, reports),
            log,
            clock);
    server.createContext("/", local::handle);
    server.setExecutor(executor);
    server.start();
    return local;
  }

  /** Where the server listens, ending in '/'. */
  public URI baseUri() {
    return base;
  }

  boolean rateLimited() {
    return limiter.enabled();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Map<String, String> headers = headers(exchange.getRequestHeaders());
      String given = headers.get("x-request-id");
      String requestId =
          given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      Answer answer;
      try {
        answer = answer(exchange, method, headers, requestId);
      } catch (IOException | RuntimeException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("error_code", ErrorCode.INTERNAL_ERROR.code());
        fields.put("failure", e.getClass().getSimpleName());
        fields.put("request_id", requestId);
        log.error("request.failed", fields);
        answer =
            new Answer.Local(
                LocalReply.error(
                    500,
                    ErrorCode.INTERNAL_ERROR,
                    "the service could not complete the request",
                    requestId));
      }
      write(exchange, answer, requestId, method.equals("HEAD"));
    } catch (IOException | RuntimeException e) {
      // The client went away mid-answer: nothing left to tell it.
    }
  }

  private Answer answer(
      HttpExchange exchange, String method, Map<String, String> headers, String requestId)
      throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    if (limiter.acquire(client) instanceof RateLimiter.Decision.Refused refused) {
      long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
      refusal("rate_limited", path, requestId);
      return new Answer.Local(
          LocalReply.error(
                  429,
                  ErrorCode.RATE_LIMITED,
                  "too many requests from this client; retry after " + seconds + " s",
                  requestId)
              .withHeader("retry-after", Long.toString(seconds)));
    }
    Optional<byte[]> body = body(exchange, headers);
    if (body.isEmpty()) {
      refusal("payload_too_large", path, requestId);
      return new Answer.Local(
          LocalReply.error(
                  413,
                  ErrorCode.PAYLOAD_TOO_LARGE,
                  "a request body has at most " + ServerOptions.MAX_BODY_BYTES + " bytes",
                  requestId)
              .withHeader("connection", "close"));
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (read && path.startsWith(Downloads.PREFIX)) {
      return downloads.answer(path, exchange.getRequestURI().getRawQuery(), requestId);
    }
    if (path.equals("/login") && read) {
      return new Answer.Local(LocalReply.html(200, LoginPage.page("")));
    }
    if (path.equals("/login") && method.equals("POST")) {
      return new Answer.Local(login(headers, body.get(), requestId, path));
    }
    if (path.equals("/logout") && method.equals("POST")) {
      if (!Credential.sameOrigin(headers)) {
        return new Answer.Local(crossSite(path, requestId));
      }
      return new Answer.Local(
          LocalReply.seeOther("/login").withHeader("set-cookie", LoginPage.clearedCookie()));
    }
    return api(exchange, method, path, headers, body.get(), requestId);
  }

  private Answer api(
      HttpExchange exchange,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      String requestId) {
    Credential credential = Credential.of(method, path, headers, LoginPage.COOKIE);
    Optional<TokenCheck.Valid> identity = Optional.empty();
    if (credential instanceof Credential.CrossSite) {
      return new Answer.Local(crossSite(path, requestId));
    }
    if (credential instanceof Credential.Token token) {
      TokenCheck check = validator.check(token.value());
      if (check instanceof TokenCheck.Invalid invalid) {
        refusal("invalid_token", path, requestId);
        if (token.fromCookie() && !method.equals("POST")) {
          return new Answer.Local(
              LocalReply.seeOther("/login").withHeader("set-cookie", LoginPage.clearedCookie()));
        }
        return new Answer.Local(invalidToken(invalid.reason(), requestId));
      }
      identity = Optional.of((TokenCheck.Valid) check);
    }
    Optional<APIGatewayV2HTTPEvent> event =
        HttpEvents.of(
            new HttpEvents.Received(
                method,
                path,
                exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : exchange.getRequestURI().getRawQuery(),
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                requestId,
                clock.instant()),
            identity);
    if (event.isEmpty()) {
      return new Answer.Local(
          LocalReply.error(
              400, ErrorCode.INVALID_ARGUMENT, "the query string does not decode", requestId));
    }
    APIGatewayV2HTTPResponse response = api.handle(event.get());
    if (credential instanceof Credential.None
        && Credential.isFleetPath(path)
        && !method.equals("POST")
        && response.getStatusCode() == 401) {
      // A browser without a session: send the person to the login form.
      return new Answer.Local(LocalReply.seeOther("/login"));
    }
    return new Answer.Api(response);
  }

  private LocalReply login(
      Map<String, String> headers, byte[] body, String requestId, String path) {
    if (!Credential.sameOrigin(headers)) {
      return crossSite(path, requestId);
    }
    String token =
        HttpEvents.query(new String(body, StandardCharsets.UTF_8))
            .map(form -> form.getOrDefault("token", ""))
            .orElse("")
            .strip();
    TokenCheck check = validator.check(token);
    if (check instanceof TokenCheck.Invalid invalid) {
      refusal("invalid_token", path, requestId);
      return LocalReply.html(401, LoginPage.page(invalid.reason()))
          .withHeader("www-authenticate", wwwAuthenticate(invalid.reason()));
    }
    TokenCheck.Valid valid = (TokenCheck.Valid) check;
    Duration left = Duration.between(clock.instant(), valid.expiresAt());
    audit("session.started", path, requestId);
    return LocalReply.seeOther("/fleet")
        .withHeader("set-cookie", LoginPage.sessionCookie(token, left));
  }

  private LocalReply crossSite(String path, String requestId) {
    refusal("cross_site", path, requestId);
    return LocalReply.error(
        403,
        ErrorCode.FORBIDDEN,
        "a form post with the session cookie must come from this server's own pages",
        requestId);
  }

  private static LocalReply invalidToken(String reason, String requestId) {
    return LocalReply.error(401, ErrorCode.UNAUTHENTICATED, reason, requestId)
        .withHeader("www-authenticate", wwwAuthenticate(reason));
  }

  static String wwwAuthenticate(String reason) {
    return "Bearer realm=\"fleetcheck\", error=\"invalid_token\", error_description=\""
        + reason
        + "\"";
  }

  /** A refusal as a {@code security.audit} line: what and where, never the credential. */
  private void refusal(String reason, String path, String requestId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("action", "request.refused");
    fields.put("reason", reason);
    fields.put("path", path.length() > 200 ? path.substring(0, 200) : path);
    fields.put("request_id", requestId);
    log.warn("security.audit", fields);
  }

  private void audit(String action, String path, String requestId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("action", action);
    fields.put("path", path);
    fields.put("request_id", requestId);
    log.info("security.audit", fields);
  }

  /** The body, or empty when it is larger than the limit (declared or streamed). */
  private static Optional<byte[]> body(HttpExchange exchange, Map<String, String> headers)
      throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > ServerOptions.MAX_BODY_BYTES) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    InputStream in = exchange.getRequestBody();
    byte[] read = in.readNBytes(ServerOptions.MAX_BODY_BYTES + 1);
    return read.length > ServerOptions.MAX_BODY_BYTES ? Optional.empty() : Optional.of(read);
  }

  private static Map<String, String> headers(Headers raw) {
    Map<String, String> headers = new LinkedHashMap<>();
    raw.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          String separator = lower.equals("cookie") ? "; " : ",";
          headers.merge(lower, String.join(separator, values), (a, b) -> a + separator + b);
        });
    return headers;
  }

  private static void write(HttpExchange exchange, Answer answer, String requestId, boolean head)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    if (answer instanceof Answer.Local local) {
      local.reply().headers().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
      out.set("x-request-id", requestId);
      send(exchange, local.reply().status(), local.reply().body(), head);
    } else if (answer instanceof Answer.Api api) {
      APIGatewayV2HTTPResponse response = api.response();
      if (response.getHeaders() != null) {
        response.getHeaders().forEach(out::set);
      }
      if (response.getMultiValueHeaders() != null) {
        response
            .getMultiValueHeaders()
            .forEach((name, values) -> values.forEach(v -> out.add(name, v)));
      }
      if (response.getCookies() != null) {
        response.getCookies().forEach(c -> out.add("set-cookie", c));
      }
      out.set("x-request-id", requestId);
      String body = response.getBody() == null ? "" : response.getBody();
      byte[] bytes =
          response.getIsBase64Encoded()
              ? Base64.getDecoder().decode(body)
              : body.getBytes(StandardCharsets.UTF_8);
      send(exchange, response.getStatusCode(), bytes, head);
    } else if (answer instanceof Answer.File file) {
      file.headers().forEach(out::set);
      out.set("x-request-id", requestId);
      long size = java.nio.file.Files.size(file.path());
      if (head) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (OutputStream body = exchange.getResponseBody()) {
        java.nio.file.Files.copy(file.path(), body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean head)
      throws IOException {
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** What the server sends back: its own reply, the API handler's response, or a stored file. */
  sealed interface Answer {
    record Local(LocalReply reply) implements Answer {}

    record Api(APIGatewayV2HTTPResponse response) implements Answer {}

    record File(Path path, Map<String, String> headers) implements Answer {}
  }
}
