package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

  private static final String SOURCE =
      """
      def outer(event, context):
          try:
              run(
                  event,
              )
          except (KeyError, ValueError) as e: log(e)
          except Exception:
              # comment
              raise

          def inner():
              return 1
          return inner


      class Config:
          DEBUG = False
      """;

  @Test
  void defsClassesAndExceptClausesSpanTheirBodies() {
    Blocks blocks = Blocks.of(PythonTokenizer.tokenize(SOURCE));

    List<String> spans =
        blocks.all().stream()
            .map(b -> b.kind() + " " + b.name() + " " + b.line() + "-" + b.lastLine())
            .toList();

    assertThat(spans)
        .containsExactly(
            "DEF outer 1-13",
            "EXCEPT (KeyError, ValueError) as e 6-6",
            "EXCEPT Exception 7-9",
            "DEF inner 11-12",
            "CLASS Config 16-17");
    assertThat(blocks.enclosingDef(12).orElseThrow().name()).isEqualTo("inner");
    assertThat(blocks.enclosingDef(13).orElseThrow().name()).isEqualTo("outer");
    assertThat(blocks.bodyText(blocks.of(Blocks.Kind.EXCEPT).get(0))).isEqualTo("log(e)");
  }
}
