package dev.fleetcheck.functions.api;

import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScoreBand;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The filters of the repository listing and of exports (team, score band, failing rule), read the
 * same way from a query string, a JSON body or a form.
 */
final class Filters {

  static final int TEAM_CHARS = 200;
  static final int BAND_CHARS = 20;
  static final int RULE_CHARS = 100;

  private Filters() {}

  /**
   * The filter named by {@code value}: a value by parameter name and its longest allowed length,
   * empty when not given.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_ARGUMENT for an unknown band
   */
  static LatestFilter of(BiFunction<String, Integer, Optional<String>> value) {
    LatestFilter filter = LatestFilter.all();
    Optional<String> team = value.apply("team", TEAM_CHARS);
    if (team.isPresent()) {
      filter = filter.withTeam(team.get());
    }
    Optional<String> band = value.apply("band", BAND_CHARS);
    if (band.isPresent()) {
      filter = filter.withBand(ScoreBand.fromId(band.get().toLowerCase(Locale.ROOT)));
    }
    Optional<String> rule = value.apply("rule", RULE_CHARS);
    if (rule.isPresent()) {
      filter = filter.withFailingRule(rule.get());
    }
    return filter;
  }

  /** The filter of a request's query string. */
  static LatestFilter of(ApiRequest request) {
    return of((name, max) -> request.query(name));
  }
}
