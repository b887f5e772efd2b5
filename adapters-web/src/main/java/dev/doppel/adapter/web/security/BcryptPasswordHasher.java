package dev.doppel.adapter.web.security;

import dev.doppel.application.port.out.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class BcryptPasswordHasher implements PasswordHasher {
  private final BCryptPasswordEncoder encoder;

  public BcryptPasswordHasher(int strength) {
    this.encoder = new BCryptPasswordEncoder(strength);
  }

  @Override
  public String hash(String rawPassword) {
    return encoder.encode(rawPassword);
  }

  @Override
  public boolean matches(String rawPassword, String hash) {
    return encoder.matches(rawPassword, hash);
  }
}
