package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.bionty.Bionty;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;

/**
 * {@code lamin curate <file> --schema ... [--add-new-from col] [--format json]} and {@code lamin
 * save --schema} through bin/lamin, on CELLxGENE's real example h5ad.
 */
class CurateCliTest {
  /** Three of the file's seven var ids, lines copied from ontologies/genes_homo_sapiens.csv.gz. */
  static final String GENES =
      "ENSG00000141510,TP53,19,2426,protein_coding\n"
          + "ENSG00000012048,BRCA1,26,3757,protein_coding\n"
          + "ENSG00000139618,BRCA2,19,11428,protein_coding\n";

  @TempDir Path tmp;

  @Test
  void curateReportsThenAddsNewLabelsAndSaveAnnotates() throws Exception {
    var lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    assertThat(
            lamin
                .run("init", "--storage", tmp.resolve("s").toString(), "--modules", "bionty")
                .exit())
        .isZero();
    String uid;
    try (LaminDB ln = LaminSetup.at(tmp.resolve("home"), Map.of()).connect()) {
      Path genes = Files.writeString(tmp.resolve("genes.csv"), GENES);
      ln.module(Bionty.class).genes().importSource(genes);
      Feature donor = ln.feature("donor_id", Dtype.ULABEL).save();
      Schema obs = ln.schema("obs").features(donor).save();
      Schema var = ln.schema("genes").itype("bionty.Gene.ensembl_gene_id").save();
      uid =
          ln.schema("scrna").otype("AnnData").slots(Map.of("obs", obs, "var.T", var)).save().uid();
    }
    String h5ad = SharedTestData.formats().resolve("h5ad/cellxgene_example_valid.h5ad").toString();

    var failed = lamin.run("curate", h5ad, "--schema", "scrna");
    assertThat(failed.exit()).as(failed.err()).isEqualTo(1);
    assertThat(failed.out())
        .contains("AnnData validated against schema 'scrna' (" + uid + "): failed")
        .contains("1 term not validated in feature 'donor_id' in slot 'obs': 'donor_1'")
        .contains("3 of 7 validated");

    var json = lamin.run("curate", h5ad, "--schema", uid, "--format", "json");
    assertThat(json.exit()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertThat(j.get("ok").asBoolean()).isFalse();
    java.util.List<String> slots = new java.util.ArrayList<>();
    j.get("slots").forEach(x -> slots.add(x.get("slot").asText()));
    assertThat(slots).containsExactlyInAnyOrder("obs", "var.T");

    var refused = lamin.run("save", h5ad, "--key", "scrna.h5ad", "--schema", "scrna");
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("donor_1");

    var fixed = lamin.run("curate", h5ad, "--schema", "scrna", "--add-new-from", "donor_id");
    assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
    assertThat(fixed.err()).contains("→ created 1 record(s) from obs/donor_id: [donor_1]");
    assertThat(fixed.out()).contains("): passed");

    var saved = lamin.run("save", h5ad, "--key", "scrna.h5ad", "--schema", "scrna");
    assertThat(saved.exit()).as(saved.err()).isZero();
    assertThat(saved.out()).contains("→ validated with schema scrna (" + uid + ")");
    try (LaminDB ln = LaminSetup.at(tmp.resolve("home"), Map.of()).connect()) {
      var a = ln.artifacts().get("key", "scrna.h5ad");
      assertThat(a.schema().uid()).isEqualTo(uid);
      assertThat(a.features().labels("donor_id"))
          .extracting(r -> r.get("name"))
          .containsExactly("donor_1");
    }
  }
}
