package org.lamindb.bionty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lamindb.bionty.internal.parse.GeneTableParser;
import org.lamindb.curate.InspectResult;
import org.lamindb.curate.Vocabulary;

class PublicOntologyTest {

  @Test
  void inspectOfClNamesFromBiontyTests() {
    PublicOntology cl =
        PublicOntology.load(SharedData.file("cl-basic.obo"), BiontyEntity.CELL_TYPE);
    // bionty tests: [T, T, T, T, F]; each name found once with grep -c '^name: <n>$' cl-basic.obo
    List<String> values =
        List.of(
            "Boettcher cell",
            "bone marrow cell",
            "interstitial cell of ovary",
            "pancreatic ductal cell",
            "This cell type does not exist");
    assertThat(cl.validate(values, "name")).containsExactly(true, true, true, true, false);
    InspectResult r = cl.inspect(values, "name");
    assertThat(r.nonValidated()).containsExactly("This cell type does not exist");
  }

  @Test
  void standardizesClSynonymsAndCasing() {
    PublicOntology cl =
        PublicOntology.load(SharedData.file("cl-basic.obo"), BiontyEntity.CELL_TYPE);
    // cl-basic.obo: CL:0000084 "T cell" has EXACT synonyms "T lymphocyte", "T-cell"; "immature T
    // cell" is RELATED
    assertThat(cl.standardize(List.of("T-cell", "t lymphocyte", "T CELL", "immature T cell")))
        .containsExactly("T cell", "T cell", "T cell", "immature T cell");
    assertThat(cl.toOntologyIds(List.of("T-lymphocyte"))).containsExactly("CL:0000084");
    assertThat(cl.search("T cell").get(0).ontologyId()).isEqualTo("CL:0000084");
    assertThat(cl.search("CL:0000084").get(0).name()).isEqualTo("T cell");
  }

  @Test
  void standardizesGeneSymbolsWithHgncPreviousSymbols() {
    List<String> symbols = new ArrayList<>();
    List<String> synonyms = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    new GeneTableParser()
        .parse(
            SharedData.file("genes_homo_sapiens.csv.gz"),
            SharedData.file("hgnc_complete_set.txt.gz"),
            g -> {
              symbols.add(g.symbol());
              synonyms.add(g.synonymsColumn());
              ids.add(g.ensemblGeneId());
            });
    Vocabulary genes = Vocabulary.of(symbols, synonyms);
    // bionty docs: Gene.standardize(["A1CF","A1BG","FANCD1","FANCD20"]) ->
    // ['A1CF','A1BG','BRCA2','FANCD20']
    assertThat(
            genes.standardize(
                List.of("A1CF", "A1BG", "FANCD1", "FANCD20"), false, Vocabulary.Keep.FIRST, null))
        .containsExactly("A1CF", "A1BG", "BRCA2", "FANCD20");
    // BRCA2 -> ENSG00000139618 (bionty test_models); TCF-1 is an HGNC alias of TCF7
    // (ENSG00000081059)
    assertThat(genes.standardize(List.of("BRCA2", "TCF-1"), false, Vocabulary.Keep.FIRST, ids))
        .containsExactly("ENSG00000139618", "ENSG00000081059");
  }
}
