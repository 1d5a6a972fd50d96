package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceModelsInApiTest {

  @TempDir Path dir;

  private static final String MODELS =
      """
      from sqlalchemy.orm import DeclarativeBase, Mapped

      class Base(DeclarativeBase):
          pass

      class TimestampedBase(Base):
          __abstract__ = True

      class User(TimestampedBase):
          __tablename__ = "users"
      """;

  @Test
  void routesAnsweringWithOrmClassesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/models.py", MODELS)
            .file(
                "app/api.py",
                """
                from fastapi import APIRouter
                from flask import jsonify
                from app.models import User

                router = APIRouter()

                @router.get("/users", response_model=list[User])
                def users():
                    return []

                @router.get("/me", response_model=User)
                def me():
                    return jsonify(current.__dict__)
                """)
            .file(
                "app/serializers.py",
                """
                from rest_framework import serializers

                class UserSerializer(serializers.ModelSerializer):
                    class Meta:
                        model = User
                        fields = "__all__"
                """)
            .build();

    assertThat(findings(check(new PersistenceModelsInApi(), repo, Profile.API)))
        .containsExactly(
            "app/api.py:7: route users answers with the persistence class User: expose an"
                + " API schema instead",
            "app/api.py:11: route me answers with the persistence class User: expose an API"
                + " schema instead",
            "app/api.py:13: jsonify of an object's __dict__ exposes its internals",
            "app/serializers.py:6: ModelSerializer with fields = \"__all__\" exposes every model"
                + " column");
  }

  @Test
  void schemasWithTheSameNameAndListedFieldsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/models.py", MODELS)
            .file(
                "app/schemas.py",
                "from pydantic import BaseModel\n\nclass User(BaseModel):\n    id: int\n")
            .file(
                "app/api.py",
                """
                from fastapi import APIRouter
                from app.schemas import User

                router = APIRouter()

                @router.get("/me", response_model=User)
                def me():
                    return load()
                """)
            .file(
                "app/serializers.py",
                """
                from rest_framework import serializers

                class UserSerializer(serializers.ModelSerializer):
                    class Meta:
                        fields = ["id", "name"]

                class Plain:
                    fields = "__all__"
                """)
            .build();

    assertNoEvidentViolation(check(new PersistenceModelsInApi(), repo, Profile.API));
  }

  @Test
  void aSerializerBuiltInsideAFunctionIsNotARouteContract() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/serializers.py",
                """
                from rest_framework.serializers import ModelSerializer

                class Base(ModelSerializer):
                    def build_nested_field(self, field_name, relation_info, nested_depth):
                        class NestedSerializer(ModelSerializer):
                            class Meta:
                                model = relation_info.related_model
                                depth = nested_depth - 1
                                fields = '__all__'

                        return NestedSerializer, {}

                class UserSerializer(ModelSerializer):
                    class Meta:
                        model = User
                        fields = '__all__'
                """)
            .build();

    assertThat(findings(check(new PersistenceModelsInApi(), repo, Profile.API)))
        .containsExactly(
            "app/serializers.py:16: ModelSerializer with fields = \"__all__\" exposes every model"
                + " column");
  }
}
