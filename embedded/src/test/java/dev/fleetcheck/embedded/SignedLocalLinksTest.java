package dev.fleetcheck.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.contract.MutableClock;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedLocalLinksTest {

  private static final String KEY = "exports/e-0123/fleet-report.csv";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final SignedLocalLinks links =
      new SignedLocalLinks(URI.create("http://127.0.0.1:8080/"), new byte[32], clock);

  private static Map<String, String> query(URI link) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String pair : link.getRawQuery().split("&")) {
      parts.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return parts;
  }

  @Test
  void aLinkNamesTheKeyAndVerifiesUntilItExpires() {
    URI link = links.downloadLink(KEY, Duration.ofMinutes(15));
    Map<String, String> q = query(link);

    assertThat(link.getPath()).isEqualTo("/downloads/" + KEY);
    assertThat(links.verify(KEY, q.get("expires"), q.get("signature"))).isTrue();
    clock.advance(Duration.ofMinutes(15));
    assertThat(links.verify(KEY, q.get("expires"), q.get("signature"))).isFalse();
  }

  @Test
  void anotherKeyALaterExpiryOrAnotherSignatureDoNotVerify() {
    Map<String, String> q = query(links.downloadLink(KEY, Duration.ofMinutes(15)));
    long later = Long.parseLong(q.get("expires")) + 3600;

    assertThat(
            links.verify("exports/e-9999/fleet-report.csv", q.get("expires"), q.get("signature")))
        .isFalse();
    assertThat(links.verify(KEY, Long.toString(later), q.get("signature"))).isFalse();
    assertThat(links.verify(KEY, q.get("expires"), "A" + q.get("signature").substring(1)))
        .isFalse();
    assertThat(links.verify("../etc/passwd", q.get("expires"), q.get("signature"))).isFalse();
    byte[] another = new byte[32];
    java.util.Arrays.fill(another, (byte) 1);
    SignedLocalLinks otherKey =
        new SignedLocalLinks(URI.create("http://127.0.0.1:8080/"), another, clock);
    assertThat(otherKey.verify(KEY, q.get("expires"), q.get("signature"))).isFalse();
  }

  @Test
  void onlyALinkSignedHereIsToldApartAsExpired() {
    Map<String, String> q = query(links.downloadLink(KEY, Duration.ofMinutes(15)));
    assertThat(links.check(KEY, q.get("expires"), q.get("signature")))
        .isEqualTo(SignedLocalLinks.Check.VALID);
    clock.advance(Duration.ofMinutes(16));

    assertThat(links.check(KEY, q.get("expires"), q.get("signature")))
        .isEqualTo(SignedLocalLinks.Check.EXPIRED);
    String signature = q.get("signature");
    String tampered = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    assertThat(links.check(KEY, q.get("expires"), tampered))
        .isEqualTo(SignedLocalLinks.Check.INVALID);
  }

  @Test
  void anInvalidKeyOrValidityIsRefused() {
    assertThatThrownBy(() -> links.downloadLink("../x", Duration.ofMinutes(1)))
        .isInstanceOf(FleetcheckException.class);
    assertThatThrownBy(() -> links.downloadLink(KEY, Duration.ofDays(8)))
        .isInstanceOf(FleetcheckException.class);
  }
}
