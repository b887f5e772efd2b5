package dev.doppel.adapter.web.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param jwtSecret base64 HMAC key of at least 32 bytes; when blank, a key is generated once and kept
 *     in {@code keyFile}
 * @param keyFile where the generated key is kept, so tokens survive a restart
 * @param issuer the {@code iss} every token carries and every request's token must carry
 * @param tokenLifetime how long a token from login stays valid
 * @param maxJsonBodySize the largest request body accepted other than a multipart upload (413 beyond)
 * @param loginThrottle how many sign-in attempts are allowed
 */
@ConfigurationProperties(prefix = "doppel.security")
public record SecurityProperties(
    String jwtSecret, Path keyFile, String issuer, Duration tokenLifetime, DataSize maxJsonBodySize, LoginThrottle loginThrottle) {
  public SecurityProperties {
    issuer = issuer == null || issuer.isBlank() ? "doppel" : issuer;
    tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
    maxJsonBodySize = maxJsonBodySize == null ? DataSize.ofMegabytes(1) : maxJsonBodySize;
    loginThrottle = loginThrottle == null ? new LoginThrottle(0, 0, null) : loginThrottle;
  }

  /**
   * @param perUsername logins, registrations and password changes one username may spend per window
   * @param perAddress the same, for one client address (IPv6: one /64 network)
   * @param window the time in which a spent allowance comes back in full
   */
  public record LoginThrottle(int perUsername, int perAddress, Duration window) {
    public LoginThrottle {
      perUsername = perUsername <= 0 ? 10 : perUsername;
      perAddress = perAddress <= 0 ? 100 : perAddress;
      window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
    }
  }
}
