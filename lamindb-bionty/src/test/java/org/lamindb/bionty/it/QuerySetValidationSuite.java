package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.model.CellType;
import org.lamindb.curate.InspectResult;
import org.lamindb.query.QuerySet;
import org.lamindb.testing.Backend;

/**
 * The core query-set validation helpers on a bionty registry agree with the registry's own (same
 * engine; synonyms from the {@code synonyms} column), and filters narrow them.
 */
abstract class QuerySetValidationSuite {
  @TempDir Path tmp;
  LaminDB ln;
  Bionty bt;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    bt = ln.module(Bionty.class);
    bt.cellTypes().importSource(SharedData.file("cl-basic.obo"));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void querySetHelpersMatchTheRegistryHelpers() {
    // cl-basic.obo: CL:0000084 "T cell" has synonyms T lymphocyte, T-cell, T-lymphocyte
    List<String> in =
        Arrays.asList("T cell", "t cell", "T-cell", "t-lymphocyte", "B cell", "x", null);
    assertThat(core().validate(in)).containsExactly(bt.cellTypes().validate(in));
    assertThat(core().standardize(in))
        .containsExactly("T cell", "T cell", "T cell", "T cell", "B cell", "x", null)
        .containsExactlyElementsOf(bt.cellTypes().standardize(in));
    InspectResult q = core().inspect(in);
    InspectResult r = bt.cellTypes().inspect(in);
    assertThat(q.validated()).containsExactly("T cell", "B cell").isEqualTo(r.validated());
    assertThat(q.nonValidated()).isEqualTo(r.nonValidated());
    assertThat(q.synonymsMapper()).isEqualTo(r.synonymsMapper());
    assertThat(q.messages()).isEqualTo(r.messages());
    assertThat(core().standardize(List.of("T-cell"), "name", "ontology_id"))
        .containsExactly("CL:0000084");
  }

  @Test
  void filtersNarrowTheOntologyVocabulary() {
    assertThat(
            bt.cellTypes()
                .filter("ontology_id", "CL:0000084")
                .validate(List.of("T cell", "B cell")))
        .containsExactly(true, false);
  }

  /** Core's query set over the registry (its own validate/standardize, not bionty's). */
  private QuerySet<CellType> core() {
    return QuerySet.of(ln, CellType.class);
  }
}
