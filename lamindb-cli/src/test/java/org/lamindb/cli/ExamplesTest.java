package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's quickstart script exactly as a user would, so the documentation cannot drift.
 */
class ExamplesTest {
  @TempDir Path tmp;

  /**
   * The build always sets LAMIN_SHARED_DATA (to ../shared/data): it counts only when that folder
   * exists.
   */
  private static boolean sharedDataExists() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    return env != null && Files.isDirectory(Path.of(env));
  }

  private String run(String script) throws Exception {
    Path repo =
        Path.of(System.getProperty("lamin.launcher", "../bin/lamin"))
            .toAbsolutePath()
            .getParent()
            .getParent();
    Path out = tmp.resolve("out.txt");
    Process p =
        new ProcessBuilder("bash", repo.resolve(script).toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void seedReadmeSnippetsRunInJava() throws Exception {
    String text = run("examples/seed-readme.sh");
    assertThat(text)
        .contains("by experiment_date: 1")
        .contains("latest version: 0001, versions: 2")
        .contains("parquet rows: 2, otype DataFrame")
        .contains("validated with schema: valid_features (0000000000000000)")
        .contains("└── columns (4)")
        .contains(
            "AnnData validated with schema: anndata_ensembl_gene_ids_and_valid_features_in_obs")
        .contains("design_sample       Record[Sample]           P53mutant1")
        .contains(".projects           Project                  My project");
    if (Files.exists(Path.of("../../shared/data/ontologies/cl-basic.obo"))
        || Files.exists(Path.of("../shared/data/ontologies/cl-basic.obo"))) {
      assertThat(text).contains("cell types validated: true, false");
    }
  }

  @Test
  void firstHourExampleRuns() throws Exception {
    String text = run("examples/first-hour.sh");
    assertThat(text)
        .contains("→ returning artifact with same hash: ")
        .containsPattern("uid +key +description +suffix +kind +otype +size +is_latest +created_at")
        .contains("Run: ")
        .contains("├── Params", "min_length: 4", "Transform: count.sh (0000)", "├── Versions")
        .contains("/checkout/count.sh")
        .contains("'gc_contnet'; did you mean 'gc_content'?")
        .contains("lamin create feature gc_contnet --dtype str")
        .contains("Usage: lamin save");
  }

  @Test
  void ontologiesExampleRuns() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(Path.of("../../shared/data/ontologies/cl-basic.obo"))
            || Files.exists(Path.of("../shared/data/ontologies/cl-basic.obo"))
            || sharedDataExists(),
        "shared ontology files not found; skipping");
    String text = run("examples/ontologies.sh");
    // expected values: jq over the cellxgene CL JSON (2902 current CL terms; "T cell" has the
    // synonym "T-cell", parent CL:0000542 "lymphocyte"), zcat | wc -l of the gene table (78894),
    // HGNC prev/alias symbols (FANCD1 -> BRCA2, TCF-1 -> TCF7)
    assertThat(text)
        .contains("current CellType source: cl 2025-04-10 (all)")
        .contains("added 2902 new records")
        .contains("added 78894 new records")
        .contains("validated: true, false, false, false")
        .contains("non-validated: [t cell, T-cell, unicorn]")
        .contains("standardized: [T cell, T cell, T cell, unicorn]")
        .contains("genes: [BRCA2, BRCA2, TCF7]")
        .contains("ensembl ids validated: true, false")
        .contains("queried: T cell")
        .contains("searched: T cell")
        .contains("parents of T cell: [lymphocyte]")
        .contains("bionty.CellType *")
        .contains("1 of 2 validated");
  }

  @Test
  void schemasExampleComposesAndCurates() throws Exception {
    String text = run("examples/schemas.sh");
    assertThat(text)
        .contains("Schema: scrna (")
        .contains("slot obs → scrna_obs", "slot var.T → ensembl_genes")
        .containsPattern("donor +str \\(optional\\)")
        .contains("valid: false")
        .contains(
            "2 terms not validated in feature 'cell_type_by_model' in slot 'obs': 'b cell', 'NK cell'")
        .contains("0 of 10 validated")
        .contains("standardized: {b cell=B cell}")
        .contains("created: [NK cell]")
        .contains("valid: true")
        .contains("saved my_datasets/scrna.h5ad with schema scrna")
        .contains("AnnData validated against schema 'scrna'")
        .contains("): passed")
        .contains("\"ok\" : false")
        .contains("exit code 1");
  }

  @Test
  void validateExampleRunsInJavaAndOnTheCommandLine() throws Exception {
    String text = run("examples/validate.sh");
    assertThat(text)
        .contains("labels validated: true, false, true")
        .contains("perturbations validated: true, false")
        .contains("validated [gc_content], not validated [GC_content, gc, unknown]")
        .contains("suggestions {GC_content=gc_content, gc=gc_content}")
        .contains("   detected 2 unique terms with inconsistent casing/synonyms: GC_content, gc")
        .contains("standardized [gc_content, gc_content, reads]")
        .contains("records [P53mutant1]")
        .contains("2 of 2 validated")
        .contains("1 of 3 validated")
        .contains("   gc → gc_content")
        .contains("exit code 1");
  }

  @Test
  void dbExampleQueriesAPublishedInstanceFromAnEmptyHome() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(Path.of("../../shared/data/ontologies/MONDO-ontology-v2025-05-06.json"))
            || Files.exists(Path.of("../shared/data/ontologies/MONDO-ontology-v2025-05-06.json"))
            || sharedDataExists(),
        "shared data not found; skipping");
    String text = run("examples/db.sh");
    // expected values: the MONDO JSON release 2025-05-06 (26264 terms; MONDO:0004975 is named
    // "Alzheimer disease"), the size of cellxgene_example_valid.h5ad (ls -l: 65648 bytes)
    assertThat(text)
        .contains("added 26264 new records")
        .contains("→ published anonymous/cellxgene to catalog")
        .contains("anonymous/cellxgene  db=sqlite")
        .contains("got cellxgene/example.h5ad (65648 bytes)")
        .contains("disease: Alzheimer disease MONDO:0004975")
        .contains("filtered: 1 artifact(s)")
        .contains("read-only: true")
        .containsPattern("\\w{20} cellxgene/example.h5ad")
        .containsPattern("\\w{20}  cellxgene/example.h5ad  cellxgene example  .h5ad");
  }

  @Test
  void collectionsExampleQueriesAcrossMembers() throws Exception {
    String text = run("examples/collections.sh");
    // expected values: batch1..3.csv of the script (g=a: 1.5, 3.0, 5.0; g=b: 2.5, 4.0; g=c: 6.0)
    assertThat(text)
        .containsPattern("→ collection uid=\\w{16}0000 key=lake/all version=0000 artifacts=2")
        .containsPattern("→ collection uid=\\w{16}0001 key=lake/all version=0001 artifacts=3")
        .contains("g,n,mean_x", "a,3,3.1666666666666665", "b,2,3.25", "c,1,6")
        .containsPattern("\\{\"sample\": \"s5\", \"artifact_uid\": \"\\w{20}\"\\}")
        .contains("└── Artifacts (3)");
  }

  @Test
  void quickstartScriptRunsEndToEnd() throws Exception {
    String text = run("examples/quickstart.sh");
    assertThat(text)
        .contains("→ initialized lamindb: ")
        .contains("→ saved artifact uid=")
        .contains("Artifact: examples/myfile.txt (0000)")
        .contains("Artifact: sample.fasta (0000)")
        .contains("content: >seq1");
  }

  @Test
  void repairScriptRemovesOnlyDeadLeftoversOlderThanTheGrace() throws Exception {
    String text = run("examples/repair.sh");
    assertThat(text)
        .contains("remove: ", ".lamindb-tmp-AAAAAAAAAAAAAAAA.txt (temporary upload, age 3h")
        .contains("keep: ", "BBBBBBBBBBBBBBBB0000.txt (unreferenced file, age ")
        .contains("younger than the grace 1h 0m")
        .contains("→ 1 leftover(s) found, 1 kept")
        .contains("→ 1 leftover(s) removed")
        .contains("→ up to date, nothing to migrate")
        .doesNotContain("missing: ");
  }

  @Test
  void formatsExampleShowsMuDataModalitiesAndSkippedElements() throws Exception {
    String text = run("examples/formats.sh");
    // expected values: the fixtures written by
    // lamindb-formats/src/test/resources/fixtures/make_fixtures.py
    assertThat(text)
        .contains("MuData 4 x 5 (2 modalities)")
        .contains("rna: 4 x 3")
        .contains("atac: 4 x 2")
        .contains("otype MuData, modalities [rna, atac]")
        .contains("rna 4 x 3, cell types [B, T, B, T]")
        .contains("anndata 0.6 obsm: [X_pca, X_umap], raw var: 3")
        .contains("warning: skipped /obsm/ragged")
        .contains("warning: skipped /uns/future");
  }

  @Test
  void uiExampleServesPagesAndTakesNotes() throws Exception {
    String text = run("examples/ui.sh");
    assertThat(text)
        .contains("→ readme ", "→ comment ")
        .contains("lamin ui printed: http://127.0.0.1:")
        .contains("<h1>Counts</h1>", "<strong>alice</strong>", "<em>browser</em>")
        .contains("comment without token → HTTP 403", "comment with token → HTTP 302")
        .contains("── comment", "added in the *browser*");
  }
}
