package dev.doppel.domain.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The platform reads the table rules from the engine's file and keeps no copy of its own. */
class TableRulesTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SOURCE = REPO.resolve("ai-engine/doppel_engine").resolve(TableRules.FILE);

  @Test
  void theClasspathHoldsTheEnginesFileAsItIs() throws IOException {
    try (var in = TableRules.class.getResourceAsStream(TableRules.FILE)) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(SOURCE));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProfilerUsesTheFilesValues() throws IOException {
    Map<String, Object> file = (Map<String, Object>) JsonText.parse(Files.readString(SOURCE));
    assertThat(NullTokens.TOKENS).containsExactlyInAnyOrderElementsOf((List<String>) file.get("nullTokens"));
    List<Map<String, String>> layouts = (List<Map<String, String>>) file.get("datetimeLayouts");
    assertThat(DateTimeFormats.ALL).extracting(DateTimeFormats.Format::strftime).containsExactlyElementsOf(layouts.stream().map(l -> l.get("strftime")).toList());
    assertThat(DateTimeFormats.ALL).extracting(f -> f.shape().pattern()).containsExactlyElementsOf(layouts.stream().map(l -> l.get("shape")).toList());
    assertThat(TableRules.SHARED.booleanSpellings())
        .extracting(s -> List.of(s.whenTrue(), s.whenFalse()))
        .containsExactlyElementsOf((List<List<String>>) file.get("booleanSpellings"));
    assertThat(TableRules.SHARED.delimiters()).extracting(String::valueOf).containsExactlyElementsOf((List<String>) file.get("delimiters"));
    Map<String, List<String>> idNames = (Map<String, List<String>>) file.get("idNames");
    assertThat(TableRules.SHARED.idNames().exactlyIgnoringCase()).containsExactlyInAnyOrderElementsOf(idNames.get("exactlyIgnoringCase"));
    assertThat(TableRules.SHARED.idNames().endingIgnoringCase()).containsExactlyElementsOf(idNames.get("endingIgnoringCase"));
    assertThat(TableRules.SHARED.idNames().ending()).containsExactlyElementsOf(idNames.get("ending"));
    Map<String, Object> limits = (Map<String, Object>) file.get("limits");
    assertThat(TableRules.SHARED.seed()).isEqualTo(new TableRules.SeedRange(0, 4_294_967_295L));
    assertThat(limits.get("seed")).isEqualTo(Map.of("min", 0L, "max", 4_294_967_295L));
    assertThat((long) TableRules.SHARED.sniffBytes()).isEqualTo(limits.get("sniffBytes"));
    assertThat((long) ProfilingLimits.DEFAULT.categoricalLimit()).isEqualTo(limits.get("categoricalLimit"));
  }

  @Test
  void everyLayoutParsesAValueOfItsOwn() {
    Map<String, String> examples =
        Map.ofEntries(
            Map.entry("%Y-%m-%d %H:%M:%S", "2024-02-29 23:59:58"),
            Map.entry("%Y-%m-%dT%H:%M:%S", "2024-02-29T23:59:58"),
            Map.entry("%Y-%m-%dT%H:%M:%SZ", "2024-02-29T23:59:58Z"),
            Map.entry("%Y-%m-%dT%H:%M:%S%z", "2024-02-29T23:59:58+0100"),
            Map.entry("%Y-%m-%d %H:%M:%S%z", "2024-02-29 23:59:58+01:00"),
            Map.entry("%Y-%m-%d %H:%M:%S.%f", "2024-02-29 23:59:58.5"),
            Map.entry("%Y-%m-%dT%H:%M:%S.%f", "2024-02-29T23:59:58.123456"),
            Map.entry("%Y-%m-%dT%H:%M:%S.%f%z", "2024-02-29T23:59:58.25Z"),
            Map.entry("%Y-%m-%d %H:%M:%S.%f%z", "2024-02-29 23:59:58.250-02:30"),
            Map.entry("%Y-%m-%d %H:%M:%S %Z", "2024-02-29 23:59:58 UTC"),
            Map.entry("%Y-%m-%d %H:%M", "2024-02-29 23:59"),
            Map.entry("%Y-%m-%d", "2024-02-29"),
            Map.entry("%Y/%m/%d", "2024/02/29"),
            Map.entry("%m/%d/%Y", "2/29/2024"),
            Map.entry("%d/%m/%Y", "29/2/2024"),
            Map.entry("%d.%m.%Y", "29.02.2024"),
            Map.entry("%m/%d/%Y %H:%M", "02/29/2024 7:05"),
            Map.entry("%d/%m/%Y %H:%M", "29/02/2024 7:05"),
            Map.entry("%m/%d/%Y %H:%M:%S", "02/29/2024 7:05:09"),
            Map.entry("%d/%m/%Y %H:%M:%S", "29/02/2024 7:05:09"));
    assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(DateTimeFormats.ALL.stream().map(DateTimeFormats.Format::strftime).toList());
    for (DateTimeFormats.Format format : DateTimeFormats.ALL) {
      assertThat(format.epochSeconds(examples.get(format.strftime()))).as(format.strftime()).isPresent();
    }
    assertThat(DateTimeFormats.byStrftime("%Y-%m-%dT%H:%M:%S.%f%z").orElseThrow().epochSeconds("2024-01-01T01:00:00.5+01:00")).hasValue(1_704_067_200.5);
    assertThat(DateTimeFormats.byStrftime("%Y-%m-%d %H:%M:%S %Z").orElseThrow().epochSeconds("2024-01-01 00:00:00 UTC")).hasValue(1_704_067_200d);
    assertThat(DateTimeFormats.byStrftime("%Y-%m-%d %H:%M:%S %Z").orElseThrow().epochSeconds("2024-01-01 00:00:00 Nowhere")).isEmpty();
  }

  @Test
  void idNamesFitExactlyIgnoringCaseOrByTheirEnding() {
    TableRules.IdNames names = TableRules.SHARED.idNames();
    assertThat(List.of("ID", "Rownames", "player_id", "Player ID", "playerId", "playerID")).allMatch(names::fit);
    assertThat(List.of("idea", "valid", "keys", "paid")).noneMatch(names::fit);
  }

  @Test
  void noJavaSourceSpellsTheRulesItself() throws IOException {
    List<String> copies = List.of("\"N/A\"", "\"None\"", "\"yes\"", "\"uuuu-", "4_294_967_295", "4294967295", "{',', ';'", "\"rownames\"", "\"_id\"");
    try (Stream<Path> modules = Files.list(REPO)) {
      List<String> offenders =
          modules
              .map(module -> module.resolve("src/main/java"))
              .filter(Files::isDirectory)
              .flatMap(TableRulesTest::walk)
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    String text = read(p);
                    return copies.stream().anyMatch(text::contains);
                  })
              .map(p -> REPO.relativize(p).toString())
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static Stream<Path> walk(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
