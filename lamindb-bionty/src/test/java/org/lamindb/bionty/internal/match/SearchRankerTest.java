package org.lamindb.bionty.internal.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lamindb.bionty.SearchHit;

class SearchRankerTest {
  private final List<String> names =
      List.of("T cell", "regulatory T cell", "cell", "T-helper cell", "Tcellular");
  private final List<String> synonyms =
      Arrays.asList("T-cell|T lymphocyte", "Treg", null, "T cell helper", null);
  private final List<String> ids = List.of("CL:1", "CL:2", "CL:3", "CL:4", "CL:5");

  @Test
  void ranksPerTheDocumentedWeights() {
    List<SearchHit> hits = SearchRanker.search("T cell", names, synonyms, ids, 0, false);
    // T cell: name exact 1+200+10+2+2 = 215; synonyms "t-cell|t lymphocyte" do not contain "t cell"
    // regulatory T cell: name 1+10+2+2 = 15
    // T-helper cell: synonym "t cell helper" 1 + startswith 8 + phrase 10 + start 2 + end 2 = 23
    // Tcellular: name contains "tcell" only, not "t cell" -> absent; "cell" does not contain "t
    // cell"
    assertThat(hits)
        .extracting(SearchHit::name)
        .containsExactly("T cell", "T-helper cell", "regulatory T cell");
    assertThat(hits).extracting(SearchHit::rank).containsExactly(215, 23, 15);
  }

  @Test
  void synonymExactMatchCountsLikeANameMatch() {
    List<SearchHit> hits = SearchRanker.search("treg", names, synonyms, ids, 0, false);
    // synonyms "treg": contains 1 + whole 200 + part exact 200 + part startswith 8 + phrase 10 + 2
    // + 2
    assertThat(hits)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.ontologyId()).isEqualTo("CL:2");
              assertThat(h.rank()).isEqualTo(423);
            });
  }

  @Test
  void searchesOntologyIdsAndHonoursLimitAndCase() {
    assertThat(SearchRanker.search("CL:3", names, synonyms, ids, 0, false))
        .extracting(SearchHit::name)
        .containsExactly("cell");
    assertThat(SearchRanker.search("cell", names, synonyms, ids, 2, false)).hasSize(2);
    assertThat(SearchRanker.search("t cell", names, synonyms, ids, 0, true)).isEmpty();
    assertThatThrownBy(() -> SearchRanker.search(null, names, synonyms, ids, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void preLoweredSearchRanksLikeThePlainOne() {
    SearchRanker.Lowered lowered = SearchRanker.Lowered.of(names, synonyms, ids);
    for (String q : List.of("T cell", "treg", "CELL", "cl:3", "helper")) {
      assertThat(SearchRanker.search(q, names, ids, lowered, 0))
          .isEqualTo(SearchRanker.search(q, names, synonyms, ids, 0, false));
    }
  }
}
