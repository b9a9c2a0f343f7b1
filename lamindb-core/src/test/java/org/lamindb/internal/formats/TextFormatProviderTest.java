package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;

/** Text, JSON and YAML loading as LaminDB's loaders do (spec §4.6). */
class TextFormatProviderTest {
  private final TextFormatProvider provider = new TextFormatProvider();

  @TempDir Path tmp;

  @Test
  void textAndFastaLoadAsStrings() throws Exception {
    Path txt = Files.writeString(tmp.resolve("a.txt"), "héllo\nworld\n");
    assertThat(provider.load(txt, ".txt", Object.class)).contains("héllo\nworld\n");
    Path fasta = Files.writeString(tmp.resolve("s.fasta"), ">seq1\nACGT\n");
    assertThat(provider.canLoad(".fasta")).isTrue();
    assertThat(provider.load(fasta, ".fasta", String.class)).contains(">seq1\nACGT\n");
    assertThat(provider.load(fasta, ".fasta", Integer.class)).isEmpty();
  }

  @Test
  void jsonLoadsAsNodeMapOrList() throws Exception {
    Path obj = Files.writeString(tmp.resolve("o.json"), "{\"a\": [1, 2], \"b\": {\"c\": null}}");
    JsonNode node = provider.load(obj, ".json", JsonNode.class).orElseThrow();
    assertThat(node.get("a").get(1).asInt()).isEqualTo(2);
    assertThat(provider.load(obj, ".json", Object.class).orElseThrow())
        .isInstanceOf(JsonNode.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = provider.load(obj, ".json", Map.class).orElseThrow();
    assertThat(map).containsEntry("a", List.of(1, 2));
    Path arr = Files.writeString(tmp.resolve("l.json"), "[\"x\", 1]");
    assertThat(provider.load(arr, ".json", List.class).orElseThrow()).containsExactly("x", 1);
    assertThatThrownBy(() -> provider.load(arr, ".json", Map.class))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void malformedInputNamesFileAndPosition() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"a\": 1,\n \"b\": }");
    assertThatThrownBy(() -> provider.load(bad, ".json", Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("line 2");
    Path trailing = Files.writeString(tmp.resolve("trailing.json"), "{} {}");
    assertThatThrownBy(() -> provider.load(trailing, ".json", Object.class))
        .isInstanceOf(ValidationException.class);
    Path empty = Files.writeString(tmp.resolve("empty.json"), "");
    assertThatThrownBy(() -> provider.load(empty, ".json", Object.class))
        .isInstanceOf(ValidationException.class);
    Path latin1 =
        Files.write(tmp.resolve("latin1.txt"), new byte[] {'n', 'a', (byte) 0xef, 'v', 'e'});
    assertThatThrownBy(() -> provider.load(latin1, ".txt", Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void yamlIsAClearNotSupportedError() throws Exception {
    Path y = Files.writeString(tmp.resolve("c.yaml"), "a: 1\n");
    assertThat(provider.canLoad(".yaml")).isTrue();
    assertThatThrownBy(() -> provider.load(y, ".yaml", Object.class))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("YAML");
  }

  @Test
  void providersAreRegisteredForServiceLoader() {
    List<String> names =
        java.util.ServiceLoader.load(org.lamindb.spi.FormatProvider.class).stream()
            .map(p -> p.type().getSimpleName())
            .toList();
    assertThat(names).contains("TextFormatProvider", "DataFrameFormatProvider");
  }
}
