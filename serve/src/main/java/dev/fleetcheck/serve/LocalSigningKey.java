package dev.fleetcheck.serve;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * The local development signing key: an ES256 (P-256) key pair generated on first use and kept in
 * {@code <data dir>/serve/token-key.jwk} readable by its owner only. {@code fleetcheck token} signs
 * with it; {@code fleetcheck serve} without {@code --jwks} trusts its public half.
 */
final class LocalSigningKey {

  static final String FOLDER = "serve";
  static final String FILE_NAME = "token-key.jwk";
  static final String DEFAULT_ISSUER = "fleetcheck-local";
  static final String DEFAULT_AUDIENCE = "fleetcheck";
  static final Duration MAX_TTL = Duration.ofDays(1);

  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final ECKey key;

  private LocalSigningKey(ECKey key) {
    this.key = key;
  }

  static Path file(Path dataDir) {
    return dataDir.resolve(FOLDER).resolve(FILE_NAME);
  }

  /** The key in {@code dataDir}, generated (owner-only) when there is none yet. */
  static LocalSigningKey openOrCreate(Path dataDir) {
    Path file = file(dataDir);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return new LocalSigningKey(ECKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, "cannot read or create the local signing key " + file);
    } catch (ParseException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG, "the local signing key " + file + " is not an EC JWK");
    }
  }

  private static void create(Path file) throws IOException {
    Path folder = file.getParent();
    Files.createDirectories(folder);
    restrict(folder, OWNER_FOLDER);
    ECKey generated;
    try {
      generated =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID(UUID.randomUUID().toString())
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("P-256 key generation is always available", e);
    }
    // Created owner-only from the start, then moved into place: never readable by others.
    Path temp = folder.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
    try {
      if (posix(folder)) {
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      } else {
        Files.createFile(temp);
      }
      Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another process made the key first: use theirs.
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    if (posix(path)) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  /** The public half, as the JWKS {@code serve} trusts. */
  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** A signed token for {@code subject} with {@code scopes}, valid from now for {@code ttl}. */
  String mint(
      String issuer,
      String audience,
      String subject,
      Set<String> scopes,
      Duration ttl,
      Instant now) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "a token lives more than 0 and at most " + MAX_TTL);
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", String.join(" ", scopes))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing with a P-256 key is always available", e);
    }
    return jwt.serialize();
  }
}
