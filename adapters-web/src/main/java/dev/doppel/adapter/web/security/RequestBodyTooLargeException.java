package dev.doppel.adapter.web.security;

import java.io.IOException;

/** Thrown by a request body stream once it passes the limit; an IOException so body readers pass it on. */
public class RequestBodyTooLargeException extends IOException {
  private final long limitBytes;

  public RequestBodyTooLargeException(long limitBytes) {
    super("the request body is larger than " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
