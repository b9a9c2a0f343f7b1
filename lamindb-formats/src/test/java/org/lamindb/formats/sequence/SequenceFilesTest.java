package org.lamindb.formats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminException;
import org.lamindb.ValidationException;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.spi.FormatProvider;
import org.lamindb.spi.FormatProvider.FormatInfo;

/**
 * FASTA/FASTQ summaries and validation on the shared files. Expected counts were computed with
 * shell tools, not this code: FASTA records {@code grep -c '^>'}, residues {@code grep -v '^>' | tr
 * -d '\n\r ' | wc -c}; FASTQ residues {@code awk 'NR%4==2' | tr -d '\n\r' | wc -c} (all shared
 * FASTQ files use 4-line records).
 */
class SequenceFilesTest {
  private final SequenceFormatProvider provider = new SequenceFormatProvider();

  @TempDir Path tmp;

  /** records, total length, alphabet. */
  private record Expect(long records, long total, Alphabet alphabet) {}

  private static final Map<String, Expect> GOOD =
      Map.ofEntries(
          Map.entry("biopython_NC_005816.faa", new Expect(10, 1928, Alphabet.PROTEIN)),
          Map.entry("biopython_dups.fasta", new Expect(5, 24, Alphabet.DNA)),
          Map.entry("biopython_example.fastq.bgz", new Expect(3, 75, Alphabet.DNA)),
          Map.entry("biopython_example_dos.fastq", new Expect(3, 75, Alphabet.DNA)),
          Map.entry(
              "biopython_illumina_full_range_original_illumina.fastq",
              new Expect(2, 126, Alphabet.DNA)),
          Map.entry("biopython_misc_rna_original_sanger.fastq", new Expect(4, 153, Alphabet.RNA)),
          Map.entry(
              "biopython_sanger_full_range_original_sanger.fastq",
              new Expect(2, 188, Alphabet.DNA)),
          Map.entry("biopython_tricky.fastq", new Expect(4, 144, Alphabet.DNA)),
          Map.entry("biopython_zero_length.fastq", new Expect(5, 280, Alphabet.DNA)),
          Map.entry("htslib_ce.fa", new Expect(7, 1039800, Alphabet.DNA)),
          Map.entry("htslib_faidx.fa", new Expect(6, 130, Alphabet.DNA)),
          Map.entry("htslib_filter_casava.fq", new Expect(4, 400, Alphabet.DNA)),
          Map.entry("htslib_longline.fq", new Expect(1, 4, Alphabet.DNA)),
          Map.entry("htslib_multiline.fa", new Expect(2, 78, Alphabet.DNA)),
          Map.entry("htslib_r1.fq", new Expect(5, 500, Alphabet.DNA)),
          Map.entry("htslib_sample.ref.fa", new Expect(2, 80, Alphabet.DNA)),
          Map.entry("htslib_xx.fa", new Expect(3, 70, Alphabet.DNA)));

  private static String suffixOf(String name) {
    String s = name.toLowerCase();
    String enc = s.endsWith(".bgz") ? ".bgz" : s.endsWith(".gz") ? ".gz" : "";
    String base = s.substring(0, s.length() - enc.length());
    return base.substring(base.lastIndexOf('.')) + enc;
  }

  @Test
  void everyManifestSequenceFileIsSummarizedOrRejectedWithALineNumber() throws Exception {
    Path formats = SharedTestData.formats();
    List<SharedTestData.Entry> rows = SharedTestData.manifest("fasta/");
    assertThat(rows).hasSize(GOOD.size() + 11);
    for (SharedTestData.Entry row : rows) {
      Path p = formats.resolve(row.relativePath());
      String name = p.getFileName().toString();
      String suffix = suffixOf(name);
      assertThat(provider.canLoad(suffix)).as(name).isTrue();
      if (row.relativePath().startsWith("fasta/bad/")) {
        assertThat(row.description()).contains("KNOWN-BAD");
        assertThatThrownBy(() -> provider.load(p, suffix, Object.class))
            .as(name)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining(name)
            .hasMessageMatching("(?s).* at line \\d+: .*");
      } else {
        Expect e = GOOD.get(name);
        assertThat(e).as("expectation for " + name).isNotNull();
        SequenceSummary s = (SequenceSummary) provider.load(p, suffix, Object.class).orElseThrow();
        assertThat(s.records()).as(name).isEqualTo(e.records());
        assertThat(s.totalLength()).as(name).isEqualTo(e.total());
        assertThat(s.alphabet()).as(name).isEqualTo(e.alphabet());
        FormatInfo info = provider.inspect(p, suffix).orElseThrow();
        assertThat(info.otype()).isNull();
        assertThat(info.nObservations()).isEqualTo(e.records());
      }
    }
  }

