package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.AccountSessionTest.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal API tokens: created with a sign-in token, accepted in its place, limited by their scope, revoked at once. */
class ApiTokenTest extends FullStackTest {
  @Test
  void fullAndReadTokensReadButOnlyTheFullOneWrites() {
    String session = api.signUp(unique("scripter"));
    String full = create(session, "nightly job", "full").get("secret").asText();
    String read = create(session, "dashboard export", "read").get("secret").asText();

    assertThat(api.get("/api/projects", full).status()).isEqualTo(200);
    assertThat(api.get("/api/projects", read).status()).isEqualTo(200);
    Reply created = api.post("/api/projects", full, Map.of("name", unique("by-token")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long project = created.json().get("id").asLong();

    assertReadOnly(api.post("/api/projects", read, Map.of("name", unique("refused"))));
    assertReadOnly(api.delete("/api/projects/" + project, read));
    assertReadOnly(api.post("/api/models/train", read, Map.of("datasetId", 1, "algorithm", "GaussianCopula")));
    assertReadOnly(api.upload(read, project, "tiny.csv", "a,b\n1,2\n".getBytes()));
    assertThat(api.get("/api/projects/" + project, read).status()).isEqualTo(200);
    assertThat(api.delete("/api/projects/" + project, full).status()).isEqualTo(204);
  }

  @Test
  void listsTokensWithoutTheirSecretsAndRecordsTheirLastUse() {
    String session = api.signUp(unique("lister"));
    JsonNode created = create(session, "notebook", "read");
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("dpl_");
    assertThat(created.at("/token/lastUsedAt").isNull()).isTrue();

    api.get("/api/projects", secret);
    Reply listed = api.get("/api/auth/tokens", session);

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(secret).doesNotContain(secret.substring(8));
    JsonNode token = listed.json().get(0);
    assertThat(listed.json()).hasSize(1);
    assertThat(token.get("name").asText()).isEqualTo("notebook");
    assertThat(token.get("scope").asText()).isEqualTo("read");
    assertThat(token.get("prefix").asText()).isEqualTo(secret.substring(0, 8));
    assertThat(token.get("lastUsedAt").isNull()).isFalse();
  }

  @Test
  void revocationTakesEffectAtOnceAndOnlyForItsOwner() {
    String owner = api.signUp(unique("owner"));
    String other = api.signUp(unique("other"));
    JsonNode created = create(owner, "ci", "full");
    String secret = created.get("secret").asText();
    long id = created.at("/token/id").asLong();
    assertThat(api.get("/api/projects", secret).status()).isEqualTo(200);

    Reply foreign = api.delete("/api/auth/tokens/" + id, other);
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/auth/tokens", other).json()).isEmpty();
    assertThat(api.get("/api/projects", secret).status()).isEqualTo(200);

    assertThat(api.delete("/api/auth/tokens/" + id, owner).status()).isEqualTo(204);

    assertUnauthorized(api.get("/api/projects", secret));
    assertUnauthorized(api.get("/api/projects", "dpl_" + "x".repeat(43)));
    assertThat(api.delete("/api/auth/tokens/" + id, owner).status()).isEqualTo(404);
  }

  @Test
  void apiTokensCannotManageTokensOrTheAccount() {
    String session = api.signUp(unique("guarded"));
    JsonNode created = create(session, "ci", "full");
    String full = created.get("secret").asText();

    Reply refused = api.post("/api/auth/tokens", full, Map.of("name", "another", "scope", "full"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).contains("sign in with your password");
    assertThat(api.delete("/api/auth/tokens/" + created.at("/token/id").asLong(), full).status()).isEqualTo(403);
    assertThat(api.post("/api/auth/logout", full, "").status()).isEqualTo(403);
    assertThat(api.get("/api/auth/tokens", full).status()).isEqualTo(200);
    assertThat(api.get("/api/projects", session).status()).isEqualTo(200);
  }

  @Test
  void refusesABadRequestNamingTheField() {
    String session = api.signUp(unique("careless"));

    Reply badScope = api.post("/api/auth/tokens", session, Map.of("name", "x", "scope", "admin"));
    Reply noName = api.post("/api/auth/tokens", session, Map.of("scope", "read"));
    Reply past = api.post("/api/auth/tokens", session, Map.of("name", "x", "scope", "read", "expiresAt", "2001-01-01T00:00:00Z"));

    assertThat(badScope.status()).isEqualTo(400);
    assertThat(badScope.json().get("field").asText()).isEqualTo("scope");
    assertThat(noName.json().get("field").asText()).isEqualTo("name");
    assertThat(past.json().get("field").asText()).isEqualTo("expiresAt");
  }

  private JsonNode create(String session, String name, String scope) {
    Reply reply = api.post("/api/auth/tokens", session, Map.of("name", name, "scope", scope));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static void assertReadOnly(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asText()).startsWith("this token is read-only");
  }
}
