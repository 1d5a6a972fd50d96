package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * One fresh JVM of {@link ColdStart}, doing what the Lambda Java runtime does with a function:
 * loads the handler class the template names and creates it with its no-argument constructor (init)
 * and invokes it once on the event. A {@link RequestStreamHandler} (what the runtime picks first)
 * gets the event's bytes and an output stream; any other handler gets the event read into its input
 * type by the runtime's own serialisation library, and its response is written the same way. Only
 * the function's deployment jar, that library and this class are on the class path.
 *
 * <p>Modes: {@code bare} calls {@link Minimal} directly, without the runtime's serialisation (the
 * JVM's own start, for reference). {@code fresh} prints the milliseconds from JVM start to the end
 * of the first invocation (a cold start without SnapStart). {@code snapstart} inits, runs the
 * SnapStart hooks the handler registered through org.crac (the bench's own CRaC stand-in, {@code
 * crac} beside this class: priming, then the restore hook), and prints the priming's milliseconds
 * and those of the first invocation after the restore (what a restored instance runs; the restore
 * itself is the platform's and is not measured here).
 */
public final class ColdStartProbe {

  /** The baseline: the smallest handler there is. */
  public static final class Minimal implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "ok";
    }
  }

  /** The other baseline: the smallest stream handler, which the runtime serialises nothing for. */
  public static final class MinimalStream implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context)
        throws IOException {
      event.transferTo(OutputStream.nullOutputStream());
      response.write("\"ok\"".getBytes(StandardCharsets.UTF_8));
    }
  }

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the function's log lines
    String event = Files.readString(Path.of(args[1]));
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getDeclaredConstructor().newInstance();
    if (args[2].equals("bare")) {
      ((Minimal) handler).handleRequest(Map.of(), new ProbeContext());
      stdout.println(uptime());
    } else if (args[2].equals("snapstart")) {
      long primed = uptime();
      // org.crac comes with the function's jar, as on Lambda
      Class.forName("org.crac.Core").getMethod("checkpointRestore").invoke(null);
      long restored = uptime();
      invoke(handler, event);
      stdout.println((restored - primed) + " " + (uptime() - restored));
    } else {
      invoke(handler, event);
      stdout.println(uptime());
    }
  }

  private static long uptime() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void invoke(Object handler, String event) throws Exception {
    if (handler instanceof RequestStreamHandler stream) {
      stream.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
          new ByteArrayOutputStream(),
          new ProbeContext());
      return;
    }
    Method handle = handleRequest(handler.getClass());
    Class<?> input = handle.getParameterTypes()[0];
    Object request = serializer(input).fromJson(event);
    Object response = handle.invoke(handler, request, new ProbeContext());
    PojoSerializer out = serializer(response.getClass());
    out.toJson(response, new ByteArrayOutputStream());
  }

  /** The bridge-free handleRequest: the one whose input is not Object. */
  private static Method handleRequest(Class<?> type) {
    Method found = null;
    for (Method method : type.getMethods()) {
      if (method.getName().equals("handleRequest")
          && method.getParameterCount() == 2
          && (found == null || found.getParameterTypes()[0] == Object.class)) {
        found = method;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(type + " has no handleRequest");
    }
    return found;
  }

  /** As the runtime chooses: the events library's serialiser for its classes, else Jackson's. */
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    ClassLoader loader = ColdStartProbe.class.getClassLoader();
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  /** The context the runtime hands over: a request ID and the function's limits. */
  private static final class ProbeContext implements Context {

    private final String requestId = UUID.randomUUID().toString();

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/probe";
    }

    @Override
    public String getLogStreamName() {
      return "probe";
    }

    @Override
    public String getFunctionName() {
      return "probe";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:probe";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 300_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {}

        @Override
        public void log(byte[] message) {}
      };
    }
  }
}
