package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls that answer a request with a literal HTTP status: FastAPI/Starlette {@code HTTPException},
 * Flask {@code abort}, response classes ({@code JSONResponse}, {@code Response}, Django {@code
 * JsonResponse}/{@code HttpResponse}, DRF {@code Response}), the status given as a number, {@code
 * status.HTTP_401_UNAUTHORIZED} or {@code HTTPStatus.FORBIDDEN}.
 */
final class StatusResponses {

  private static final Set<String> EXCEPTIONS = Set.of("HTTPException", "abort");
  private static final Pattern STATUS_NAME = Pattern.compile("HTTP_(\\d{3})_\\w+");
  private static final Map<String, Integer> HTTP_STATUS =
      Map.of(
          "UNAUTHORIZED", 401,
          "FORBIDDEN", 403,
          "NOT_FOUND", 404,
          "BAD_REQUEST", 400,
          "INTERNAL_SERVER_ERROR", 500);

  private StatusResponses() {}

  /** The literal status the call answers with; empty when it is no such call or not literal. */
  static Optional<Integer> status(Call call) {
    String name = call.name();
    boolean exception = EXCEPTIONS.contains(name);
    if (!exception && !name.endsWith("Response")) {
      return Optional.empty();
    }
    Optional<PyValue> value =
        call.keyword("status_code").or(() -> call.keyword("status")).or(() -> call.keyword("code"));
    if (value.isEmpty() && exception && !call.positional().isEmpty()) {
      value = Optional.of(call.positional().get(0));
    }
    return value.flatMap(StatusResponses::number);
  }

  private static Optional<Integer> number(PyValue value) {
    if (value instanceof PyValue.Num num && num.text().matches("\\d{3}")) {
      return Optional.of(Integer.parseInt(num.text()));
    }
    if (value instanceof PyValue.Name n) {
      String dotted = n.dotted();
      Matcher m = STATUS_NAME.matcher(dotted.substring(dotted.lastIndexOf('.') + 1));
      if (m.matches()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
      if (dotted.startsWith("HTTPStatus.") || dotted.startsWith("http.HTTPStatus.")) {
        return Optional.ofNullable(HTTP_STATUS.get(dotted.substring(dotted.lastIndexOf('.') + 1)));
      }
    }
    return Optional.empty();
  }

  /** The string literals among the call's arguments (dict values included): its message. */
  static List<String> messages(Call call) {
    List<String> messages = new ArrayList<>();
    call.positional().forEach(v -> strings(v, messages));
    call.keywords().values().forEach(v -> strings(v, messages));
    return messages;
  }

  private static void strings(PyValue value, List<String> out) {
    if (value instanceof PyValue.Str str) {
      out.add(str.value());
    } else if (value instanceof PyValue.Dict dict) {
      dict.entries().forEach(e -> strings(e.value(), out));
    } else if (value instanceof PyValue.Seq seq) {
      seq.items().forEach(v -> strings(v, out));
    }
  }
}
