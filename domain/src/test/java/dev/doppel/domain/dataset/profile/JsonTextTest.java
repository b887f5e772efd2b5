package dev.doppel.domain.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void readsObjectsArraysStringsNumbersAndLiterals() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("tab", "\t|\"\\/é€");
    expected.put("list", List.of(0L, -12L, 2.5, 1.0e3));
    expected.put("empty", Map.of());
    expected.put("none", List.of());
    expected.put("flags", Arrays.asList(true, false, null));
    assertThat(JsonText.parse(" {\"tab\": \"\\t|\\\"\\\\\\/\\u00e9€\", \"list\": [0, -12, 2.5, 1e3], \"empty\": {}, \"none\": [ ], \"flags\": [true, false, null]} "))
        .isEqualTo(expected);
    assertThat(JsonText.parse("4294967295")).isEqualTo(4_294_967_295L);
  }

  @Test
  void saysWhereTheTextIsNoJson() {
    assertThatThrownBy(() -> JsonText.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member name");
    assertThatThrownBy(() -> JsonText.parse("[1, 2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends too early");
    assertThatThrownBy(() -> JsonText.parse("[1] 2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text after the value");
    assertThatThrownBy(() -> JsonText.parse("\"\\x\"")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown escape");
    assertThatThrownBy(() -> JsonText.parse("nul")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected character");
  }
}
