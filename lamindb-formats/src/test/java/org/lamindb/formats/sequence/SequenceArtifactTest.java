package org.lamindb.formats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;

/**
 * FASTA/FASTQ artifacts through {@link LaminDB} (the seed README's {@code sample.fasta}), SQLite
 * backend.
 */
class SequenceArtifactTest {
  @TempDir Path tmp;
  LaminDB ln;

  @BeforeEach
  void open() {
    ln = Backend.SQLITE.newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void fastaRegistersWithRecordCountAndLoadsAsSummaryOrText() throws Exception {
    Path f = Files.writeString(tmp.resolve("sample.fasta"), ">seq1\nACGT\n");
    Artifact a = ln.artifact(f).key("sample.fasta").save();
    assertThat(a.otype()).isNull();
    assertThat(a.nObservations()).isEqualTo(1L);
    SequenceSummary s = (SequenceSummary) a.load();
    assertThat(s.totalLength()).isEqualTo(4);
    assertThat(s.alphabet()).isEqualTo(Alphabet.DNA);
    assertThat(a.load(String.class)).isEqualTo(">seq1\nACGT\n");
  }

  @Test
  void gzippedFastqFromTheSharedDataRegisters() throws Exception {
    Path f = tmp.resolve("reads.fq.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      Files.copy(SharedTestData.formats().resolve("fasta/htslib_r1.fq"), out);
    }
    Artifact a = ln.artifact(f).key("runs/reads.fq.gz").save();
    assertThat(a.suffix()).isEqualTo(".fq.gz");
    assertThat(a.nObservations()).isEqualTo(5L);
    assertThat(((SequenceSummary) a.load()).totalLength()).isEqualTo(500);
  }

  @Test
  void malformedFastqIsRejectedWithItsLineAndLeavesNoRow() throws Exception {
    Path f =
        Files.copy(
            SharedTestData.formats().resolve("fasta/bad/biopython_error_qual_space.fastq"),
            tmp.resolve("bad.fastq"));
    assertThatThrownBy(() -> ln.artifact(f).key("bad.fastq").save())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 16");
    assertThat(
            Access.instance(ln).db().dsl().fetchCount(org.jooq.impl.DSL.table("lamindb_artifact")))
        .isZero();
  }
}
