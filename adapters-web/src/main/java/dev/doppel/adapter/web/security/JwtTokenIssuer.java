package dev.doppel.adapter.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.doppel.application.port.out.TokenIssuer;
import dev.doppel.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Signs HS256 JWTs whose subject is the user's id and which carry the user's token version. */
public class JwtTokenIssuer implements TokenIssuer {
  static final String ROLES_CLAIM = "roles";
  static final String USERNAME_CLAIM = "username";
  static final String TOKEN_VERSION_CLAIM = "ver";

  private final MACSigner signer;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;

  public JwtTokenIssuer(SecretKey key, String issuer, Duration lifetime, Clock clock) {
    try {
      this.signer = new MACSigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the token signing key is unusable: " + e.getMessage(), e);
    }
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public IssuedToken issue(User user) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(String.valueOf(user.id().value()))
            .claim(USERNAME_CLAIM, user.username().value())
            .claim(TOKEN_VERSION_CLAIM, user.tokenVersion())
            .claim(ROLES_CLAIM, List.of(user.role().name()))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), expires);
  }
}
