package org.lamindb.bionty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnsemblOrganismsTest {

  @Test
  void infersHumanAndMouseFromPrefixes() {
    assertThat(EnsemblOrganisms.organismOf("ENSG00000139618")).contains("human");
    assertThat(EnsemblOrganisms.organismOf("ENSG00000139618.17")).contains("human");
    assertThat(EnsemblOrganisms.organismOf("ENSMUSG00000051951")).contains("mouse");
    assertThat(EnsemblOrganisms.organismOf("YAL001C")).isEmpty();
    assertThat(EnsemblOrganisms.prefixOf("ENSMUSG00000051951")).isEqualTo("ENSMUSG");
  }

  @Test
  void usesTheFirstEnsemblIdLikeBionty() {
    assertThat(EnsemblOrganisms.infer(List.of("foo", "ENSMUSG00000015243", "ENSG00000165029")))
        .contains("mouse");
    assertThat(EnsemblOrganisms.infer(List.of("foo"))).isEmpty();
  }

  @Test
  void everyIdOfTheSharedGeneTablesIsInferred() {
    // zcat genes_homo_sapiens.csv.gz | cut -d, -f1 | grep -vc '^ENSG' -> 0 (likewise ENSMUSG for
    // mouse)
    long[] wrong = {0};
    new org.lamindb.bionty.internal.parse.GeneTableParser()
        .parse(
            SharedData.file("genes_mus_musculus.csv.gz"),
            null,
            g ->
                wrong[0] +=
                    EnsemblOrganisms.organismOf(g.ensemblGeneId()).orElse("").equals("mouse")
                        ? 0
                        : 1);
    assertThat(wrong[0]).isZero();
  }
}
