package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.catalogue.CatalogueEntry;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue joined with the automated rules: one {@link RuleMeta} per numbered rule, and the
 * check for those a machine can judge. The digest is the pack's identity: the rules' metadata and
 * the digest of the built code that judges them ({@link PackCodeDigest}), so that a stored result
 * is reused only by the pack that would produce it again.
 */
public final class RulePack {

  private final Map<String, RuleMeta> metas;
  private final Map<String, Rule> rules;
  private final String digest;

  RulePack(Catalogue catalogue, List<Rule> automated, String codeDigest) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : automated) {
      String id = rule.spec().id();
      if (catalogue.entry(id).isEmpty()) {
        throw new IllegalStateException("rule " + id + " is not in the standard's catalogue");
      }
      if (byId.putIfAbsent(id, rule) != null) {
        throw new IllegalStateException("two rules claim " + id);
      }
    }
    Map<String, RuleMeta> byIdMeta = new LinkedHashMap<>();
    for (CatalogueEntry entry : catalogue.entries()) {
      Rule rule = byId.get(entry.id());
      byIdMeta.put(entry.id(), meta(entry, rule));
    }
    this.metas = byIdMeta;
    this.rules = byId;
    this.digest = digestOf(codeDigest, byIdMeta.values());
  }

  public static RulePack standard() {
    return Holder.STANDARD;
  }

  /** A pack with only the given automated rules; for tests and for focused scans. */
  public static RulePack of(List<Rule> automated) {
    return new RulePack(Catalogue.standard(), automated, PackCodeDigest.current());
  }

  /** Every rule of the standard, automated or not, in the standard's order. */
  public List<RuleMeta> metas() {
    return List.copyOf(metas.values());
  }

  public Optional<RuleMeta> meta(String id) {
    return Optional.ofNullable(metas.get(id));
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** "sha256:" and the first 16 hex digits of the hash of the pack's code digest and metadata. */
  public String digest() {
    return digest;
  }

  private static RuleMeta meta(CatalogueEntry entry, Rule rule) {
    if (rule == null) {
      return new RuleMeta(
          entry.id(),
          entry.section(),
          entry.title(),
          entry.level(),
          EnumSet.of(Profile.PYTHON),
          RuleKind.MANUAL,
          "Review by hand against the standard's text for " + entry.id() + ".");
    }
    return new RuleMeta(
        entry.id(),
        entry.section(),
        entry.title(),
        entry.level(),
        rule.spec().profiles(),
        rule.spec().kind(),
        rule.spec().remediation());
  }

  private static String digestOf(String codeDigest, Iterable<RuleMeta> metas) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("code=" + codeDigest + "\n").getBytes(StandardCharsets.UTF_8));
      for (RuleMeta meta : metas) {
        List<String> profiles = new ArrayList<>();
        meta.profiles().forEach(p -> profiles.add(p.id()));
        profiles.sort(null);
        String line =
            String.join(
                    "|",
                    meta.id(),
                    meta.level().id(),
                    meta.kind() == RuleKind.ASSISTED
                        ? "assisted"
                        : Boolean.toString(meta.automated()),
                    String.join(",", profiles))
                + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static final class Holder {
    static final RulePack STANDARD =
        new RulePack(Catalogue.standard(), StandardRules.all(), PackCodeDigest.current());
  }
}
