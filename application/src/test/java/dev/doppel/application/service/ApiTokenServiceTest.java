package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.CreateApiTokenCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.ManageApiTokensUseCase.CreatedApiToken;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.ApiTokenScope;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenServiceTest {
  private static final UserId ADA = new UserId(1);
  private static final UserId BOB = new UserId(2);
  private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

  private final MemoryTokens store = new MemoryTokens();
  private Instant now = T0;
  private final ApiTokenService tokens = new ApiTokenService(store, new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  @Test
  void showsTheSecretOnceAndStoresOnlyItsHashAndAShortPrefix() {
    CreatedApiToken created = tokens.create(new CreateApiTokenCommand(ADA, "  notebook ", "read", null));

    assertThat(created.secret()).startsWith("dpl_").hasSize(4 + 43);
    assertThat(created.token().name()).isEqualTo("notebook");
    assertThat(created.token().scope()).isEqualTo(ApiTokenScope.READ);
    assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 8));
    assertThat(created.token().createdAt()).isEqualTo(T0);
    NewApiToken stored = store.added.get(0);
    assertThat(stored.secretHash()).hasSize(64).doesNotContain(created.secret().substring(4));
    assertThat(tokens.create(new CreateApiTokenCommand(ADA, "second", "full", null)).secret()).isNotEqualTo(created.secret());
  }

  @Test
  void authenticatesByTheSecretAndNothingElse() {
    CreatedApiToken created = tokens.create(new CreateApiTokenCommand(ADA, "job", "full", null));

    assertThat(tokens.authenticate(created.secret())).map(ApiToken::id).contains(created.token().id());
    assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
    assertThat(tokens.authenticate(created.secret().substring(4))).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void refusesExpiredAndRevokedTokens() {
    CreatedApiToken expiring = tokens.create(new CreateApiTokenCommand(ADA, "short", "full", T0.plus(Duration.ofHours(1))));
    CreatedApiToken revoked = tokens.create(new CreateApiTokenCommand(ADA, "gone", "full", null));

    tokens.revoke(ADA, revoked.token().id());
    assertThat(tokens.authenticate(revoked.secret())).isEmpty();
    assertThat(tokens.authenticate(expiring.secret())).isPresent();
    now = T0.plus(Duration.ofHours(1));
    assertThat(tokens.authenticate(expiring.secret())).isEmpty();
  }

  @Test
  void recordsTheLastUseAtMostOnceAMinute() {
    CreatedApiToken created = tokens.create(new CreateApiTokenCommand(ADA, "job", "full", null));

    tokens.authenticate(created.secret());
    now = T0.plusSeconds(59);
    tokens.authenticate(created.secret());
    now = T0.plusSeconds(60);
    tokens.authenticate(created.secret());

    assertThat(store.uses).containsExactly(T0, T0.plusSeconds(60));
    assertThat(tokens.list(ADA)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(T0.plusSeconds(60)));
  }

  @Test
  void revokingAnotherUsersTokenIsNotFoundAndKeepsIt() {
    CreatedApiToken adas = tokens.create(new CreateApiTokenCommand(ADA, "job", "full", null));

    assertThatThrownBy(() -> tokens.revoke(BOB, adas.token().id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("API token " + adas.token().id().value() + " was not found");
    assertThat(tokens.list(BOB)).isEmpty();
    assertThat(tokens.authenticate(adas.secret())).isPresent();
  }

  @Test
  void namesTheFieldOfABadRequest() {
    assertThatThrownBy(() -> tokens.create(new CreateApiTokenCommand(ADA, " ", "full", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> tokens.create(new CreateApiTokenCommand(ADA, "x".repeat(ApiTokenService.MAX_NAME_LENGTH + 1), "full", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> tokens.create(new CreateApiTokenCommand(ADA, "job", "write", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e).hasMessage("scope must be 'read' or 'full'"));
    assertThatThrownBy(() -> tokens.create(new CreateApiTokenCommand(ADA, "job", "read", T0)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
    assertThat(store.added).isEmpty();
  }

  private static final class MemoryTokens implements ApiTokenStore {
    final List<NewApiToken> added = new ArrayList<>();
    final List<Instant> uses = new ArrayList<>();
    final Map<ApiTokenId, ApiToken> tokens = new LinkedHashMap<>();
    final Map<String, ApiTokenId> byHash = new LinkedHashMap<>();

    @Override
    public ApiToken add(NewApiToken token) {
      added.add(token);
      ApiToken stored =
          new ApiToken(new ApiTokenId(added.size()), token.owner(), token.name(), token.scope(), token.prefix(), token.createdAt(), token.expiresAt(), null);
      tokens.put(stored.id(), stored);
      byHash.put(token.secretHash(), stored.id());
      return stored;
    }

    @Override
    public List<ApiToken> listOwnedBy(UserId owner) {
      return tokens.values().stream().filter(t -> t.owner().equals(owner)).toList();
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
      return Optional.ofNullable(byHash.get(secretHash)).map(tokens::get);
    }

    @Override
    public boolean delete(UserId owner, ApiTokenId id) {
      ApiToken token = tokens.get(id);
      return token != null && token.owner().equals(owner) && tokens.remove(id) != null;
    }

    @Override
    public void recordUse(ApiTokenId id, Instant usedAt) {
      uses.add(usedAt);
      ApiToken t = tokens.get(id);
      tokens.put(id, new ApiToken(t.id(), t.owner(), t.name(), t.scope(), t.prefix(), t.createdAt(), t.expiresAt(), usedAt));
    }
  }
}
