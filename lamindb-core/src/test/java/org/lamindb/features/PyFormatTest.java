package org.lamindb.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lamindb.internal.features.PyFormat;
import org.lamindb.internal.features.Schemas;

/**
 * Python str()/repr()/json.dumps emulation for JsonValue hashes; expectations printed by CPython 3.
 */
class PyFormatTest {
  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "0.00001, 1e-05",
    "1e16, 1e+16",
    "123456789012345.0, 123456789012345.0",
    "1.0, 1.0",
    "-2.5, -2.5",
    "0.0001, 0.0001",
    "1e22, 1e+22",
    "1.5e-7, 1.5e-07",
    "0.55, 0.55",
    "21.6, 21.6",
    "9007199254740992.0, 9007199254740992.0"
  })
  void floatReprMatchesPython(double v, String python) {
    assertThat(PyFormat.floatRepr(v)).isEqualTo(python);
  }

  @Test
  void reprOfListsAndJsonDumpsOfDicts() {
    assertThat(PyFormat.repr(Arrays.asList("a", "b'c", true, null, 3L, 2.0)))
        .isEqualTo("['a', \"b'c\", True, None, 3, 2.0]");
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", "x");
    nested.put("y", 2L);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1L);
    m.put("a", Arrays.asList(true, null));
    m.put("é", 1.0);
    m.put("n", nested);
    assertThat(PyFormat.jsonDumps(m))
        .isEqualTo(
            "{\"a\": [true, null], \"b\": 1, \"n\": {\"y\": 2, \"z\": \"x\"}, "
                + "\"\\u00e9\": 1.0}");
  }

  @Test
  void jsonValueHashesMatchLaminDb() {
    assertThat(PyFormat.jsonValueHash(true)).isEqualTo("-CfPRi9ihI3zfF4elKTadA");
    assertThat(PyFormat.jsonValueHash(List.of("a", "b"))).isEqualTo("znW9HNch9o3WK2XihooZUQ");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("n", 2L);
    d.put("detail1", "123");
    assertThat(PyFormat.jsonValueHash(d)).isEqualTo("L2ZKuZveZuaA3W0jHhwg1w");
  }

  @Test
  void emptyFeatureSchemaHashIsValidFeatures() {
    // spec §8.2 test vector: valid_features = tokens b=Feature:c=True:d=False:e=False
    assertThat(Schemas.hash(List.of())).isEqualTo("kMi7B_N88uu-YnbTLDU-DA");
  }
}