  @Test
  void specificReasonsAreReported() {
    Path bad = SharedTestData.formats().resolve("fasta/bad");
    assertThatThrownBy(() -> SequenceFiles.summarize(bad.resolve("biopython_error_diff_ids.fastq")))
        .hasMessageContaining("line 11")
        .hasMessageContaining("'+' line names");
    assertThatThrownBy(
            () -> SequenceFiles.summarize(bad.resolve("biopython_error_qual_space.fastq")))
        .hasMessageContaining("line 16")
        .hasMessageContaining("space");
    assertThatThrownBy(() -> SequenceFiles.summarize(bad.resolve("biopython_error_tabs.fastq")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("tab");
    assertThatThrownBy(
            () -> SequenceFiles.summarize(bad.resolve("biopython_error_trunc_in_seq.fastq")))
        .hasMessageContaining("before its '+' line");
  }

  @Test
  void summaryLinesAndMinMax() {
    SequenceSummary s =
        SequenceFiles.summarize(
            SharedTestData.formats().resolve("fasta/biopython_zero_length.fastq"));
    assertThat(s.minLength()).isZero();
    assertThat(s.format()).isEqualTo(SequenceSummary.Format.FASTQ);
    assertThat(s.lines())
        .containsExactly("FASTQ: 5 records", "total length: 280 (min 0, max 127)", "alphabet: DNA");
    SequenceSummary bgz =
        SequenceFiles.summarize(
            SharedTestData.formats().resolve("fasta/biopython_example.fastq.bgz"));
    assertThat(bgz.gzip()).isTrue();
  }

  @Test
  void largeFilesAreOnlyCheckedAtTheirHead() throws Exception {
    Path ce = SharedTestData.formats().resolve("fasta/htslib_ce.fa");
    // 7 records; the first is 1,009,800 residues long, so a 100-byte budget stops after it
    SequenceSummary head = SequenceFiles.summarizeHead(ce, SequenceSummary.Format.FASTA, 100);
    assertThat(head.complete()).isFalse();
    assertThat(head.records()).isEqualTo(1);
    assertThat(head.lines().get(0)).contains("first 1 record checked");
    assertThat(SequenceFiles.summarize(ce).complete()).isTrue();
    FormatInfo info = new SequenceFormatProvider(100).inspect(ce, ".fa").orElseThrow();
    assertThat(info.nObservations()).isNull();
    assertThat(info.otype()).isNull();
    // a bad head is still caught
    Path bad = SharedTestData.formats().resolve("fasta/bad/biopython_error_tabs.fastq");
    assertThatThrownBy(() -> new SequenceFormatProvider(10).inspect(bad, ".fastq"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void wrongSuffixForTheContentIsRejected() throws Exception {
    Path fastaAsFastq = tmp.resolve("reads.fastq");
    Files.copy(SharedTestData.formats().resolve("fasta/htslib_xx.fa"), fastaAsFastq);
    assertThatThrownBy(() -> provider.load(fastaAsFastq, ".fastq", Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("holds FASTA");
    Path parquetAsFasta = tmp.resolve("x.fasta");
    Files.copy(SharedTestData.formats().resolve("parquet/alltypes_plain.parquet"), parquetAsFasta);
    assertThatThrownBy(() -> provider.load(parquetAsFasta, ".fasta", Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void truncatedGzipAndFlippedBytesFailCleanly() throws Exception {
    byte[] gz =
        Files.readAllBytes(SharedTestData.formats().resolve("fasta/biopython_example.fastq.bgz"));
    Path cut = tmp.resolve("cut.fastq.gz");
    Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> provider.load(cut, ".fastq.gz", Object.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cut.fastq.gz");
    Random random = new Random(7);
    for (String name : GOOD.keySet()) {
      byte[] all = Files.readAllBytes(SharedTestData.formats().resolve("fasta/" + name));
      for (int round = 0; round < 5; round++) {
        byte[] copy = all.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        Path f = tmp.resolve(round + "-" + name);
        Files.write(f, copy);
        Throwable t = catchThrowable(() -> SequenceFiles.summarize(f));
        if (t != null) {
          assertThat(t).as(name).isInstanceOf(LaminException.class);
        }
      }
    }
  }

  @Test
  void oneLineLongerThanTheHeapStreamsInBoundedMemory() throws Exception {
    long residues =
        3L * Integer.MAX_VALUE / 4; // ~1.6 GB on one line, more than the 1 GiB test heap
    InputStream in =
        new InputStream() {
          private final byte[] head =
              ">chr1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          private long sent;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) {
            long end = head.length + residues + 1;
            if (sent >= end) {
              return -1;
            }
            if (sent < head.length) {
              int n = (int) Math.min(len, head.length - sent);
              System.arraycopy(head, (int) sent, b, off, n);
              sent += n;
              return n;
            }
            if (sent == end - 1) {
              b[off] = '\n';
              sent++;
              return 1;
            }
            int n = (int) Math.min(len, end - 1 - sent);
            Arrays.fill(b, off, off + n, (byte) 'A');
            sent += n;
            return n;
          }
        };
    FastxScanner scanner = new FastxScanner(in, "generated");
    SequenceSummary s = scanner.scan(scanner.sniff(), false);
    assertThat(s.records()).isEqualTo(1);
    assertThat(s.totalLength()).isEqualTo(residues);
  }

  @Test
  void gzipFastaWrittenHereIsReadAndTextIsLeftToCore() throws Exception {
    Path f = tmp.resolve("s.fa.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(">a desc\nACGU\nUU\n>b\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    SequenceSummary s = SequenceFiles.summarize(f, SequenceSummary.Format.FASTA);
    assertThat(s.records()).isEqualTo(2);
    assertThat(s.totalLength()).isEqualTo(6);
    assertThat(s.alphabet()).isEqualTo(Alphabet.RNA);
    assertThat(provider.load(f, ".fa.gz", String.class)).isEmpty();
    assertThat(provider.canLoad(".parquet")).isFalse();
  }

  @Test
  void providerIsRegistered() throws IOException {
    assertThat(ServiceLoader.load(FormatProvider.class).stream().map(p -> p.type().getSimpleName()))
        .contains("SequenceFormatProvider", "DataFrameFormatProvider");
  }
}
