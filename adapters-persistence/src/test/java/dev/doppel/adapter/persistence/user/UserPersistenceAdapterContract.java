package dev.doppel.adapter.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.Role;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class UserPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00Z");

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  ModelStore models;

  @Test
  void storesUserAndFindsItByNameAndById() {
    Username name = new Username(Fixtures.uniqueName("ada"));
    User added = users.add(new NewUser(name, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Role.ADMIN));

    assertThat(added.id().value()).isPositive();
    assertThat(added.username()).isEqualTo(name);
    assertThat(added.role()).isEqualTo(Role.ADMIN);
    assertThat(users.findByUsername(name)).contains(added);
    assertThat(users.findById(added.id())).contains(added);
  }

  @Test
  void startsNewUsersAtTokenVersionZeroAndRaisesItOnRevocation() {
    User added = Fixtures.user(users);
    assertThat(added.tokenVersion()).isZero();

    users.revokeTokens(added.id());
    users.revokeTokens(added.id());

    assertThat(users.findById(added.id())).get().satisfies(u -> {
      assertThat(u.tokenVersion()).isEqualTo(2);
      assertThat(u.passwordHash()).isEqualTo(added.passwordHash());
    });
  }

  @Test
  void changesThePasswordAndRaisesTheTokenVersionTogether() {
    User added = Fixtures.user(users);

    assertThat(users.changePassword(added.id(), "{bcrypt}new-hash")).get().satisfies(u -> {
      assertThat(u.passwordHash()).isEqualTo("{bcrypt}new-hash");
      assertThat(u.tokenVersion()).isEqualTo(1);
    });
    assertThat(users.findById(added.id()).map(User::passwordHash)).contains("{bcrypt}new-hash");
  }

  @Test
  void revokingOrChangingThePasswordOfAnUnknownUserChangesNothing() {
    users.revokeTokens(new UserId(Long.MAX_VALUE));

    assertThat(users.changePassword(new UserId(Long.MAX_VALUE), "hash")).isEmpty();
    assertThat(users.findById(new UserId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void losesNoRevocationWhenManyRaceForOneUser() throws Exception {
    User added = Fixtures.user(users);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> revocations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        revocations.add(pool.submit(() -> users.revokeTokens(added.id())));
      }
      for (Future<?> revocation : revocations) {
        revocation.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(users.findById(added.id()).map(User::tokenVersion)).contains(20L);
  }

  @Test
  void findsNothingForUnknownNameOrId() {
    assertThat(users.findByUsername(new Username(Fixtures.uniqueName("nobody")))).isEmpty();
    assertThat(users.findById(new UserId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void deletingAUserRemovesEveryRowTheyOwnAndNoOneElses() {
    User leaving = Fixtures.user(users);
    User staying = Fixtures.user(users);
    Dataset leavingData = Fixtures.dataset(datasets, Fixtures.project(projects, leaving, T0), T0);
    Dataset stayingData = Fixtures.dataset(datasets, Fixtures.project(projects, staying, T0), T0);
    SynthesisModel leavingModel = Fixtures.model(models, leavingData, T0);
    SynthesisModel stayingModel = Fixtures.model(models, stayingData, T0);

    users.delete(leaving.id());
    users.delete(new UserId(Long.MAX_VALUE));

    assertThat(users.findById(leaving.id())).isEmpty();
    assertThat(projects.listOwnedBy(leaving.id())).isEmpty();
    assertThat(datasets.findById(leavingData.id())).isEmpty();
    assertThat(models.findById(leavingModel.id())).isEmpty();
    assertThat(users.findById(staying.id())).contains(staying);
    assertThat(datasets.findById(stayingData.id())).isPresent();
    assertThat(models.findById(stayingModel.id())).isPresent();
  }

  @Test
  void refusesDuplicateUsernameWithConflict() {
    User first = Fixtures.user(users);

    assertThatThrownBy(() -> users.add(new NewUser(first.username(), "other-hash", Role.USER)))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.field()).isEqualTo("username");
          assertThat(e.getMessage()).isEqualTo("username '" + first.username().value() + "' is already taken");
        });
    assertThat(users.findByUsername(first.username())).contains(first);
  }

  @Test
  void treatsUsernamesDifferingOnlyInCaseAsTheSame() {
    User first = Fixtures.user(users);
    Username shouted = new Username(first.username().value().toUpperCase(Locale.ROOT));

    assertThat(users.findByUsername(shouted)).contains(first);
    assertThatThrownBy(() -> users.add(new NewUser(shouted, "other-hash", Role.USER)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("username '" + shouted.value() + "' is already taken");
  }

  @Test
  void letsOnlyOneOfTwoRacingRegistrationsHaveTheName() throws Exception {
    Username name = new Username(Fixtures.uniqueName("racer"));
    CountDownLatch start = new CountDownLatch(1);
    Callable<User> register = () -> {
      start.await();
      return users.add(new NewUser(name, "hash", Role.USER));
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<User>> results = List.of(pool.submit(register), pool.submit(register));
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<User> result : results) {
        try {
          outcomes.add(result.get(30, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
      assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
