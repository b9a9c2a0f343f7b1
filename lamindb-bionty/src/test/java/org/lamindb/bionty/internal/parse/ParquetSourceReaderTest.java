package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.ValidationException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.SharedData;

class ParquetSourceReaderTest {

  @Test
  void readsPhecodeParquet() {
    List<OntologyTerm> terms = new ArrayList<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(
            SharedData.file("df_human__phecode__1.2__Phenotype.parquet"),
            BiontyEntity.PHENOTYPE,
            null,
            terms::add);
    // 1866 rows per shared/data/ontologies/README.md (written by the data curator with pyarrow)
    assertThat(terms).hasSize(1866);
    assertThat(s.sourceName()).isEqualTo("phecode");
    assertThat(s.version()).isEqualTo("1.2");
    assertThat(terms).allMatch(t -> t.name() != null && !t.ontologyId().isBlank());
  }

  @Test
  void notAParquetFileIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("x.parquet");
    Files.writeString(f, "not parquet");
    assertThatThrownBy(() -> new ParquetSourceReader().parse(f, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("x.parquet");
  }
}
