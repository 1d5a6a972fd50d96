package dev.fleetcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK: the
 * browser picks its own debugging port and writes it to {@code DevToolsActivePort} in its profile,
 * and one WebSocket carries every command (flat sessions). Every wait is bounded; {@link #close}
 * kills the browser.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  private HeadlessChromium(Process process, Path log, WebSocket socket) {
    this.process = process;
    this.log = log;
    this.socket = socket;
  }

  /** Starts a browser with a fresh profile under {@code work}. */
  static HeadlessChromium start(Path work) throws Exception {
    Path profile = Files.createDirectories(work.resolve("profile"));
    Path log = work.resolve("chromium.log");
    Process process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--remote-debugging-port=0",
                    "--remote-allow-origins=*",
                    "--user-data-dir=" + profile,
                    "--window-size=1280,1600",
                    "about:blank"))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      URI endpoint = endpoint(profile.resolve("DevToolsActivePort"), process, log);
      Listener listener = new Listener();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(WAIT)
              .buildAsync(endpoint, listener)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium browser = new HeadlessChromium(process, log, socket);
      listener.browser = browser;
      return browser;
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** The browser's WebSocket address, once Chromium has written it (bounded). */
  private static URI endpoint(Path activePort, Process process, Path log) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.isRegularFile(activePort)) {
        List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(1).isBlank()) {
          return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Chromium exited: " + Files.readString(log));
      }
      // Chromium says nothing else when its port is ready; the file is polled, within WAIT.
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("Chromium wrote no DevToolsActivePort within " + WAIT);
  }

  /** A new tab, attached in flat mode, with page events on. */
  Tab open() throws Exception {
    String target =
        call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
    String session =
        call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .path("sessionId")
            .asText();
    Tab tab = new Tab(session);
    call(session, "Page.enable", Map.of());
    call(session, "Runtime.enable", Map.of());
    return tab;
  }

  /** Saves downloads into {@code folder}, each named by its GUID. */
  void downloadsTo(Path folder) throws Exception {
    call(
        null,
        "Browser.setDownloadBehavior",
        Map.of(
            "behavior", "allowAndName", "downloadPath", folder.toString(), "eventsEnabled", true));
  }

  /** The next event (of any session) that {@code wanted} accepts, within the bounded wait. */
  JsonNode event(Predicate<JsonNode> wanted, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      JsonNode event = left > 0 ? events.poll(left, TimeUnit.MILLISECONDS) : null;
      if (event == null) {
        throw new AssertionError("no " + what + " within " + WAIT + "; " + logTail());
      }
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /** Forgets the events received so far (before an action whose events are awaited). */
  void drain() {
    events.clear();
  }

  JsonNode call(String session, String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(message.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.path("result");
  }

  private String logTail() {
    try {
      String text = Files.readString(log);
      return "Chromium log: " + text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "no Chromium log";
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One tab: navigation, evaluation in the page, screenshots. */
  final class Tab {

    private final String session;

    private Tab(String session) {
      this.session = session;
    }

    /** Goes to {@code url} and waits for the page's load event. */
    void go(String url) throws Exception {
      navigating(() -> call(session, "Page.navigate", Map.of("url", url)));
    }

    /**
     * Runs {@code action} (which makes the page navigate: a click, a form submission) and waits for
     * the new page's load event.
     */
    void navigating(Action action) throws Exception {
      drain();
      action.run();
      event(
          e ->
              "Page.loadEventFired".equals(e.path("method").asText())
                  && session.equals(e.path("sessionId").asText()),
          "page load");
    }

    /** The value of a JavaScript expression evaluated by the test in the page (not the page's). */
    JsonNode eval(String expression) throws Exception {
      JsonNode result =
          call(
              session,
              "Runtime.evaluate",
              Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    String url() throws Exception {
      return eval("location.href").asText();
    }

    String text() throws Exception {
      return eval("document.body.innerText").asText();
    }

    /** A PNG of the whole page. */
    byte[] screenshot() throws Exception {
      JsonNode shot =
          call(
              session,
              "Page.captureScreenshot",
              Map.of("format", "png", "captureBeyondViewport", true));
      return Base64.getDecoder().decode(shot.path("data").asText());
    }
  }

  /** Something that may throw, run while a navigation is awaited. */
  interface Action {
    void run() throws Exception;
  }

  /** Collects message fragments; routes replies to their callers and queues events. */
  private static final class Listener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    private volatile HeadlessChromium browser;
    private final List<JsonNode> early = new ArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          dispatch(message);
        } catch (IOException e) {
          // A message that is not JSON is not CDP; nothing waits for it.
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    private synchronized void dispatch(JsonNode message) {
      if (browser == null) {
        early.add(message);
        return;
      }
      early.forEach(browser::deliver);
      early.clear();
      browser.deliver(message);
    }
  }

  private void deliver(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else {
      events.add(message);
    }
  }
}
