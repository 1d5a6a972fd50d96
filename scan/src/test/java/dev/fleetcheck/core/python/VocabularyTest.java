package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static final String SOURCE =
      """
      from flask_cors import CORS as AllowAll
      import jwt.api_jwt as tokens

      # CORS_ORIGIN_ALLOW_ALL = True
      HELP = "verify=False in a string"

      app.config.update(SESSION_COOKIE_SECURE=False)
      AllowAll(
          app,
          origins="*",
      )
      tokens.decode(raw, options={"verify_signature": False})
      """;

  private final PythonModule module = ModuleAnalyzer.analyze("app.py", false, SOURCE);

  @Test
  void spellsEveryNameTokenItsCodeHoldsImportsAliasesAttributesAndKeywords() {
    assertThat(module.mentions("CORS")).isTrue();
    assertThat(module.mentions("AllowAll")).isTrue();
    assertThat(module.mentions("flask_cors")).isTrue();
    assertThat(module.mentions("api_jwt")).isTrue();
    assertThat(module.mentions("decode")).isTrue();
    assertThat(module.mentions("SESSION_COOKIE_SECURE")).isTrue();
    assertThat(module.mentions("origins")).isTrue();
    assertThat(module.mentions("False")).isTrue();
    assertThat(module.mentions("import")).isTrue();
  }

  @Test
  void namesOnlyInsideStringsOrCommentsAreNotMentioned() {
    assertThat(module.mentions("CORS_ORIGIN_ALLOW_ALL")).isFalse();
    assertThat(module.mentions("verify")).isFalse();
    assertThat(module.mentions("verify_signature")).isFalse();
    assertThat(module.mentions("string")).isFalse();
  }

  @Test
  void partsOfANameAreNotTheName() {
    assertThat(module.mentions("COR")).isFalse();
    assertThat(module.mentions("api")).isFalse();
    assertThat(module.mentions("tokens.decode")).isFalse();
  }

  @Test
  void mentionsAnyIsTrueWhenOneNameIsSpelled() {
    assertThat(module.mentionsAny(List.of("nothing_here", "decode"))).isTrue();
    assertThat(module.mentionsAny(List.of("nothing_here", "verify"))).isFalse();
    assertThat(module.mentionsAny(List.of())).isFalse();
  }

  @Test
  void anEmptyModuleMentionsNothing() {
    PythonModule empty = ModuleAnalyzer.analyze("empty.py", false, "");
    assertThat(empty.mentions("x")).isFalse();
    assertThat(empty.vocabulary().size()).isZero();
  }

  @Test
  void eachDistinctNameIsKeptOnce() {
    PythonModule repeated = ModuleAnalyzer.analyze("r.py", false, "a = a + a\nb = a\n");
    assertThat(repeated.vocabulary().size()).isEqualTo(2);
  }

  @Property(tries = 200)
  void everyIdentifierAssignedInCodeIsMentioned(
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String suffix) {
    String name = "n_" + suffix;
    PythonModule assigned = ModuleAnalyzer.analyze("p.py", false, name + " = 1\n");
    assertThat(assigned.mentions(name)).isTrue();
    PythonModule quoted = ModuleAnalyzer.analyze("q.py", false, "x = '" + name + "'\n");
    assertThat(quoted.mentions(name)).isFalse();
  }

  @Test
  void nonAsciiNamesHashLikeTheirStrings() {
    PythonModule unicode = ModuleAnalyzer.analyze("u.py", false, "größe = 1\nπ = größe\n");
    assertThat(unicode.mentions("größe")).isTrue();
    assertThat(unicode.mentions("π")).isTrue();
  }

  @Test
  void aNameWhoseHashIsZeroIsKeptLikeAnyOther() {
    assertThat("aoffckzd".hashCode()).isZero();
    PythonModule zero = ModuleAnalyzer.analyze("z.py", false, "aoffckzd = b\nb = aoffckzd\n");
    assertThat(zero.mentions("aoffckzd")).isTrue();
    assertThat(zero.mentions("b")).isTrue();
    assertThat(zero.vocabulary().size()).isEqualTo(2);
    assertThat(ModuleAnalyzer.analyze("n.py", false, "b = 1\n").mentions("aoffckzd")).isFalse();
  }

  @Test
  void manyDistinctNamesAreAllKept() {
    StringBuilder source = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      source.append("name_").append(i).append(" = value_").append(i % 7).append('\n');
    }
    PythonModule many = ModuleAnalyzer.analyze("m.py", false, source.toString());
    assertThat(many.vocabulary().size()).isEqualTo(3007);
    assertThat(many.mentions("name_2999")).isTrue();
    assertThat(many.mentions("value_6")).isTrue();
    assertThat(many.mentions("value_7")).isFalse();
  }

  @Test
  void vocabulariesOfTheSameNamesAreEqualWhateverTheirOrder() {
    StringBuilder forward = new StringBuilder();
    StringBuilder backward = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      forward.append("name_").append(i).append(" = 1\n");
      backward.append("name_").append(199 - i).append(" = 1\n");
    }
    Vocabulary first = ModuleAnalyzer.analyze("f.py", false, forward.toString()).vocabulary();
    Vocabulary second = ModuleAnalyzer.analyze("b.py", false, backward.toString()).vocabulary();
    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first)
        .isNotEqualTo(ModuleAnalyzer.analyze("o.py", false, "name_0 = 1\n").vocabulary());
  }

  @Test
  void theNamesTheTokenizerHashesAreTheNamesItsTokensHold() {
    String source =
        SOURCE
            + "größe = f'{π}' + rb'x' + u'y'\n"
            + "class C:\n    async def m(self, *a, **k): return await a[0].b\n";
    Tokens tokens = PythonTokenizer.tokenize(source);
    assertThat(Vocabulary.of(tokens)).isEqualTo(Vocabulary.fromTokens(tokens));
    assertThat(Vocabulary.of(tokens).size()).isEqualTo(Vocabulary.fromTokens(tokens).size());
  }
}
