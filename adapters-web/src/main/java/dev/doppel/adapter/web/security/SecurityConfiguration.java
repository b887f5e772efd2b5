package dev.doppel.adapter.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.error.Problems;
import dev.doppel.application.port.in.AuthenticateApiTokenUseCase;
import dev.doppel.application.port.in.VerifyTokenUseCase;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {
  private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
  private static final RequestMatcher EVALUATION_REPORT = PathPatternRequestMatcher.withDefaults().matcher("/api/models/*/evaluation/report");

  /**
   * Scripts, styles, images and API calls from this origin only: the built dashboard loads everything
   * from files and uses no inline script or style. Icons in stylesheets are data: URIs.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Swagger UI's bundle adds a style element of its own; scripts stay as strict as everywhere else. */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  /**
   * The evaluation report is a file to save and open on its own: its styles are inline, its charts
   * inline SVG, and it needs nothing else, so it may load nothing else. The page repeats it, so that
   * a saved copy stays as locked down.
   */
  public static final String EVALUATION_REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  @Bean
  SecretKey tokenSigningKey(SecurityProperties properties) {
    return SigningKeyLoader.load(properties);
  }

  @Bean
  JwtTokenIssuer jwtTokenIssuer(SecretKey tokenSigningKey, SecurityProperties properties, Clock clock) {
    return new JwtTokenIssuer(tokenSigningKey, properties.issuer(), properties.tokenLifetime(), clock);
  }

  @Bean
  BcryptPasswordHasher passwordHasher() {
    return new BcryptPasswordHasher(10);
  }

  @Bean
  LoginThrottle loginThrottle(SecurityProperties properties) {
    return new LoginThrottle(properties.loginThrottle());
  }

  @Bean
  JsonBodyLimitFilter jsonBodyLimitFilter(SecurityProperties properties, ObjectMapper json) {
    return new JsonBodyLimitFilter(properties.maxJsonBodySize().toBytes(), json);
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey tokenSigningKey, SecurityProperties properties, Clock clock, VerifyTokenUseCase tokens) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
    expiry.setClock(clock);
    decoder.setJwtValidator(
        new CurrentTokenValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(properties.issuer())), tokens));
    return decoder;
  }

  /** A URL the firewall refuses (an encoded percent sign or slash, a control character) is answered as every other bad request is. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, e) ->
        Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "the request's URL holds characters that are not accepted", null));
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, JwtDecoder jwtDecoder, AuthenticateApiTokenUseCase apiTokens) throws Exception {
    BearerAuthenticationManager bearer = new BearerAuthenticationManager(apiTokens, new JwtAuthenticationProvider(jwtDecoder));
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) ->
            Problems.write(
                response,
                json,
                Problems.of(HttpStatus.UNAUTHORIZED, "Authentication required",
                    "send a valid token from POST /api/auth/login, or an API token, as 'Authorization: Bearer <token>'", "Authorization"));
    AccessDeniedHandler denied =
        (request, response, e) ->
            Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "you may not do this", null));
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(new OrRequestMatcher(SWAGGER_UI, EVALUATION_REPORT)), new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            EVALUATION_REPORT, new ContentSecurityPolicyHeaderWriter(EVALUATION_REPORT_CONTENT_SECURITY_POLICY)))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frames -> frames.deny())
                    .contentTypeOptions(nosniff -> {}))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login").permitAll()
                    .requestMatchers("/api/**").authenticated()
                    .anyRequest().permitAll())
        .oauth2ResourceServer(
            oauth -> oauth.authenticationManagerResolver(request -> bearer).authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .addFilterAfter(new ApiTokenScopeFilter(json), BearerTokenAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    return http.build();
  }
}
