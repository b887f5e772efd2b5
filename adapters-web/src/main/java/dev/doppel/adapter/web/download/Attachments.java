package dev.doppel.adapter.web.download;

import dev.doppel.application.port.in.ExportTablesUseCase.TableDownload;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A download's answer: the file streamed as an attachment under its name and media type. */
public final class Attachments {
  private Attachments() {}

  public static ResponseEntity<StreamingResponseBody> stream(TableDownload download) {
    HttpHeaders headers = new HttpHeaders();
    // The name is plain ASCII by construction, so it needs no RFC 2047 or RFC 5987 encoding, which curl -OJ would keep literally.
    headers.setContentDisposition(ContentDisposition.attachment().filename(download.fileName()).build());
    headers.setContentType(MediaType.parseMediaType(download.mediaType()));
    headers.set("X-Content-Type-Options", "nosniff");
    return ResponseEntity.ok().headers(headers).body(out -> download.content().writeTo(out));
  }
}
