package org.lamindb.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidsTest {
  @Test
  void incrementFollowsLaminDbBase62OrderAcrossCaseBoundaries() {
    // spec §2.2: digits, then upper case, then lower case
    assertThat(Uids.increment("0000")).isEqualTo("0001");
    assertThat(Uids.increment("0009")).isEqualTo("000A");
    assertThat(Uids.increment("000Z")).isEqualTo("000a");
    assertThat(Uids.increment("000z")).isEqualTo("0010");
    assertThat(Uids.increment("0zzz")).isEqualTo("1000");
    // no overflow check: zzzz becomes five characters, as in LaminDB
    assertThat(Uids.increment("zzzz")).isEqualTo("10000");
  }

  @Test
  void decodeIsPositional() {
    assertThat(Uids.decode("10")).isEqualTo(62);
    assertThat(Uids.decode("a")).isEqualTo(36);
    assertThat(Uids.encode(62 * 62, 4)).isEqualTo("0100");
  }

  @Test
  void randomUidsHaveTheLengthAndAlphabetAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String u = Uids.random(16);
      assertThat(u).hasSize(16).matches("[0-9A-Za-z]{16}");
      assertThat(seen.add(u)).isTrue();
    }
    assertThat(Uids.newFamily(20)).hasSize(20).endsWith("0000");
  }

  @Test
  void everyBase62CharacterIsDrawn() {
    Set<Character> chars = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      for (char c : Uids.random(20).toCharArray()) {
        chars.add(c);
      }
    }
    assertThat(chars).hasSize(62);
  }
}
