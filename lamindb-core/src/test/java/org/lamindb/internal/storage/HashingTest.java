package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;

/**
 * Hash vectors. Spec vectors come from lamindb-setup's tests; every other expected value was
 * computed in a shell with coreutils and OpenSSL, never with the code under test. The shell helper
 * used throughout:
 *
 * <pre>
 * b64u(){ base64 -w0 | tr '+/' '-_' | tr -d '='; }   # URL-safe base64 without padding
 * C=52428800                                          # 50 MiB chunk
 * </pre>
 */
class HashingTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void specVectorsForSmallFiles() throws IOException {
    // printf a | openssl md5 -binary | b64u   -> DMF1ucDxtqgxw5niaXcmYQ (also the spec's vector)
    assertThat(Hashing.hashFile(write("a", "a")))
        .isEqualTo(new Hashing.FileHash(1, "DMF1ucDxtqgxw5niaXcmYQ", "md5"));
    // printf b | openssl md5 -binary | b64u   -> kutf_uauL-w61xx3dTFXjw
    assertThat(Hashing.hashFile(write("b", "b")).hash()).isEqualTo("kutf_uauL-w61xx3dTFXjw");
    // printf abc | openssl md5 -binary | b64u -> kAFQmDzST7DWlj99KOF_cg
    assertThat(Hashing.hashFile(write("abc", "abc")))
        .isEqualTo(new Hashing.FileHash(3, "kAFQmDzST7DWlj99KOF_cg", "md5"));
  }

  @Test
  void chunkSizeOneUsesFirstLastSha1() throws IOException {
    // ( printf a | openssl sha1 -binary; printf c | openssl sha1 -binary ) | openssl sha1 -binary |
    // b64u | cut -c1-22
    //   -> p0EbDbQEP1wS-Tw6TuBjKS (also the spec's vector)
    assertThat(Hashing.hashFile(write("abc", "abc"), 1))
        .isEqualTo(new Hashing.FileHash(3, "p0EbDbQEP1wS-Tw6TuBjKS", "sha1-fl"));
  }

  @Test
  void emptyAndMultiByteFiles() throws IOException {
    // printf '' | openssl md5 -binary | b64u -> 1B2M2Y8AsgTpgAmY7PhCfg
    assertThat(Hashing.hashFile(write("empty", "")))
        .isEqualTo(new Hashing.FileHash(0, "1B2M2Y8AsgTpgAmY7PhCfg", "md5"));
    // printf 'hello world\n' | openssl md5 -binary | b64u -> b1kCrCNwJL3QwXbLkwY9xA
    assertThat(Hashing.hashFile(write("hello", "hello world\n")).hash())
        .isEqualTo("b1kCrCNwJL3QwXbLkwY9xA");
    // yes lamindb | head -c 1000 | openssl md5 -binary | b64u -> m7Cr7b5OPJbTVn7HNcnG2w
    assertThat(Hashing.hashFile(writePattern("p1k", 1000)).hash())
        .isEqualTo("m7Cr7b5OPJbTVn7HNcnG2w");
  }

  @Test
  void exactlyFiftyMiBIsStillMd5() throws IOException {
    // head -c $C /dev/zero | openssl md5 -binary | b64u -> JeMXdz8wjkRsyExQOm0fhQ
    Path p = sparse("z50", Hashing.CHUNK_SIZE);
    assertThat(Hashing.hashFile(p))
        .isEqualTo(new Hashing.FileHash(Hashing.CHUNK_SIZE, "JeMXdz8wjkRsyExQOm0fhQ", "md5"));
  }

  @Test
  void oneByteOverFiftyMiBSwitchesToSha1FirstLast() throws IOException {
    // head -c $((C+1)) /dev/zero > f
    // ( head -c $C f | openssl sha1 -binary; tail -c $C f | openssl sha1 -binary ) | openssl sha1
    // -binary \
    //   | b64u | cut -c1-22 -> I-EOc37Fd5SZVtseNYT2KN
    Path p = sparse("z50p1", Hashing.CHUNK_SIZE + 1);
    assertThat(Hashing.hashFile(p))
        .isEqualTo(
            new Hashing.FileHash(Hashing.CHUNK_SIZE + 1, "I-EOc37Fd5SZVtseNYT2KN", "sha1-fl"));
  }

  @Test
  void largePatternFileWithDistinctFirstAndLastChunk() throws IOException {
    // yes lamindb | head -c $((C+12345)) > f      # "lamindb\n" repeated; last chunk starts
    // mid-pattern
    // ( head -c $C f | openssl sha1 -binary; tail -c $C f | openssl sha1 -binary ) | openssl sha1
    // -binary \
    //   | b64u | cut -c1-22 -> AutUWBQ2Q6OdTIKD5wJele
    Path p = writePattern("pattern", Hashing.CHUNK_SIZE + 12345);
    assertThat(Hashing.hashFile(p))
        .isEqualTo(
            new Hashing.FileHash(Hashing.CHUNK_SIZE + 12345, "AutUWBQ2Q6OdTIKD5wJele", "sha1-fl"));
  }

  @Test
  void sparseEightyMiBFileWithMarkers() throws IOException {
    // truncate -s 83886080 f; printf head | dd of=f conv=notrunc
    // printf tail | dd of=f bs=1 seek=$((83886080-4)) conv=notrunc
    // ( head -c $C f | openssl sha1 -binary; tail -c $C f | openssl sha1 -binary ) | openssl sha1
    // -binary \
    //   | b64u | cut -c1-22 -> Fd_R-J-Kc7hjZaYpcpb1VS
    long size = 83_886_080L;
    Path p = sparse("sp", size);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.seek(0);
      f.write("head".getBytes(StandardCharsets.US_ASCII));
      f.seek(size - 4);
      f.write("tail".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Hashing.hashFile(p))
        .isEqualTo(new Hashing.FileHash(size, "Fd_R-J-Kc7hjZaYpcpb1VS", "sha1-fl"));
  }

  @Test
  void folderHashIgnoresPathsAndOrder() throws IOException {
    // ha=$(printf a | openssl md5 -binary | b64u); hb=$(printf b | openssl md5 -binary | b64u)
    // ( printf %s "$ha" | openssl md5 -binary; printf %s "$hb" | openssl md5 -binary ) | openssl
    // md5 -binary | b64u
    //   -> YNCwyFw7rBegqZLBVEckCg (the spec's own vector)
    write("d1/a.txt", "a");
    write("d1/b.txt", "b");
    assertThat(Hashing.hashDir(dir.resolve("d1")))
        .isEqualTo(new Hashing.DirHash(2, "YNCwyFw7rBegqZLBVEckCg", "md5-d", 2));
    write("d2/deep/nested/zzz", "a");
    write("d2/aaa", "b");
    assertThat(Hashing.hashDir(dir.resolve("d2")).hash()).isEqualTo("YNCwyFw7rBegqZLBVEckCg");
  }

  @Test
  void folderWithThreeFilesSortsHashStrings() throws IOException {
    // hashes of a, b, abc sorted bytewise (LC_ALL=C sort): DMF1..., kAFQ..., kutf...
    // ( for x in DMF1ucDxtqgxw5niaXcmYQ kAFQmDzST7DWlj99KOF_cg kutf_uauL-w61xx3dTFXjw; do
    //     printf %s "$x" | openssl md5 -binary; done ) | openssl md5 -binary | b64u ->
    // 8t-YUCVEPDy7ej3H61v2oQ
    write("d/x", "b");
    write("d/y", "abc");
    write("d/z/w", "a");
    assertThat(Hashing.hashDir(dir.resolve("d")))
        .isEqualTo(new Hashing.DirHash(5, "8t-YUCVEPDy7ej3H61v2oQ", "md5-d", 3));
    assertThat(
            Hashing.hashFromHashes(
                List.of(
                    "kutf_uauL-w61xx3dTFXjw", "DMF1ucDxtqgxw5niaXcmYQ", "kAFQmDzST7DWlj99KOF_cg")))
        .isEqualTo("8t-YUCVEPDy7ej3H61v2oQ");
  }

  @Test
  void emptyFolderIsRejected() throws IOException {
    Files.createDirectories(dir.resolve("empty/sub"));
    assertThatThrownBy(() -> Hashing.hashDir(dir.resolve("empty")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("contains no files");
  }

  @Test
  void stringAndSetHashes() {
    // printf lamindb | openssl md5 -binary | b64u -> T6fqUOCkq3ntHEIv7s4-Tw
    assertThat(Hashing.hashString("lamindb")).isEqualTo("T6fqUOCkq3ntHEIv7s4-Tw");
    // printf 'héllo' | openssl md5 -binary | b64u (UTF-8 terminal) -> vlDoR4zyT_NZW8cwf7kbUA
    assertThat(Hashing.hashString("h\u00e9llo")).isEqualTo("vlDoR4zyT_NZW8cwf7kbUA");
    // printf 'a:b' | openssl md5 -binary | b64u -> 2BYMmz3CDU6TGutPRSYhVQ
    assertThat(Hashing.hashSet(Set.of("b", "a"))).isEqualTo("2BYMmz3CDU6TGutPRSYhVQ");
    assertThat(Hashing.hashSet(List.of("b", "a", "b"))).isEqualTo("2BYMmz3CDU6TGutPRSYhVQ");
  }

  @Test
  void hexDigestToBase64() {
    // spec vector: b16_to_b64("9b89c8c1acf79dba5b5341d1fff9806f") = m4nIwaz3nbpbU0HR__mAbw
    // echo 9b89c8c1acf79dba5b5341d1fff9806f | xxd -r -p | b64u -> m4nIwaz3nbpbU0HR__mAbw
    assertThat(Hashing.hexToB64("9b89c8c1acf79dba5b5341d1fff9806f"))
        .isEqualTo("m4nIwaz3nbpbU0HR__mAbw");
    assertThatThrownBy(() -> Hashing.hexToB64("xyz")).isInstanceOf(InvalidArgumentException.class);
  }

  private Path sparse(String name, long size) throws IOException {
    Path p = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
    return p;
  }

  /**
   * Writes "lamindb\n" repeated, cut at {@code size} bytes, like {@code yes lamindb | head -c
   * size}.
   */
  private Path writePattern(String name, long size) throws IOException {
    Path p = dir.resolve(name);
    byte[] unit = "lamindb\n".getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[unit.length * 8192];
    for (int i = 0; i < block.length; i++) {
      block[i] = unit[i % unit.length];
    }
    try (var out = Files.newOutputStream(p)) {
      long left = size;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
    return p;
  }
}
