package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-035 (assisted): async flows carry correlation ids and trace context in messages. A finding
 * per message publish in product code, recognised by its AWS parameters: SQS {@code send_message}
 * ({@code QueueUrl}/{@code MessageBody}) and SNS {@code publish} ({@code TopicArn}/{@code
 * TargetArn}/{@code Message}) without {@code MessageAttributes=}; each literal entry of {@code
 * send_message_batch}/{@code publish_batch} without {@code MessageAttributes}; EventBridge {@code
 * put_events} entries and Kinesis {@code put_record(s)} data written as a literal dict with no
 * correlation, request-id or trace key (an entry's {@code TraceHeader} counts). Payloads built
 * elsewhere and {@code **kwargs} are not judged.
 */
public final class MessageTraceContext implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-OBS-035",
              Set.of(Profile.API, Profile.LAMBDA),
              "Put the correlation id and trace context on every message: SQS/SNS"
                  + " MessageAttributes, a correlation_id/traceparent key in EventBridge and"
                  + " Kinesis payloads.")
          .defined(
              "FAIL per SQS send_message/SNS publish (or batch entry) without MessageAttributes,"
                  + " and per EventBridge put_events entry or Kinesis put_record(s) data written as"
                  + " a literal dict without a correlation, request-id or trace key; payloads"
                  + " built elsewhere are not judged; NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Pattern CONTEXT_KEY =
      Pattern.compile("(?i)correlation|request_?id|trace|traceparent");

  /** The call names judged below: a module whose code spells none of them makes no such call. */
  private static final Set<String> PUBLISHERS =
      Set.of(
          "send_message",
          "publish",
          "send_message_batch",
          "publish_batch",
          "put_events",
          "put_record",
          "put_records");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, MessageTraceContext::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    if (!module.mentionsAny(PUBLISHERS)) {
      return findings;
    }
    for (Call call : module.calls()) {
      problem(call).ifPresent(p -> findings.add(Evidence.at(module.path(), call.line(), p)));
    }
    return findings;
  }

  private static Optional<String> problem(Call call) {
    if (call.kwargsSplat() || !PUBLISHERS.contains(call.name())) {
      return Optional.empty();
    }
    String what = call.written() + "(...)";
    switch (call.name()) {
      case "send_message", "publish" -> {
        boolean message =
            call.hasKeyword("QueueUrl")
                || call.hasKeyword("MessageBody")
                || call.hasKeyword("TopicArn")
                || call.hasKeyword("TargetArn");
        if (message && !call.hasKeyword("MessageAttributes")) {
          return Optional.of(what + " publishes a message without MessageAttributes");
        }
      }
      case "send_message_batch", "publish_batch" -> {
        String key =
            call.name().equals("send_message_batch") ? "Entries" : "PublishBatchRequestEntries";
        if (entries(call, key).stream().anyMatch(e -> e.get("MessageAttributes").isEmpty())) {
          return Optional.of(what + " publishes batch entries without MessageAttributes");
        }
      }
      case "put_events" -> {
        for (PyValue.Dict entry : entries(call, "Entries")) {
          if (entry.get("TraceHeader").isEmpty() && blind(entry.get("Detail"))) {
            return Optional.of(
                what + " sends events whose Detail carries no correlation id or trace context");
          }
        }
      }
      case "put_record" -> {
        if ((call.hasKeyword("StreamName") || call.hasKeyword("StreamARN"))
            && blind(call.keyword("Data"))) {
          return Optional.of(
              what + " writes a record whose Data carries no correlation id or trace context");
        }
      }
      case "put_records" -> {
        if (entries(call, "Records").stream().anyMatch(r -> blind(r.get("Data")))) {
          return Optional.of(
              what + " writes records whose Data carries no correlation id or trace context");
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  /** The literal dict entries of a list keyword; empty when it is built elsewhere. */
  private static List<PyValue.Dict> entries(Call call, String keyword) {
    List<PyValue.Dict> dicts = new ArrayList<>();
    if (call.keyword(keyword).orElse(null) instanceof PyValue.Seq seq) {
      for (PyValue item : seq.items()) {
        if (item instanceof PyValue.Dict dict) {
          dicts.add(dict);
        }
      }
    }
    return dicts;
  }

  /** A payload written here as a dict that holds no correlation or trace key. */
  private static boolean blind(Optional<PyValue> payload) {
    if (payload.isEmpty()) {
      return false;
    }
    String text = ModuleValues.text(payload.get());
    boolean literalDict =
        payload.get() instanceof PyValue.Dict || text.toLowerCase(Locale.ROOT).contains("dumps({");
    return literalDict && !CONTEXT_KEY.matcher(text).find();
  }
}
