package org.lamindb.formats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.ValidationException;
import org.lamindb.internal.formats.SharedTestData;

/** Record-level reading; expected records are copied from the files themselves ({@code cat -A}). */
class SequenceRecordsTest {
  @TempDir Path tmp;

  @Test
  void fastaEdgeCasesOfHtslibFaidx() {
    List<SequenceRecord> r =
        SequenceFiles.readAll(SharedTestData.formats().resolve("fasta/htslib_faidx.fa"));
    assertThat(r).hasSize(6);
    // '>' alone, then 'ATGC'
    assertThat(r.get(0).id()).isEmpty();
    assertThat(r.get(0).sequence()).isEqualTo("ATGC");
    assertThat(r.get(1).id()).isEqualTo("trailingblank1");
    assertThat(r.get(1).sequence()).isEqualTo("AAATTTGGGCCCTTTGGGCCCAAAGGGCCCAAA");
    // CRLF record: carriage returns are not residues
    assertThat(r.get(3).id()).isEqualTo("trailingblank3");
    assertThat(r.get(3).description()).isEqualTo("with cr-lf style line endings");
    assertThat(r.get(3).sequence()).isEqualTo("ACGTA");
    // '>  foo' (leading spaces) and '> bar description'
    assertThat(r.get(4).id()).isEqualTo("foo");
    assertThat(r.get(4).sequence()).isEqualTo("TGCATGCA");
    assertThat(r.get(5).id()).isEqualTo("bar");
    assertThat(r.get(5).description()).isEqualTo("description");
    assertThat(r).allSatisfy(x -> assertThat(x.quality()).isNull());
  }

  @Test
  void fastqRecordsKeepQualitiesIncludingTrickyOnes() {
    List<SequenceRecord> r =
        SequenceFiles.readAll(
            SharedTestData.formats().resolve("fasta/biopython_tricky.fastq"),
            SequenceSummary.Format.FASTQ);
    assertThat(r).hasSize(4);
    assertThat(r.get(0).id()).isEqualTo("071113_EAS56_0053:1:1:998:236");
    assertThat(r.get(0).sequence()).isEqualTo("TTTCTTGCCCCCATAGACTGAGACCTTCCCTAAATA");
    assertThat(r.get(0).quality()).isEqualTo("IIIIIIIIIIIIIIIIIIIIIIIIIIIIICII+III");
    // a quality string that starts with '@'
    assertThat(r.get(1).quality()).startsWith("@IIIIIIIIIIIIIII");
    List<SequenceRecord> zero =
        SequenceFiles.readAll(
            SharedTestData.formats().resolve("fasta/biopython_zero_length.fastq"));
    assertThat(zero.get(2).sequence()).isEmpty();
    assertThat(zero.get(2).quality()).isEmpty();
  }

  @Test
  void forEachStreamsUntilTheFirstError() throws Exception {
    List<String> ids = new ArrayList<>();
    Path bad = SharedTestData.formats().resolve("fasta/bad/biopython_error_diff_ids.fastq");
    assertThatThrownBy(() -> SequenceFiles.forEach(bad, null, rec -> ids.add(rec.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 11");
    assertThat(ids)
        .containsExactly("SLXA-B3_649_FC8437_R1_1_1_610_79", "SLXA-B3_649_FC8437_R1_1_1_397_389");
  }

  @Test
  void providerLoadsRecordsAsAList() throws Exception {
    Path f = Files.writeString(tmp.resolve("x.fa"), ">a one\nAC\nGT\n>b\nUU\n");
    Object loaded = new SequenceFormatProvider().load(f, ".fa", List.class).orElseThrow();
    assertThat(loaded)
        .asList()
        .containsExactly(
            new SequenceRecord("a", "one", "ACGT", null), new SequenceRecord("b", "", "UU", null));
  }
}
