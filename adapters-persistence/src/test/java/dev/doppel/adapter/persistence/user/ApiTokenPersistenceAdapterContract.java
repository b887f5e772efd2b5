package dev.doppel.adapter.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenScope;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.User;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class ApiTokenPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2026-01-10T09:00:00.123456Z");

  @Autowired
  ApiTokenStore tokens;

  @Autowired
  UserStore users;

  @Test
  void storesATokenAndFindsItByItsHashOnly() {
    User owner = Fixtures.user(users);
    String hash = randomHash();
    ApiToken added = tokens.add(new NewApiToken(owner.id(), "notebook", ApiTokenScope.READ, "dpl_abcd", hash, T0, T0.plusSeconds(3600)));

    assertThat(added.id().value()).isPositive();
    ApiToken stored = new ApiToken(added.id(), owner.id(), "notebook", ApiTokenScope.READ, "dpl_abcd", asStored(T0), asStored(T0.plusSeconds(3600)), null);
    assertThat(tokens.findBySecretHash(hash)).contains(stored);
    assertThat(tokens.findBySecretHash(randomHash())).isEmpty();
  }

  @Test
  void listsOnlyTheOwnersTokensOldestFirst() {
    User owner = Fixtures.user(users);
    User other = Fixtures.user(users);
    ApiToken first = tokens.add(new NewApiToken(owner.id(), "first", ApiTokenScope.FULL, "dpl_aaaa", randomHash(), T0, null));
    ApiToken second = tokens.add(new NewApiToken(owner.id(), "second", ApiTokenScope.READ, "dpl_bbbb", randomHash(), T0, null));
    tokens.add(new NewApiToken(other.id(), "theirs", ApiTokenScope.FULL, "dpl_cccc", randomHash(), T0, null));

    assertThat(tokens.listOwnedBy(owner.id())).extracting(ApiToken::id).containsExactly(first.id(), second.id());
  }

  @Test
  void recordsTheLastUse() {
    User owner = Fixtures.user(users);
    ApiToken added = tokens.add(new NewApiToken(owner.id(), "job", ApiTokenScope.FULL, "dpl_aaaa", randomHash(), T0, null));

    tokens.recordUse(added.id(), T0.plusSeconds(90));

    assertThat(tokens.listOwnedBy(owner.id())).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(asStored(T0.plusSeconds(90))));
  }

  @Test
  void deletesOnlyTheOwnersToken() {
    User owner = Fixtures.user(users);
    User other = Fixtures.user(users);
    String hash = randomHash();
    ApiToken added = tokens.add(new NewApiToken(owner.id(), "job", ApiTokenScope.FULL, "dpl_aaaa", hash, T0, null));

    assertThat(tokens.delete(other.id(), added.id())).isFalse();
    assertThat(tokens.findBySecretHash(hash)).isPresent();
    assertThat(tokens.delete(owner.id(), added.id())).isTrue();
    assertThat(tokens.findBySecretHash(hash)).isEmpty();
    assertThat(tokens.delete(owner.id(), added.id())).isFalse();
  }

  @Test
  void deletingTheUserDeletesTheirTokens() {
    User owner = Fixtures.user(users);
    String hash = randomHash();
    tokens.add(new NewApiToken(owner.id(), "job", ApiTokenScope.FULL, "dpl_aaaa", hash, T0, null));

    users.delete(owner.id());

    assertThat(tokens.findBySecretHash(hash)).isEmpty();
    assertThat(tokens.listOwnedBy(owner.id())).isEmpty();
  }

  private static String randomHash() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
