package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shared detector: the calls of product code that cross a boundary to a dependency (RULES-NEXT
 * "outbound call"): HTTP clients (requests, httpx, aiohttp, urllib3, urllib's urlopen), AWS SDK
 * clients and resources (boto3, aioboto3) and database connections (psycopg, asyncpg, PyMySQL,
 * mysql-connector, SQLAlchemy engines, pymongo, redis). SQLite is a local file, not a dependency.
 */
final class BoundaryCalls {

  static final Fact<BoundaryCalls> FACT = Fact.of("obs-boundary-calls", BoundaryCalls::read);

  enum Kind {
    HTTP,
    AWS,
    DATABASE
  }

  record Site(PythonModule module, Call call, Kind kind) {

    Evidence at(String message) {
      return Evidence.at(module.path(), call.line(), message);
    }
  }

  private static final Set<String> HTTP_VERBS =
      Set.of(
          "get",
          "post",
          "put",
          "patch",
          "delete",
          "head",
          "options",
          "request",
          "stream",
          "Session",
          "Client",
          "AsyncClient");
  private static final Set<String> HTTP_EXACT =
      Set.of(
          "aiohttp.ClientSession",
          "aiohttp.request",
          "urllib3.PoolManager",
          "urllib3.request",
          "urllib.request.urlopen");
  private static final Set<String> AWS =
      Set.of(
          "boto3.client",
          "boto3.resource",
          "boto3.Session",
          "boto3.session.Session",
          "aioboto3.Session",
          "aiobotocore.session.get_session");
  private static final Set<String> DATABASE =
      Set.of(
          "psycopg2.connect",
          "psycopg.connect",
          "psycopg.AsyncConnection.connect",
          "psycopg_pool.ConnectionPool",
          "asyncpg.connect",
          "asyncpg.create_pool",
          "pymysql.connect",
          "mysql.connector.connect",
          "sqlalchemy.create_engine",
          "sqlalchemy.ext.asyncio.create_async_engine",
          "pymongo.MongoClient",
          "motor.motor_asyncio.AsyncIOMotorClient",
          "redis.Redis",
          "redis.StrictRedis",
          "redis.from_url",
          "redis.asyncio.Redis",
          "redis.asyncio.from_url");

  private final List<Site> sites;

  private BoundaryCalls(List<Site> sites) {
    this.sites = List.copyOf(sites);
  }

  List<Site> all() {
    return sites;
  }

  Optional<Site> first() {
    return sites.stream().findFirst();
  }

  boolean inModule(String path) {
    return sites.stream().anyMatch(s -> s.module().path().equals(path));
  }

  /**
   * The last part of every callee {@link #kind} accepts: a boundary call's name is one of them, and
   * a module spelling none of them holds no boundary call.
   */
  private static final Set<String> NAMES = names();

  private static Set<String> names() {
    Set<String> names = new HashSet<>(HTTP_VERBS);
    for (Set<String> callees : List.of(HTTP_EXACT, AWS, DATABASE)) {
      for (String callee : callees) {
        names.add(callee.substring(callee.lastIndexOf('.') + 1));
      }
    }
    return Set.copyOf(names);
  }

  private static BoundaryCalls read(Facts facts) {
    // Sequential: with the prefilter most modules cost one vocabulary probe, less than a fork.
    List<Site> sites = new ArrayList<>();
    for (PythonModule module : PythonCodebase.of(facts).productModules()) {
      sites.addAll(sitesIn(module));
    }
    return new BoundaryCalls(sites);
  }

  private static List<Site> sitesIn(PythonModule module) {
    if (!module.mentionsAny(NAMES)) {
      return List.of();
    }
    List<Site> sites = new ArrayList<>();
    for (Call call : module.calls()) {
      if (NAMES.contains(call.name())) {
        kind(call.callee()).ifPresent(kind -> sites.add(new Site(module, call, kind)));
      }
    }
    return sites;
  }

  static Optional<Kind> kind(String callee) {
    boolean http =
        HTTP_EXACT.contains(callee)
            || ((callee.startsWith("requests.") || callee.startsWith("httpx."))
                && callee.indexOf('.') == callee.lastIndexOf('.')
                && HTTP_VERBS.contains(callee.substring(callee.indexOf('.') + 1)));
    if (http) {
      return Optional.of(Kind.HTTP);
    }
    if (AWS.contains(callee)) {
      return Optional.of(Kind.AWS);
    }
    return DATABASE.contains(callee) ? Optional.of(Kind.DATABASE) : Optional.empty();
  }
}
