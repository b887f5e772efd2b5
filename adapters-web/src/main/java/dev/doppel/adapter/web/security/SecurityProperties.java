package dev.doppel.adapter.web.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret base64 HMAC key of at least 32 bytes; when blank, a key is generated once and kept
 *     in {@code keyFile}
 * @param keyFile where the generated key is kept, so tokens survive a restart
 * @param issuer the {@code iss} every token carries and every request's token must carry
 * @param tokenLifetime how long a token from login stays valid
 */
@ConfigurationProperties(prefix = "doppel.security")
public record SecurityProperties(String jwtSecret, Path keyFile, String issuer, Duration tokenLifetime) {
  public SecurityProperties {
    issuer = issuer == null || issuer.isBlank() ? "doppel" : issuer;
    tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
  }
}
