package dev.doppel.adapter.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body except multipart uploads (which have their own limits). A declared
 * length beyond the limit is refused before a byte is read; a body of unknown length is read only
 * until it passes the limit.
 */
public class JsonBodyLimitFilter extends OncePerRequestFilter {
  private final long limitBytes;
  private final ObjectMapper json;

  public JsonBodyLimitFilter(long limitBytes, ObjectMapper json) {
    this.limitBytes = limitBytes;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limitBytes) {
      ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", new RequestBodyTooLargeException(limitBytes).getMessage(), "body");
      problem.setInstance(URI.create(request.getRequestURI()));
      Problems.write(response, json, problem);
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, limitBytes), response);
  }

  private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
    private final long limitBytes;
    private ServletInputStream body;

    LimitedBodyRequest(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new LimitedInputStream(super.getInputStream(), limitBytes);
      }
      return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limitBytes;
    private long read;

    LimitedInputStream(ServletInputStream delegate, long limitBytes) {
      this.delegate = delegate;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int bytes) throws RequestBodyTooLargeException {
      read += bytes;
      if (read > limitBytes) {
        throw new RequestBodyTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
