package dev.fleetcheck.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fleetcheck.functions.common.EventJson;
import dev.fleetcheck.functions.common.Invocations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Scans the repositories of a batch of scan jobs and answers with exactly the messages to deliver
 * again (template.yaml's ReportBatchItemFailures). Lambda calls the stream entry, which reads the
 * batch with the function's own Jackson ({@link SqsEvents}, ADR 0025).
 */
public final class WorkerHandler
    implements RequestStreamHandler, RequestHandler<SQSEvent, SQSBatchResponse> {

  private final WorkerWiring wiring;

  public WorkerHandler() {
    this(WorkerWiring.fromEnvironment(System.getenv()));
  }

  /** Wired from these variables instead of the process's (a local run against make up). */
  public WorkerHandler(Map<String, String> environment) {
    this(WorkerWiring.fromEnvironment(environment));
  }

  public WorkerHandler(WorkerWiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    EventJson.write(
        SqsEvents.json(handleRequest(SqsEvents.event(EventJson.read(event)), context)), response);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Invocations.run(
        wiring.runtime(),
        context,
        SqsDeliveries.correlationId(event),
        () -> {
          wiring.recordQueueAges(event);
          wiring.work().clean();
          try {
            return SqsDeliveries.response(
                wiring.batch().handle(SqsDeliveries.of(event), context::getRemainingTimeInMillis));
          } finally {
            wiring.work().clean();
          }
        });
  }
}
