package org.lamindb.cli.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.bionty.Bionty;
import org.lamindb.formats.AnnData;
import org.lamindb.internal.features.Schemas;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.testing.Backend;

/**
 * {@code ln.artifact(adata).schema("ensembl_gene_ids_and_valid_features_in_obs")} (spec §8.3–8.4)
 * on CELLxGENE's example AnnData: 2 cells (obs donor_id donor_1, tissue_type tissue,
 * is_primary_data true) × 7 Ensembl genes, of which 3 are in the gene registry.
 */
abstract class AbstractAnnDataCurationTest {
  static final String H5AD = "h5ad/cellxgene_example_valid.h5ad";

  /** Three of the file's seven var ids, lines copied from ontologies/genes_homo_sapiens.csv.gz. */
  static final String GENES =
      "ENSG00000141510,TP53,19,2426,protein_coding\n"
          + "ENSG00000012048,BRCA1,26,3757,protein_coding\n"
          + "ENSG00000139618,BRCA2,19,11428,protein_coding\n";

  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() throws Exception {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    Path genes = Files.writeString(tmp.resolve("genes.csv"), GENES);
    ln.module(Bionty.class).genes().importSource(genes);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  static AnnData adata() {
    return AnnData.read(SharedTestData.formats().resolve(H5AD));
  }

  @Test
  void builtInSchemaHasTheSpecUidsAndHashes() {
    Schema s =
        Schemas.byName(
            org.lamindb.internal.core.Access.instance(ln),
            "anndata_ensembl_gene_ids_and_valid_features_in_obs");
    assertThat(s.uid()).isEqualTo("0000000000000002");
    assertThat(s.hash()).isEqualTo("aqGWHvyY49W_PHELUMiBMw");
    assertThat(s.otype()).isEqualTo("AnnData");
    Map<String, Schema> slots =
        Schemas.components(org.lamindb.internal.core.Access.instance(ln), s.id());
    assertThat(slots.keySet()).containsExactly("obs", "var.T");
    assertThat(slots.get("obs").uid()).isEqualTo("0000000000000000");
    assertThat(slots.get("var.T").uid()).isEqualTo("0000000000000001");
    assertThat(slots.get("var.T").hash()).isEqualTo("1gocc_TJ1RU2bMwDRK-WUA");
    assertThat(slots.get("var.T").itype()).isEqualTo("bionty.Gene.ensembl_gene_id");
  }

  @Test
  void obsAndVarAreValidatedAndAnnotated() {
    ln.ulabel("donor_1").save();
    Feature donor = ln.feature("donor_id", Dtype.ULABEL).save();
    Feature tissueType = ln.feature("tissue_type", Dtype.STR).save();
    Feature primary = ln.feature("is_primary_data", Dtype.BOOL).save();
    Artifact a =
        ln.artifact(adata())
            .key("my_datasets/scrna.h5ad")
            .schema("ensembl_gene_ids_and_valid_features_in_obs")
            .save();
    assertThat(a.schema().uid()).isEqualTo("0000000000000002");
    assertThat(a.features().labels("donor_id"))
        .extracting(r -> r.get("name"))
        .containsExactly("donor_1");

    List<Schema> linked = ln.schemas().filter("artifacts__id", a.id()).list();
    assertThat(linked).hasSize(2);
    Schema obs = linked.stream().filter(s -> "Feature".equals(s.itype())).findFirst().orElseThrow();
    // obs columns in file order: tissue_type, is_primary_data, ..., donor_id
    assertThat(obs.members()).containsExactly(tissueType, primary, donor);
    Schema var =
        linked.stream().filter(s -> !"Feature".equals(s.itype())).findFirst().orElseThrow();
    assertThat(var.itype()).isEqualTo("bionty.Gene.ensembl_gene_id");
    assertThat(var.nMembers()).isEqualTo(3L);

    String d = a.describeText();
    assertThat(d).contains("schema: anndata_ensembl_gene_ids_and_valid_features_in_obs");
    assertThat(d).contains("obs (3)");
    assertThat(d).contains("var.T (3 bionty.Gene)");
    assertThat(d).containsPattern("donor_id +ULabel +donor_1");
  }

  @Test
  void unknownObsValuesNameTheSlotAndNothingIsWritten() {
    ln.feature("donor_id", Dtype.ULABEL).save();
    AnnData data = adata(); // outside the lambda: a missing shared/data folder skips the test
    assertThatThrownBy(
            () ->
                ln.artifact(data)
                    .key("my_datasets/scrna.h5ad")
                    .schema("ensembl_gene_ids_and_valid_features_in_obs")
                    .save())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "1 term not validated in feature 'donor_id' in slot 'obs': 'donor_1'\n"
                + "    → fix typos, remove non-existent values, or create objects via:\n"
                + "\n"
                + "  for (String name : List.of(\"donor_1\")) ln.ulabel(name).save();");
    assertThat(ln.artifacts().count()).isZero();
  }

  @Test
  void aDataFrameSchemaRejectsAnnData() {
    AnnData data = adata();
    assertThatThrownBy(() -> ln.artifact(data).schema("valid_features"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("not AnnData");
  }
}
