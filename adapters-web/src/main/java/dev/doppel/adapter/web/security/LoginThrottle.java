package dev.doppel.adapter.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.doppel.domain.user.Username;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Limits sign-in work per username and per client address with token buckets held in memory.
 * Every attempt (login, registration, password change) spends a token from both buckets up front,
 * so parallel guesses cannot overtake the count; an attempt that succeeds gives them back, so only
 * failures, and every registration, count. A bucket's allowance comes back in full once per window,
 * counted from its first use, so "10 per 15 minutes" means exactly that and Retry-After is exact.
 */
public class LoginThrottle {
  // A bucket idle for a whole window has been refilled, so forgetting it loses nothing; the cap keeps a
  // flood of made-up usernames or addresses from growing memory without bound.
  private static final long MAX_TRACKED_KEYS = 100_000;
  private static final int IPV6_NETWORK_BYTES = 8;

  private final SecurityProperties.LoginThrottle limits;
  private final Cache<String, Bucket> usernames;
  private final Cache<String, Bucket> addresses;

  public LoginThrottle(SecurityProperties.LoginThrottle limits) {
    this.limits = limits;
    this.usernames = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(MAX_TRACKED_KEYS).build();
    this.addresses = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(MAX_TRACKED_KEYS).build();
  }

  /**
   * Spends one attempt of the username (when it is one that could exist) and of the client address.
   *
   * @throws TooManyAttemptsException when either has none left, spending nothing
   */
  public Attempt begin(String username, String clientAddress) {
    List<Bucket> buckets = new ArrayList<>(2);
    buckets.add(addresses.get(networkOf(clientAddress), key -> bucket(limits.perAddress())));
    if (Username.isValid(username)) {
      buckets.add(usernames.get(username.toLowerCase(Locale.ROOT), key -> bucket(limits.perUsername())));
    }
    List<Bucket> spent = new ArrayList<>(2);
    long waitNanos = 0;
    for (Bucket bucket : buckets) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        spent.add(bucket);
      } else {
        waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
      }
    }
    Attempt attempt = new Attempt(spent);
    if (spent.size() < buckets.size()) {
      attempt.succeeded();
      throw new TooManyAttemptsException(Duration.ofNanos(waitNanos));
    }
    return attempt;
  }

  private Bucket bucket(int attempts) {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(attempts).refillIntervally(attempts, limits.window()).build()).build();
  }

  /** IPv4 addresses count alone; an IPv6 address counts with its /64, which one client usually holds whole. */
  static String networkOf(String clientAddress) {
    if (clientAddress == null || clientAddress.indexOf(':') < 0) {
      return String.valueOf(clientAddress);
    }
    try {
      byte[] address = InetAddress.getByName(clientAddress).getAddress();
      if (address.length == 16) {
        Arrays.fill(address, IPV6_NETWORK_BYTES, 16, (byte) 0);
      }
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      return clientAddress;
    }
  }

  /** One attempt in progress; tell it when it succeeded so it does not count. */
  public static final class Attempt {
    private final List<Bucket> spent;

    private Attempt(List<Bucket> spent) {
      this.spent = spent;
    }

    public void succeeded() {
      spent.forEach(bucket -> bucket.addTokens(1));
    }
  }
}
