package dev.doppel.adapter.web.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.doppel.adapter.web.error.ProblemDetailsAdvice;
import dev.doppel.adapter.web.security.CallerArgumentResolver;
import dev.doppel.application.port.in.ExportTablesUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The download endpoints alone: parameter rules, headers and problem documents, over a stub use case. */
class DownloadControllerTest {
  private final List<ExportTablesUseCase.ExportRequest> requests = new ArrayList<>();
  private final ExportTablesUseCase exports =
      new ExportTablesUseCase() {
        @Override
        public TableDownload batch(UserId owner, BatchId batch, ExportRequest request) {
          if (batch.value() == 404) {
            throw new NotFoundException("batch", 404, "id");
          }
          requests.add(request);
          return new TableDownload("census-synthetic-7." + request.format().extension(), request.format().mediaType(),
              out -> out.write("a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public TableDownload dataset(UserId owner, DatasetId dataset, ExportRequest request) {
          requests.add(request);
          return new TableDownload("census-real." + request.format().extension(), request.format().mediaType(), out -> out.write(new byte[0]));
        }
      };
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DownloadController(exports))
      .setControllerAdvice(new ProblemDetailsAdvice())
      .setCustomArgumentResolvers(new CallerArgumentResolver())
      .build();
  private final JwtAuthenticationToken caller =
      new JwtAuthenticationToken(new Jwt("t", null, null, Map.of("alg", "HS256"), Map.of("sub", "1")));

  private MvcResult stream(String url) throws Exception {
    MvcResult started = mvc.perform(get(url).principal(caller)).andExpect(request().asyncStarted()).andReturn();
    return mvc.perform(asyncDispatch(started)).andReturn();
  }

  @Test
  void streamsTheFileWithASafeAttachmentNameAndItsMediaType() throws Exception {
    MvcResult result = stream("/api/synthetic/7/download?format=sql&dialect=postgresql&table=people");
    assertThat(result.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"census-synthetic-7.sql\"");
    assertThat(result.getResponse().getContentType()).isEqualTo("application/sql");
    assertThat(result.getResponse().getContentAsString()).isEqualTo("a,b\r\n1,2\r\n");
    assertThat(requests).singleElement().satisfies(r -> {
      assertThat(r.format()).isEqualTo(ExportFormat.SQL);
      assertThat(r.options().dialect()).isEqualTo(ExportOptions.SqlDialect.POSTGRESQL);
      assertThat(r.options().tableName()).isEqualTo("people");
      assertThat(r.gzip()).isFalse();
    });
  }

  @Test
  void neutralisesCsvFormulasUnlessTheCallerOptsOut() throws Exception {
    stream("/api/synthetic/7/download?format=csv");
    stream("/api/datasets/7/download?format=csv");
    stream("/api/synthetic/7/download?format=csv&neutraliseFormulas=false");
    assertThat(requests).extracting(r -> r.options().neutraliseFormulas()).containsExactly(true, true, false);
  }

  @Test
  void readsCsvOptionsAndCompression() throws Exception {
    stream("/api/synthetic/7/download?format=csv&delimiter=tab&neutraliseFormulas=true&compress=gzip");
    assertThat(requests).singleElement().satisfies(r -> {
      assertThat(r.options().delimiter()).isEqualTo('\t');
      assertThat(r.options().neutraliseFormulas()).isTrue();
      assertThat(r.gzip()).isTrue();
    });
  }

  @Test
  void refusesUnknownFormatsAndOptionsNamingTheParameter() throws Exception {
    SecurityContextHolder.clearContext();
    mvc.perform(get("/api/synthetic/7/download?format=xlsx").principal(caller))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.field").value("format"))
        .andExpect(jsonPath("$.detail").value("unknown format 'xlsx'; use one of csv, json, jsonl, sql, parquet"));
    mvc.perform(get("/api/synthetic/7/download?format=csv&delimiter=x").principal(caller))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("delimiter"));
    mvc.perform(get("/api/synthetic/7/download?format=sql&dialect=oracle").principal(caller))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("dialect"));
    mvc.perform(get("/api/synthetic/7/download?format=sql&table=users;drop").principal(caller))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("table"));
    mvc.perform(get("/api/synthetic/7/download?compress=zip").principal(caller))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("compress"));
    assertThat(requests).isEmpty();
  }

  @Test
  void answersNotFoundForABatchTheCallerCannotSee() throws Exception {
    mvc.perform(get("/api/synthetic/404/download").principal(caller))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.detail").value("batch 404 was not found"));
  }
}
