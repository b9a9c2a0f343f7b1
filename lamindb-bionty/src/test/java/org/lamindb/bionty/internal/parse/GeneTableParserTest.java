package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.ValidationException;
import org.lamindb.bionty.GeneEntry;
import org.lamindb.bionty.SharedData;

class GeneTableParserTest {

  @Test
  void humanGenesWithHgncSynonyms() {
    Map<String, GeneEntry> genes = new HashMap<>();
    long n =
        new GeneTableParser()
            .parse(
                SharedData.file("genes_homo_sapiens.csv.gz"),
                SharedData.file("hgnc_complete_set.txt.gz"),
                g -> genes.put(g.ensemblGeneId(), g));
    // zcat genes_homo_sapiens.csv.gz | wc -l  -> 78894 (ids unique: cut -d, -f1 | sort | uniq -d is
    // empty)
    assertThat(n).isEqualTo(78_894);
    assertThat(genes).hasSize(78_894);
    // zcat hgnc_complete_set.txt.gz | grep -P '\tBRCA2\t' | cut -f2,9,11,19,20
    GeneEntry brca2 = genes.get("ENSG00000139618");
    assertThat(brca2.symbol()).isEqualTo("BRCA2");
    assertThat(brca2.biotype()).isEqualTo("protein_coding");
    assertThat(brca2.synonyms())
        .containsExactly("FAD", "FAD1", "BRCC2", "XRCC11", "FANCD1", "FACD", "FANCD");
    assertThat(brca2.ncbiGeneIds()).containsExactly("675");
    assertThat(genes.get("ENSG00000081059").synonyms()).containsExactly("TCF-1");
    assertThat(genes.get("ENSG00000165029").synonyms()).contains("ABC1");
    assertThat(genes.get("ENSG00000068097").synonyms()).contains("ABC1");
    // awk join of HGNC (first row per ensembl id; alias|prev minus the HGNC and the GENCODE symbol)
    // with the
    // gene table: 23418 genes keep at least one synonym
    assertThat(genes.values().stream().filter(g -> !g.synonyms().isEmpty()).count())
        .isEqualTo(23_418);
    // zcat genes_homo_sapiens.csv.gz | awk -F, '$5=="protein_coding"' | wc -l -> 20120
    assertThat(genes.values().stream().filter(g -> "protein_coding".equals(g.biotype())).count())
        .isEqualTo(20_120);
  }

  @Test
  void mouseGenesWithoutSynonyms() {
    long[] n = {0};
    long count =
        new GeneTableParser()
            .parse(
                SharedData.file("genes_mus_musculus.csv.gz"),
                null,
                g -> {
                  assertThat(g.ensemblGeneId()).startsWith("ENSMUSG");
                  n[0]++;
                });
    // zcat genes_mus_musculus.csv.gz | wc -l -> 78317
    assertThat(count).isEqualTo(78_317).isEqualTo(n[0]);
  }

  @Test
  void headerRowAndStrippedVersions(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("g.csv");
    Files.writeString(
        f,
        "ensembl_gene_id,symbol,biotype,description\n"
            + "ENSG00000000003.15,TSPAN6,protein_coding,\"tetraspanin 6, a protein\"\n");
    Map<String, GeneEntry> genes = new HashMap<>();
    new GeneTableParser().parse(f, null, g -> genes.put(g.ensemblGeneId(), g));
    GeneEntry g = genes.get("ENSG00000000003");
    assertThat(g.symbol()).isEqualTo("TSPAN6");
    assertThat(g.description()).isEqualTo("tetraspanin 6, a protein");
  }

  @Test
  void truncatedGzipIsAnError(@TempDir Path tmp) throws IOException {
    byte[] all = Files.readAllBytes(SharedData.file("genes_homo_sapiens.csv.gz"));
    Path f = tmp.resolve("cut.csv.gz");
    Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> new GeneTableParser().parse(f, null, g -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cut.csv.gz")
        .hasMessageContaining("truncated");
  }

  @Test
  void rowWithOneColumnIsAnErrorWithLineNumber(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bad.csv");
    Files.writeString(f, "ENSG1,A,1,2,protein_coding\nENSG2\n");
    assertThatThrownBy(() -> new GeneTableParser().parse(f, null, g -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad.csv:2");
  }
}
