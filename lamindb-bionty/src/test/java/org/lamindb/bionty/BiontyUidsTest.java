package org.lamindb.bionty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fixed vectors from bionty's tests/core/test_models.py (see spec/bionty-behaviour.md, uid
 * encoding).
 */
class BiontyUidsTest {

  @Test
  void cellTypeUidIsHashOfOntologyId() {
    assertThat(BiontyUids.ofOntologyRecord("CL:0000084")).isEqualTo("22LvKd01YyNA1a");
  }

  @Test
  void organismUidIsHashOfOntologyId() {
    assertThat(BiontyUids.ofOntologyRecord("NCBITaxon:9606")).isEqualTo("1dpCL6TduFJ3AP");
  }

  @Test
  void cellMarkerUidIsHashOfNamePlusOrganism() {
    assertThat(BiontyUids.ofNamedRecord("test", "human")).isEqualTo("2dZ52W9noUDKVE");
  }

  @Test
  void geneUidIsHashOfEnsemblId() {
    assertThat(BiontyUids.ofGene("ENSG00000081059", null, "TCF7", "human"))
        .isEqualTo("7IkHKPl0ScQRSB");
  }

  @Test
  void sourceUidIsHashOfEntityNameOrganismVersion() {
    assertThat(BiontyUids.ofSource("bionty.Disease", "mondo", "all", "2023-04-04"))
        .isEqualTo("Hgw08Vk3");
  }

  @Test
  void leadingZeroBytesArePrefixed() {
    // lamin-utils encodebytes: one leading zero byte -> "0" + alphabet[1]; 0x01 -> "1"
    assertThat(BiontyUids.base62(new byte[] {0, 1})).isEqualTo("011");
    // 62 = "10" in base62
    assertThat(BiontyUids.base62(new byte[] {62})).isEqualTo("10");
  }
}
