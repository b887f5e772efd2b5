package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.doppel.bootstrap.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessControlTest extends FullStackTest {

  @Test
  void anotherUsersProjectsAndDatasetsAnswerNotFound() {
    String alice = api.signUp(unique("alice"));
    String bob = api.signUp(unique("bob"));
    long project = api.createProject(alice, "Alice's work");
    long dataset = api.upload(alice, project, "t.csv", "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8)).json().get("id").asLong();

    assertThat(api.get("/api/projects/" + project, bob).status()).isEqualTo(404);
    assertThat(api.get("/api/projects", bob).json()).isEmpty();
    assertThat(api.patch("/api/projects/" + project, bob, Map.of("name", "mine now")).status()).isEqualTo(404);
    assertThat(api.delete("/api/projects/" + project, bob).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets?projectId=" + project, bob).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets/" + dataset, bob).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets/" + dataset + "/stats", bob).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets/" + dataset + "/preview", bob).status()).isEqualTo(404);
    assertThat(api.patch("/api/datasets/" + dataset + "/schema", bob, Map.of("columns", Map.of("a", "text"))).status()).isEqualTo(404);
    assertThat(api.delete("/api/datasets/" + dataset, bob).status()).isEqualTo(404);
    Reply intoOthers = api.upload(bob, project, "t.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(intoOthers.status()).isEqualTo(404);
    assertThat(intoOthers.body()).doesNotContain("Alice");

    assertThat(api.get("/api/projects/" + project, alice).json().get("name").asText()).isEqualTo("Alice's work");
    assertThat(api.get("/api/datasets/" + dataset, alice).status()).isEqualTo(200);
  }

  @Test
  void projectsCanBeRenamedAndDeletedWithEverythingBelowThem() {
    String owner = api.signUp(unique("owner"));
    long project = api.createProject(owner, "Draft");
    Reply renamed = api.patch("/api/projects/" + project, owner, Map.of("name", "Final"));
    assertThat(renamed.json().get("name").asText()).isEqualTo("Final");
    assertThat(renamed.json().get("description").asText()).isEqualTo("test");
    long dataset = api.upload(owner, project, "t.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8)).json().get("id").asLong();
    assertThat(storedFiles()).anyMatch(f -> f.startsWith("projects/" + project + "/"));

    assertThat(api.delete("/api/projects/" + project, owner).status()).isEqualTo(204);
    assertThat(api.get("/api/projects/" + project, owner).status()).isEqualTo(404);
    assertThat(api.get("/api/datasets/" + dataset, owner).status()).isEqualTo(404);
    assertThat(storedFiles()).noneMatch(f -> f.startsWith("projects/" + project + "/"));
  }

  @Test
  void refusesMissingForgedExpiredAndAlteredTokens() throws Exception {
    String username = unique("carol");
    String token = api.signUp(username);
    assertThat(api.get("/api/projects", token).status()).isEqualTo(200);
    long userId = Long.parseLong(SignedJWT.parse(token).getJWTClaimsSet().getSubject());

    assertUnauthorized(api.get("/api/projects", null));
    assertUnauthorized(api.get("/api/projects", "not-a-jwt"));
    byte[] otherKey = "some-other-key-that-is-also-long-enough-32b".getBytes(StandardCharsets.UTF_8);
    assertUnauthorized(api.get("/api/projects", sign(otherKey, userId, "doppel", Instant.now().plusSeconds(600))));
    assertUnauthorized(api.get("/api/projects", sign(SIGNING_KEY, userId, "doppel", Instant.now().minusSeconds(600))));
    assertUnauthorized(api.get("/api/projects", sign(SIGNING_KEY, userId, "someone-else", Instant.now().plusSeconds(600))));
    String[] parts = token.split("\\.");
    String otherSubject = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\"").getBytes(StandardCharsets.UTF_8));
    assertUnauthorized(api.get("/api/projects", parts[0] + "." + otherSubject + "." + parts[2]));
  }

  @Test
  void registrationRulesAndLoginFailuresAnswerClearly() {
    String name = unique("dave");
    api.signUp(name);
    Reply taken = api.post("/api/auth/register", null, Map.of("username", name, "password", "another long password"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("field").asText()).isEqualTo("username");
    Reply shortPassword = api.post("/api/auth/register", null, Map.of("username", unique("erin"), "password", "short"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().get("field").asText()).isEqualTo("password");
    Reply badName = api.post("/api/auth/register", null, Map.of("username", "x'; DROP TABLE users;--", "password", "long enough password"));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.json().get("field").asText()).isEqualTo("username");
    Reply notJson = api.post("/api/auth/register", null, "{not json");
    assertThat(notJson.status()).isEqualTo(400);

    Reply wrongPassword = api.post("/api/auth/login", null, Map.of("username", name, "password", "wrong password!!"));
    Reply unknownUser = api.post("/api/auth/login", null, Map.of("username", unique("nobody"), "password", "a long enough password"));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
  }

  @Test
  void servesOpenApiAndHealthWithoutAToken() {
    Reply docs = api.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/datasets/upload")).isTrue();
    JsonNode health = api.get("/actuator/health", null).json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("engine").path("status").asText()).as("the engine's own health").isEqualTo("UP");
    assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
  }

  private static String sign(byte[] key, long subject, String issuer, Instant expires) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder().subject(String.valueOf(subject)).issuer(issuer).issueTime(new Date()).expirationTime(Date.from(expires)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(key));
    return jwt.serialize();
  }

  private static void assertUnauthorized(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
