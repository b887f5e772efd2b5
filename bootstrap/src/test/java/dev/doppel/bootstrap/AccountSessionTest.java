package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logout, password change and what a token must carry to be accepted. */
class AccountSessionTest extends FullStackTest {
  private static final String PASSWORD = "a long enough password";

  @Test
  void logoutMakesThePresentedTokenAndEveryOtherOfTheUserAnswer401() {
    String name = unique("leaver");
    String token = api.signUp(name);
    String otherDevice = api.login(name, PASSWORD);

    assertThat(api.post("/api/auth/logout", token, "").status()).isEqualTo(204);

    assertUnauthorized(api.get("/api/projects", token));
    assertUnauthorized(api.get("/api/projects", otherDevice));
    assertUnauthorized(api.post("/api/auth/logout", token, ""));
    String fresh = api.login(name, PASSWORD);
    assertThat(api.get("/api/projects", fresh).status()).isEqualTo(200);
  }

  @Test
  void logoutOfOneUserLeavesOtherUsersSignedIn() {
    String leaving = api.signUp(unique("leaver"));
    String staying = api.signUp(unique("stayer"));

    api.post("/api/auth/logout", leaving, "");

    assertThat(api.get("/api/projects", staying).status()).isEqualTo(200);
  }

  @Test
  void passwordChangeRevokesOlderTokensAndAnswersWithAWorkingOne() {
    String name = unique("changer");
    String old = api.signUp(name);
    String otherDevice = api.login(name, PASSWORD);

    Reply changed = api.post("/api/auth/password", old, Map.of("currentPassword", PASSWORD, "newPassword", "an entirely new passphrase"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    String fresh = changed.json().get("token").asText();
    assertThat(api.get("/api/projects", fresh).status()).isEqualTo(200);
    assertUnauthorized(api.get("/api/projects", old));
    assertUnauthorized(api.get("/api/projects", otherDevice));
    assertThat(api.post("/api/auth/login", null, Map.of("username", name, "password", PASSWORD)).status()).isEqualTo(401);
    assertThat(api.login(name, "an entirely new passphrase")).isNotBlank();
  }

  @Test
  void passwordChangeNamesTheFieldAtFaultAndChangesNothing() {
    String name = unique("careful");
    String token = api.signUp(name);

    Reply wrongCurrent = api.post("/api/auth/password", token, Map.of("currentPassword", "not my password", "newPassword", "an entirely new passphrase"));
    Reply tooShort = api.post("/api/auth/password", token, Map.of("currentPassword", PASSWORD, "newPassword", "short"));

    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.json().get("field").asText()).isEqualTo("currentPassword");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.json().get("field").asText()).isEqualTo("newPassword");
    assertThat(api.get("/api/projects", token).status()).isEqualTo(200);
    assertThat(api.login(name, PASSWORD)).isNotBlank();
  }

  @Test
  void logoutAndPasswordChangeNeedAToken() {
    assertUnauthorized(api.post("/api/auth/logout", null, ""));
    assertUnauthorized(api.post("/api/auth/password", null, Map.of("currentPassword", PASSWORD, "newPassword", "an entirely new passphrase")));
  }

  @Test
  void refusesASignedTokenWithoutExpiry() throws Exception {
    String token = api.signUp(unique("forever"));
    JWTClaimsSet issued = SignedJWT.parse(token).getJWTClaimsSet();

    String withoutExpiry = sign(new JWTClaimsSet.Builder(issued).expirationTime(null).build());

    assertUnauthorized(api.get("/api/projects", withoutExpiry));
    assertThat(api.get("/api/projects", sign(issued)).status()).isEqualTo(200);
  }

  @Test
  void refusesASignedTokenOfAUserThatDoesNotExistOrWithoutTokenVersion() throws Exception {
    String token = api.signUp(unique("real"));
    JWTClaimsSet issued = SignedJWT.parse(token).getJWTClaimsSet();

    assertUnauthorized(api.get("/api/projects", sign(new JWTClaimsSet.Builder(issued).subject(String.valueOf(Long.MAX_VALUE)).build())));
    assertUnauthorized(api.get("/api/projects", sign(new JWTClaimsSet.Builder(issued).claim("ver", null).build())));
    assertUnauthorized(api.get("/api/projects", sign(new JWTClaimsSet.Builder(issued).claim("ver", "0").build())));
  }

  @Test
  void apiDescriptionDocumentsTheAccountEndpointsWithTheirProblems() {
    JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");

    assertThat(paths.at("/~1api~1auth~1logout/post/responses").fieldNames()).toIterable().containsExactlyInAnyOrder("204", "401");
    assertThat(paths.at("/~1api~1auth~1password/post/responses").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("200", "400", "401", "413", "415", "429");
    assertThat(paths.at("/~1api~1auth~1login/post/responses").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("200", "400", "401", "413", "415", "429");
    assertThat(paths.at("/~1api~1auth~1register/post/responses").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("201", "400", "409", "413", "415", "429");
    assertThat(paths.at("/~1api~1auth~1login/post/responses/429/headers").has("Retry-After")).isTrue();
    assertThat(paths.at("/~1api~1auth~1login/post/responses/401/content").has("application/problem+json")).isTrue();
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(SIGNING_KEY));
    return jwt.serialize();
  }

  static void assertUnauthorized(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
