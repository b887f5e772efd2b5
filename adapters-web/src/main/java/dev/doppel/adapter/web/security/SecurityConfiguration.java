package dev.doppel.adapter.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.error.Problems;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import java.time.Duration;

@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

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
  JwtDecoder jwtDecoder(SecretKey tokenSigningKey, SecurityProperties properties, Clock clock) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
    expiry.setClock(clock);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(properties.issuer()), SecurityConfiguration::numericSubject));
    return decoder;
  }

  private static OAuth2TokenValidatorResult numericSubject(Jwt jwt) {
    String subject = jwt.getSubject();
    if (subject != null && subject.matches("[1-9][0-9]{0,18}")) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no valid subject", null));
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) ->
            Problems.write(
                response,
                json,
                Problems.of(HttpStatus.UNAUTHORIZED, "Authentication required",
                    "send a valid token from POST /api/auth/login as 'Authorization: Bearer <token>'", "Authorization"));
    AccessDeniedHandler denied =
        (request, response, e) ->
            Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "you may not do this", null));
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login").permitAll()
                    .requestMatchers("/api/**").authenticated()
                    .anyRequest().permitAll())
        .oauth2ResourceServer(
            oauth -> oauth.jwt(jwt -> {}).authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    return http.build();
  }

}
