package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleAnalyzerTest {

  private static PythonModule analyze(String source) {
    return ModuleAnalyzer.analyze("pkg/mod.py", false, source);
  }

  private static List<String> callees(PythonModule module) {
    return module.calls().stream().map(Call::callee).toList();
  }

  private static Call only(PythonModule module, String callee) {
    List<Call> matching = module.calls().stream().filter(c -> c.callee().equals(callee)).toList();
    assertThat(matching).as("calls to %s", callee).hasSize(1);
    return matching.get(0);
  }

  @Test
  void importsResolveEveryAliasForm() {
    PythonModule module =
        analyze(
            """
            import requests as r
            import urllib.request
            import urllib.request as ur
            from requests import get, Session as S
            from urllib import request
            from jose import (
                jwt,  # python-jose
            )
            from . import sibling
            r.get(u)
            urllib.request.urlopen(u)
            ur.urlopen(u)
            get(u)
            S()
            request.urlopen(u)
            jwt.decode(t)
            sibling.go()
            """);

    assertThat(callees(module))
        .containsExactly(
            "requests.get",
            "urllib.request.urlopen",
            "urllib.request.urlopen",
            "requests.get",
            "requests.Session",
            "urllib.request.urlopen",
            "jose.jwt.decode",
            ".sibling.go");
    assertThat(module.imports())
        .containsEntry("urllib", "urllib")
        .containsEntry("S", "requests.Session");
  }

  @Test
  void importsAnywhereInTheFileApplyEverywhere() {
    PythonModule module =
        analyze(
            """
            def fetch(u):
                return get(u)

            try:
                from requests import get
            except ImportError:
                pass
            """);

    assertThat(callees(module)).containsExactly("requests.get");
  }

  @Test
  void callsSpanLinesAndCarryKeywordsAndSplats() {
    PythonModule module =
        analyze(
            """
            requests.post(
                url,  # the target
                json={"a": [1, 2]},
                timeout=None,
                verify=False,
                *args,
                **kwargs,
            )
            """);

    Call call = only(module, "requests.post");
    assertThat(call.line()).isEqualTo(1);
    assertThat(call.positional()).containsExactly(new PyValue.Name("url"));
    assertThat(call.keywords()).containsOnlyKeys("json", "timeout", "verify");
    assertThat(call.keyword("timeout")).contains(new PyValue.None());
    assertThat(call.keyword("verify")).contains(new PyValue.Bool(false));
    assertThat(call.argsSplat()).isTrue();
    assertThat(call.kwargsSplat()).isTrue();
  }

  @Test
  void literalValuesAreParsed() {
    PythonModule module =
        analyze(
            """
            f(a="x" 'y', b=["*", 'b'], c=("one",), d={"k": {"origins": "*"}}, e=-1, g=h.i,
              j=k(), l=[m for m in n], o=("p"), q=f"{r}", s=b"bytes", t=None, u=True)
            """);

    Map<String, PyValue> keywords = only(module, "f").keywords();
    assertThat(keywords.get("a")).isEqualTo(new PyValue.Str("xy"));
    assertThat(keywords.get("b"))
        .isEqualTo(new PyValue.Seq(List.of(new PyValue.Str("*"), new PyValue.Str("b"))));
    assertThat(keywords.get("c")).isEqualTo(new PyValue.Seq(List.of(new PyValue.Str("one"))));
    assertThat(keywords.get("d"))
        .isEqualTo(
            new PyValue.Dict(
                List.of(
                    new PyValue.Entry(
                        new PyValue.Str("k"),
                        new PyValue.Dict(
                            List.of(
                                new PyValue.Entry(
                                    new PyValue.Str("origins"), new PyValue.Str("*"))))))));
    assertThat(keywords.get("e")).isEqualTo(new PyValue.Num("-1"));
    assertThat(keywords.get("g")).isEqualTo(new PyValue.Name("h.i"));
    assertThat(keywords.get("j")).isEqualTo(new PyValue.Expr("k()"));
    assertThat(keywords.get("l")).isInstanceOf(PyValue.Expr.class);
    assertThat(keywords.get("o")).isEqualTo(new PyValue.Str("p"));
    assertThat(keywords.get("q")).isEqualTo(new PyValue.Expr("f\"{r}\""));
    assertThat(keywords.get("s")).isEqualTo(new PyValue.Str("bytes"));
    assertThat(keywords.get("t")).isEqualTo(new PyValue.None());
    assertThat(keywords.get("u")).isEqualTo(new PyValue.Bool(true));
  }

  @Test
  void stringEscapesAreDecoded() {
    PythonModule module = analyze("f(a='\\x2a', b='\\u002a', c=r'\\x2a', d='it\\'s', e='\\052')\n");

    Map<String, PyValue> keywords = only(module, "f").keywords();
    assertThat(keywords.get("a")).isEqualTo(new PyValue.Str("*"));
    assertThat(keywords.get("b")).isEqualTo(new PyValue.Str("*"));
    assertThat(keywords.get("c")).isEqualTo(new PyValue.Str("\\x2a"));
    assertThat(keywords.get("d")).isEqualTo(new PyValue.Str("it's"));
    assertThat(keywords.get("e")).isEqualTo(new PyValue.Str("*"));
  }

  @Test
  void nothingInsideStringsOrCommentsIsACall() {
    PythonModule module =
        analyze(
            """
            # requests.get(url)
            doc = \"\"\"requests.get(url)\"\"\"
            msg = f"{requests.get(url)}"
            other = 'requests.get(url)'
            """);

    assertThat(module.calls()).isEmpty();
  }

  @Test
  void definitionsAndKeywordsAreNotCalls() {
    PythonModule module =
        analyze(
            """
            def get(url, timeout=None):
                if (url):
                    return not (url)
            class Session(Base):
                pass
            """);

    assertThat(callees(module)).isEmpty();
  }

  @Test
  void namesBoundToCallsAreRecordedInEveryForm() {
    PythonModule module =
        analyze(
            """
            from requests import Session
            import requests
            s = requests.Session()
            session: requests.Session = Session()
            with requests.Session() as w, open(p) as fh:
                pass
            async with httpx.AsyncClient() as client:
                pass
            class Api:
                def __init__(self):
                    self.http = requests.session()
            """);

    assertThat(module.bindings())
        .extracting(Binding::name, Binding::callee)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s", "requests.Session"),
            org.assertj.core.groups.Tuple.tuple("session", "requests.Session"),
            org.assertj.core.groups.Tuple.tuple("w", "requests.Session"),
            org.assertj.core.groups.Tuple.tuple("fh", "open"),
            org.assertj.core.groups.Tuple.tuple("client", "httpx.AsyncClient"),
            org.assertj.core.groups.Tuple.tuple("self.http", "requests.session"));
  }

  @Test
  void callsOnACallResultAreChained() {
    PythonModule module = analyze("import requests as r\nr.Session().get(u).json()\n");

    assertThat(callees(module))
        .containsExactly(
            "requests.Session", "requests.Session().get", "requests.Session().get().json");
    assertThat(only(module, "requests.Session().get").receiver()).isEqualTo("requests.Session()");
  }

  @Test
  void literalAssignmentsAtAnyIndentationAreRecorded() {
    PythonModule module =
        analyze(
            """
            CORS_ALLOW_ALL_ORIGINS = True
            class Config:
                SESSION_COOKIE_SECURE: bool = False
            x += 1
            a = b = 2
            else_ = 3
            session = make_session()
            """);

    assertThat(module.assignments())
        .extracting(Assignment::target, Assignment::value, Assignment::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "CORS_ALLOW_ALL_ORIGINS", new PyValue.Bool(true), 1),
            org.assertj.core.groups.Tuple.tuple(
                "SESSION_COOKIE_SECURE", new PyValue.Bool(false), 3),
            org.assertj.core.groups.Tuple.tuple("else_", new PyValue.Num("3"), 6));
  }

  @Test
  void literalPairsComeFromDictsArgumentsSubscriptsAndHeaderLines() {
    PythonModule module =
        analyze(
            """
            headers = {"Access-Control-Allow-Origin": "*", "n": x.y}
            resp.headers.add("Access-Control-Allow-Origin", '*')
            app.config["SESSION_COOKIE_SECURE"] = False
            raw = "Access-Control-Allow-Origin: *"
            """);

    assertThat(module.literalPairs())
        .extracting(LiteralPair::key, LiteralPair::value, LiteralPair::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Access-Control-Allow-Origin", new PyValue.Str("*"), 1),
            org.assertj.core.groups.Tuple.tuple(
                "Access-Control-Allow-Origin", new PyValue.Str("*"), 2),
            org.assertj.core.groups.Tuple.tuple(
                "SESSION_COOKIE_SECURE", new PyValue.Bool(false), 3),
            org.assertj.core.groups.Tuple.tuple(
                "Access-Control-Allow-Origin", new PyValue.Str("*"), 4));
  }

  @Test
  void functionsRecordVisibilityDocstringsAndAnnotations() {
    PythonModule module =
        analyze(
            """
            \"\"\"Module docstring.\"\"\"

            def public(a: int, *args: str, b: int = 1, **kw: object) -> int:
                \"\"\"Doc.\"\"\"
                def nested(x):
                    pass
                return 1

            async def fetch(url, /, *, timeout: float) -> bytes:
                # a comment before the body
                return b""

            def _private(x):
                "Doc."

            class Client:
                '''Doc.'''
                def method(self, url: str) -> None:
                    pass

                @staticmethod
                def helper(value):
                    pass

                @classmethod
                def make(cls) -> "Client":
                    \"\"\"Doc.\"\"\"

            class _Hidden:
                def visible_name(self) -> None:
                    pass

            def generic[T](x: T) -> T: return x
            """);

    assertThat(module.hasDocstring()).isTrue();
    assertThat(module.functions())
        .extracting(
            FunctionDef::name,
            FunctionDef::publicApi,
            FunctionDef::method,
            FunctionDef::hasDocstring,
            FunctionDef::unannotatedParameters,
            FunctionDef::returnAnnotated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("public", true, false, true, List.of(), true),
            org.assertj.core.groups.Tuple.tuple("nested", false, false, false, List.of("x"), false),
            org.assertj.core.groups.Tuple.tuple("fetch", true, false, false, List.of("url"), true),
            org.assertj.core.groups.Tuple.tuple(
                "_private", false, false, true, List.of("x"), false),
            org.assertj.core.groups.Tuple.tuple("method", true, true, false, List.of(), true),
            org.assertj.core.groups.Tuple.tuple(
                "helper", true, true, false, List.of("value"), false),
            org.assertj.core.groups.Tuple.tuple("make", true, true, true, List.of(), true),
            org.assertj.core.groups.Tuple.tuple(
                "visible_name", false, true, false, List.of(), true),
            org.assertj.core.groups.Tuple.tuple("generic", true, false, false, List.of(), true));
    assertThat(module.classes())
        .extracting(ClassDef::name, ClassDef::publicApi, ClassDef::hasDocstring)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Client", true, true),
            org.assertj.core.groups.Tuple.tuple("_Hidden", false, false));
    assertThat(module.functions().get(5).decorators()).containsExactly("staticmethod");
  }

  @Test
  void anFStringOrACallIsNotADocstring() {
    PythonModule module =
        analyze(
            """
            def a():
                f"not {a} docstring"
            def b():
                "x".join([])
            """);

    assertThat(module.functions())
        .extracting(FunctionDef::hasDocstring)
        .containsExactly(false, false);
    assertThat(module.hasDocstring()).isFalse();
  }

  @Test
  void callsInParameterDefaultsKnowTheirParameter() {
    PythonModule module =
        analyze(
            """
            def main(api_token: str = typer.Option(None), user: Annotated[str, typer.Option()] = ""):
                pass
            typer.Option(None)
            """);

    assertThat(module.calls()).extracting(Call::parameter).containsExactly("api_token", "user", "");
  }

  @Test
  void decoratorsAreRecordedWithOrWithoutCall() {
    PythonModule module =
        analyze(
            """
            from flask_cors import cross_origin
            @cross_origin
            def a(): pass
            @cross_origin(origins="*")
            def b(): pass
            """);

    assertThat(module.decorators())
        .extracting(Decorator::name, Decorator::line, Decorator::called)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("flask_cors.cross_origin", 2, false),
            org.assertj.core.groups.Tuple.tuple("flask_cors.cross_origin", 4, true));
    assertThat(only(module, "flask_cors.cross_origin").line()).isEqualTo(4);
  }

  @Test
  void emptyFilesHaveNoCode() {
    assertThat(analyze("# just a comment\n\n").hasCode()).isFalse();
    assertThat(analyze("").hasCode()).isFalse();
    assertThat(analyze("x = 1\n").hasCode()).isTrue();
  }

  @Test
  void namesAreTheLastPartOfTheResolvedCalleeAndTarget() {
    PythonModule module =
        analyze(
            """
            from requests import get as fetch
            import os.path as p
            fetch(url)
            p.join(a, b)
            session().get(url)
            settings.DEBUG = True
            TIMEOUT = 5
            """);

    assertThat(module.calls())
        .extracting(Call::callee, Call::name, Call::receiver)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requests.get", "get", "requests"),
            org.assertj.core.groups.Tuple.tuple("os.path.join", "join", "os.path"),
            org.assertj.core.groups.Tuple.tuple("session", "session", ""),
            org.assertj.core.groups.Tuple.tuple("session().get", "get", "session()"));
    assertThat(module.assignments())
        .extracting(Assignment::target, Assignment::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("settings.DEBUG", "DEBUG"),
            org.assertj.core.groups.Tuple.tuple("TIMEOUT", "TIMEOUT"));
  }

  @Test
  void aCallOrAssignmentBuiltByHandDerivesItsNameAlike() {
    Call call = new Call("a.b.c", "x.b.c", 1, 0, List.of(), Map.of(), false, false, "");
    assertThat(call.name()).isEqualTo("c");
    assertThat(new Assignment("a.B", new PyValue.Num("1"), 1).name()).isEqualTo("B");
    assertThat(new Assignment("B", new PyValue.Num("1"), 1).name()).isEqualTo("B");
    assertThat(new Assignment("a.B", new PyValue.Num("1"), 1))
        .isEqualTo(new Assignment("a.B", new PyValue.Num("1"), 1))
        .hasSameHashCodeAs(new Assignment("a.B", new PyValue.Num("1"), 1))
        .hasToString("Assignment[target=a.B, value=Num[text=1], line=1]");
  }
}
