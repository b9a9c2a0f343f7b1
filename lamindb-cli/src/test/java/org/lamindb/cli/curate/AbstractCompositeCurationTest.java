package org.lamindb.cli.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.curate.Curator;
import org.lamindb.curate.ValidationReport;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.MuData;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Composite curation (spec §8.4) with one engine: AnnData (CELLxGENE's real h5ad, by path and in
 * memory), MuData (the real mudata 0.4.1 h5mu) and a SpatialData zarr store written element by
 * element here (root attrs, images/labels arrays, points/shapes parquet folders, tables as AnnData
 * zarr) since no SpatialData writer is installed.
 */
abstract class AbstractCompositeCurationTest {
  static final String H5AD = "h5ad/cellxgene_example_valid.h5ad";
  static final String H5MU = "h5ad/mudata-v0.4.1_mdata_axis0.h5mu";

  @TempDir Path tmp;
  LaminDB ln;
  Schema genes;

  abstract Backend backend();

  @BeforeEach
  void open() throws Exception {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    Path g = Files.writeString(tmp.resolve("genes.csv"), AbstractAnnDataCurationTest.GENES);
    ln.module(Bionty.class).genes().importSource(g);
    genes = ln.schema("genes").itype("bionty.Gene.ensembl_gene_id").save();
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void anndataFileIsCuratedWithoutLoadingXThenSavedAnnotated() {
    Path h5ad = SharedTestData.formats().resolve(H5AD);
    Feature donor = ln.feature("donor_id", Dtype.ULABEL).save();
    ln.feature("tissue_type", Dtype.STR).save();
    Schema obs = ln.schema("obs").features(donor).flexible(true).save();
    Schema s = ln.schema("scrna").otype("AnnData").slots(Map.of("obs", obs, "var.T", genes)).save();
    Curator c = ln.curator(h5ad, s);
    assertThat(c.validate()).isFalse();
    ValidationReport r = c.report();
    assertThat(r.otype()).isEqualTo("AnnData");
    assertThat(r.slot("obs").columns())
        .filteredOn(col -> col.name().equals("donor_id"))
        .singleElement()
        .satisfies(col -> assertThat(col.nonValidated()).containsExactly("donor_1"));
    ValidationReport.Column var = r.slot("var.T").columns().get(0);
    assertThat(var.detail()).isEqualTo("3 of 7 validated"); // unknown ids tolerated: not maximal
    assertThat(r.slot("var.T").ok()).isTrue();
    assertThat(c.addNewFrom("obs", "donor_id")).containsExactly("donor_1");
    assertThat(c.validate()).isTrue();
    Artifact a = c.save("datasets/scrna.h5ad");
    assertThat(a.schema()).isEqualTo(s);
    assertThat(a.features().labels("donor_id"))
        .extracting(x -> x.get("name"))
        .containsExactly("donor_1");
    assertThat(a.describeText()).contains("var.T (3 bionty.Gene)");
  }

  @Test
  void standardizeChangesTheInMemoryAnnData() {
    ln.ulabel("T cell").save();
    Feature ct = ln.feature("cell_type", Dtype.ULABEL).save();
    Table obsT =
        Table.create(
            "obs",
            StringColumn.create("_index", "c1", "c2", "c3"),
            StringColumn.create("cell_type", "T cell", "t cell", "T CELL"));
    Table varT =
        Table.create("var", StringColumn.create("_index", "ENSG00000141510", "ENSG00000012048"));
    AnnData adata = new AnnData(DenseMatrix.of(new double[3][2]), obsT, varT);
    Schema s =
        ln.schema("ct")
            .otype("AnnData")
            .slots(Map.of("obs", ln.schema("ct_obs").features(ct).save(), "var.T", genes))
            .save();
    Curator c = ln.curator(adata, s);
    assertThat(c.validate()).isFalse();
    assertThat(c.standardize("obs", "cell_type"))
        .containsExactly(Map.entry("t cell", "T cell"), Map.entry("T CELL", "T cell"));
    assertThat(adata.obs().stringColumn("cell_type").asList()).containsOnly("T cell");
    assertThat(c.validate()).isTrue();
  }

  @Test
  void optionalXChecksStreamXOnlyWhenTheVarSchemaAsksForCounts() {
    Schema counts = ln.schema("counts").itype("bionty.Gene.ensembl_gene_id").dtype("int").save();
    Schema floats = ln.schema("floats").itype("bionty.Gene.ensembl_gene_id").dtype("float").save();
    Table varT =
        Table.create("var", StringColumn.create("_index", "ENSG00000141510", "ENSG00000012048"));
    Table obsT = Table.create("obs", StringColumn.create("_index", "c1", "c2", "c3"));
    Schema s = ln.schema("c").otype("AnnData").slots(Map.of("var.T", counts)).save();
    AnnData ints = new AnnData(DenseMatrix.of(new double[][] {{1, 2}, {0, 3}, {4, 0}}), obsT, varT);
    assertThat(ln.curator(ints, s).validate()).isTrue();
    assertThat(ln.curator(ints, s).report().slot("var.T").columns())
        .extracting(ValidationReport.Column::name)
        .containsExactly("index", "X");
    AnnData bad =
        new AnnData(
            DenseMatrix.of(new double[][] {{1.5, 2}, {0, -3}, {4, 0}}), obsT.copy(), varT.copy());
    assertThat(ln.curator(bad, s).report().problems())
        .containsExactly(
            "X has non-integer values (float64), but slot 'var.T' expects integer counts (dtype int)",
            "X has negative values (min -3.0), but slot 'var.T' expects counts (dtype int)");
    // from a file: X (csr float32) is read in row chunks only for these checks
    Path h5ad = SharedTestData.formats().resolve(H5AD);
    Schema f = ln.schema("f").otype("AnnData").slots(Map.of("var.T", floats)).save();
    ValidationReport r = ln.curator(h5ad, f).report();
    assertThat(r.ok()).as(r.toText()).isTrue();
    assertThat(r.slot("var.T").columns().get(1).detail()).startsWith("float32, 2 x 7, min ");
    Schema plain = ln.schema("p").otype("AnnData").slots(Map.of("var.T", genes)).save();
    assertThat(ln.curator(h5ad, plain).report().slot("var.T").columns()).hasSize(1);
  }

  @Test
  void mudataSlotsPerModality() {
    Path h5mu = SharedTestData.formats().resolve(H5MU);
    Feature arange = ln.feature("arange", Dtype.INT).save();
    Feature featureType = ln.feature("feature_type", Dtype.ULABEL).save();
    Feature itypeFeature = ln.feature("mod1_var_0", Dtype.STR).save();
    Map<String, Schema> slots = new LinkedHashMap<>();
    slots.put("obs", ln.schema("global_obs").features(arange).save());
    slots.put("mod1:var", ln.schema("mod1_var").features(featureType).save());
    slots.put("mod1:var.T", ln.schema("mod1_vars").itype("Feature").save());
    Schema s = ln.schema("mu").otype("MuData").slots(slots).save();
    Curator c = ln.curator(h5mu, s);
    assertThat(c.validate()).isFalse();
    ValidationReport r = c.report();
    assertThat(r.slot("obs").ok()).isTrue();
    assertThat(r.slot("mod1:var").columns())
        .filteredOn(col -> col.name().equals("feature_type"))
        .singleElement()
        .satisfies(col -> assertThat(col.nonValidated()).containsExactly("mod1"));
    assertThat(r.slot("mod1:var.T").columns().get(0).detail()).isEqualTo("1 of 20 validated");
    assertThat(itypeFeature.isSaved()).isTrue();
    c.addNewFrom("mod1:var", "feature_type");
    assertThat(c.validate()).isTrue();
    // the in-memory MuData gives the same slots
    assertThat(ln.curator(MuData.read(h5mu), s).validate()).isTrue();
    Schema wrong =
        ln.schema("rna").otype("MuData").slots(Map.of("rna:obs", slots.get("obs"))).save();
    ValidationReport w = ln.curator(h5mu, wrong).report();
    assertThat(w.problems())
        .singleElement()
        .asString()
        .startsWith("slot 'rna:obs' is not in the MuData; its slots: obs, ")
        .contains("mod1:obs", "mod1:var.T", "mod2:var");
  }

  /** Writes a SpatialData store element by element (SpatialData's zarr layout, zarr v2). */
  static Path spatialData(Path root) throws Exception {
    Files.createDirectories(root);
    Files.writeString(root.resolve(".zgroup"), "{\"zarr_format\": 2}");
    Files.writeString(
        root.resolve(".zattrs"),
        "{\"spatialdata_attrs\": {\"version\": \"0.2\"}, \"assay\": \"Visium\", \"n_sections\": 2}");
    multiscale(root.resolve("images/blobs_image"), "[3, 64, 48]");
    multiscale(root.resolve("labels/blobs_labels"), "[64, 48]");
    for (String g : List.of("images", "labels", "points", "shapes", "tables")) {
      Files.createDirectories(root.resolve(g));
      Files.writeString(root.resolve(g).resolve(".zgroup"), "{\"zarr_format\": 2}");
    }
    Path points = Files.createDirectories(root.resolve("points/blobs_points/points.parquet"));
    Files.writeString(points.getParent().resolve(".zgroup"), "{\"zarr_format\": 2}");
    Path shapes = Files.createDirectories(root.resolve("shapes/blobs_circles"));
    Files.writeString(shapes.resolve(".zgroup"), "{\"zarr_format\": 2}");
    Table obs =
        Table.create(
            "obs",
            StringColumn.create("_index", "c1", "c2", "c3"),
            StringColumn.create("cell_type", "T cell", "T cell", "B cell"),
            StringColumn.create("region", "blobs_labels", "blobs_labels", "blobs_labels"));
    Table var =
        Table.create(
            "var",
            StringColumn.create("_index", "ENSG00000141510", "ENSG00000139618", "ENSG00000000000"));
    new AnnData(DenseMatrix.of(new double[3][3]), obs, var)
        .writeZarr(root.resolve("tables/table"), 2);
    return root;
  }

  private static void multiscale(Path element, String shape) throws Exception {
    Files.createDirectories(element.resolve("0"));
    Files.writeString(element.resolve(".zgroup"), "{\"zarr_format\": 2}");
    Files.writeString(
        element.resolve(".zattrs"),
        "{\"multiscales\": [{\"version\": \"0.4\", \"datasets\": [{\"path\": \"0\"}]}]}");
    Files.writeString(
        element.resolve("0/.zarray"),
        "{\"zarr_format\": 2, \"shape\": "
            + shape
            + ", \"chunks\": "
            + shape
            + ", \"dtype\": \"<u1\", \"compressor\": null, \"fill_value\": 0, \"order\": \"C\","
            + " \"filters\": null}");
  }

  @Test
  void spatialDataTablesAndAttrsAreValidatedOtherElementsDescribed() throws Exception {
    Path store = spatialData(tmp.resolve("blobs.zarr"));
    ln.ulabel("T cell").save();
    ln.ulabel("B cell").save();
    Feature assay = ln.feature("assay", Dtype.ULABEL).save();
    Feature nSections = ln.feature("n_sections", Dtype.INT).save();
    Feature ct = ln.feature("cell_type", Dtype.ULABEL).save();
    Map<String, Schema> slots = new LinkedHashMap<>();
    slots.put("attrs", ln.schema("sd_attrs").features(assay, nSections).save());
    slots.put("tables:table:obs", ln.schema("sd_obs").features(ct).save());
    slots.put("tables:table:var.T", genes);
    Schema s = ln.schema("spatial").otype("SpatialData").slots(slots).save();
    Curator c = ln.curator(store, s);
    assertThat(c.validate()).isFalse();
    ValidationReport r = c.report();
    assertThat(r.elements())
        .contains(
            "images/blobs_image [3, 64, 48]",
            "labels/blobs_labels [64, 48]",
            "points/blobs_points (parquet)",
            "shapes/blobs_circles (parquet)");
    assertThat(r.slot("tables:table:obs").ok()).isTrue();
    assertThat(r.slot("tables:table:var.T").columns().get(0).detail())
        .isEqualTo("2 of 3 validated");
    assertThat(r.slot("attrs").problems())
        .singleElement()
        .asString()
        .startsWith("1 term not validated in feature 'assay' in slot 'attrs': 'Visium'");
    assertThat(c.addNewFrom("attrs", "assay")).containsExactly("Visium");
    assertThat(c.validate()).isTrue();
    Artifact a = c.save("datasets/blobs.zarr");
    assertThat(a.otype()).isEqualTo("SpatialData");
    assertThat(a.describeText())
        .contains("images/blobs_image [3, 64, 48]", "tables/table AnnData 3 x 3");
    assertThat(a.schema()).isEqualTo(s);
    assertThat(ln.schemas().filter("artifacts__id", a.id()).count()).isEqualTo(2);
    // a DataFrame-only schema names both otypes
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ln.curator(store, "valid_features").validate())
        .hasMessageContaining("validates DataFrames, not SpatialData");
  }
}
