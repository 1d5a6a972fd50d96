package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.python.ModuleAnalyzer;
import dev.fleetcheck.core.python.PythonModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

  private static List<Route> routes(String source) {
    PythonModule module = ModuleAnalyzer.analyze("app/api.py", false, source);
    return Routes.of(module);
  }

  @Test
  void aDecoratorImportedUnderAnotherNameIsStillARoute() {
    // The verb is spelled only in the import: the prefilter on names must still let it through.
    List<Route> found =
        routes(
            """
            import flask
            from myapp.app import get as fetch

            @fetch("/items")
            def items():
                return []
            """);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).methods()).containsExactly("GET");
    assertThat(found.get(0).path()).contains("/items");
    assertThat(found.get(0).function().name()).isEqualTo("items");
  }

  @Test
  void routesOfAnAppBoundToAFactoryAndOfAConventionalName() {
    List<Route> found =
        routes(
            """
            from fastapi import FastAPI, APIRouter
            service = FastAPI()
            router = APIRouter()

            @service.post("/orders")
            def create():
                pass

            @router.api_route("/health", methods=["GET", "HEAD"])
            def health():
                pass
            """);

    assertThat(found).extracting(r -> r.function().name()).containsExactly("create", "health");
    assertThat(found.get(0).methods()).containsExactly("POST");
    assertThat(found.get(1).methods()).containsExactlyInAnyOrder("GET", "HEAD");
  }

  @Test
  void noRouteWithoutAFrameworkImportOrWithoutARouteDecorator() {
    assertThat(
            routes(
                """
                @app.get("/items")
                def items():
                    pass
                """))
        .isEmpty();
    assertThat(
            routes(
                """
                from flask import Flask
                app = Flask(__name__)

                @app.errorhandler(404)
                def missing(error):
                    pass

                def get():
                    # app.route("/x") in a comment is no route
                    return "@app.get('/y')"
                """))
        .isEmpty();
  }
}
