package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lamindb.InvalidArgumentException;

/**
 * Key rules per spec §0.4, §4.2 and issue 5; each broken rule is named in the message with the key.
 */
class KeysTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x.csv",
        "my_datasets/sequences.parquet",
        "a/b/c/d.h5ad",
        "folder",
        "with space/and-dash_underscore.txt",
        "unicodé/ümlaut.csv",
        "a:b.csv",
        "..hidden/x",
        "x..y/z",
        "...",
        "lamindb/x",
      })
  void acceptsValidKeys(String key) {
    assertThat(Keys.validateKey(key)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} breaks {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/abs/x.csv | no-absolute-paths",
        "s3://bucket/x.csv | no-absolute-paths",
        "C:/data/x.csv | no-absolute-paths",
        "../x.csv | no-dot-segments",
        "a/../x.csv | no-dot-segments",
        "a/.. | no-dot-segments",
        "./x.csv | no-dot-segments",
        "a/./x.csv | no-dot-segments",
        ". | no-dot-segments",
        "a//b | no-empty-segments",
        "a/b/ | no-empty-segments",
        "a\\b.csv | no-backslashes",
        "C:\\data\\x.csv | no-backslashes",
        ".lamindb/AbCd.csv | no-lamindb-prefix",
        "sub/.lamindb/x.csv | no-lamindb-prefix",
        ".lamindb | no-lamindb-prefix",
        "my.lamindb/x | no-lamindb-prefix",
      })
  void rejectsKeysNamingTheRule(String key, String rule) {
    assertThatThrownBy(() -> Keys.validateKey(key))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining("rule '" + rule + "'");
  }

  @Test
  void rejectsControlCharactersAndEmpty() {
    for (String key : new String[] {"a\nb", "tab\there", "nul\u0000", "del\u007f", "c1\u0085"}) {
      assertThatThrownBy(() -> Keys.validateKey(key))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("rule 'no-control-characters'")
          .hasMessageContaining("\\u00");
    }
    assertThatThrownBy(() -> Keys.validateKey(""))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("rule 'non-empty'");
    assertThatThrownBy(() -> Keys.validateKey(null)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void storageKeysMayLiveBelowLamindbFolder() {
    assertThat(Keys.validateStorageKey(".lamindb/AbCd1234EfGh5678IjKl.csv"))
        .isEqualTo(".lamindb/AbCd1234EfGh5678IjKl.csv");
    assertThatThrownBy(() -> Keys.validateStorageKey(".lamindb/../x"))
        .hasMessageContaining("no-dot-segments");
  }

  @Test
  void suffixMatchUsesLaminDbMessage() {
    assertThatCode(() -> Keys.checkSuffixMatch(".xyz", ".xyz")).doesNotThrowAnyException();
    assertThatThrownBy(
            () -> Keys.checkSuffixMatch(Suffixes.raw("test.xyz"), Suffixes.raw("uploads/test")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("The passed path's suffix '.xyz' must match the passed key's suffix ''.");
  }
}
