package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.GraphFormat;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.PublicOntology;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.model.CellType;
import org.lamindb.bionty.model.DevelopmentalStage;
import org.lamindb.bionty.model.Gene;
import org.lamindb.bionty.model.Source;
import org.lamindb.curate.InspectResult;
import org.lamindb.internal.core.Access;
import org.lamindb.testing.Backend;

/** Registry behaviour of the bionty module, run on every backend by a subclass. */
abstract class BiontyRegistriesSuite {
  @TempDir Path tmp;
  LaminDB ln;
  Bionty bt;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    bt = ln.module(Bionty.class);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void defaultSourcesAreSeeded() {
    // spec §2 table: 43 entity x source x organism rows in sources.yaml 0.3.0, minus the 4 of
    // entities without
    // a registry (BFXPipeline/lamin, Drug/dron, Drug/chebi, BioSample/ncbi) = 39
    assertThat(bt.sources().count()).isEqualTo(39);
    Source cl = bt.sources().filter("entity", "bionty.CellType").filter("name", "cl").one();
    assertThat(cl.currentlyUsed()).isTrue();
    assertThat(cl.inDb()).isFalse();
  }

  @Test
  void importsClOboWithUidsSynonymsAndParents() {
    ImportReport r = bt.cellTypes().importSource(SharedData.file("cl-basic.obo"));
    // awk count of non-obsolete CL stanzas: 2523; is_a links between kept terms (awk join): 3541
    assertThat(r.inserted()).isEqualTo(2523);
    assertThat(r.parentLinks()).isEqualTo(3541);
    assertThat(r.skippedObsolete()).isEqualTo(155);
    assertThat(bt.cellTypes().count()).isEqualTo(2523);

    CellType t = bt.cellTypes().get("CL:0000084");
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.uid()).isEqualTo("22LvKd01YyNA1a"); // spec fixed vector
    assertThat(t.synonyms()).containsExactly("T lymphocyte", "T-cell", "T-lymphocyte");
    assertThat(bt.cellTypes().parents(t))
        .extracting(CellType::ontologyId)
        .containsExactly("CL:0000542");
    assertThat(bt.cellTypes().ancestors(t)).extracting(CellType::ontologyId).contains("CL:0000000");
    assertThat(bt.cellTypes().children(bt.cellTypes().get("CL:0000542")))
        .extracting(CellType::ontologyId)
        .contains("CL:0000084");
    String dot = bt.cellTypes().viewParents(t, GraphFormat.DOT);
    assertThat(dot).startsWith("digraph").contains("T cell (CL:0000084)").contains("->");
    assertThat(bt.cellTypes().viewParents(t, GraphFormat.MERMAID)).startsWith("flowchart BT");

    Source s =
        bt.sources().filter("entity", "bionty.CellType").filter("version", "2022-08-16").one();
    assertThat(s.inDb()).isTrue();
    assertThat(s.currentlyUsed()).isTrue();
    assertThat(
            bt.sources()
                .filter("entity", "bionty.CellType")
                .filter("version", "2025-12-17")
                .one()
                .currentlyUsed())
        .isFalse();
  }

  /** DESIGN §4: a bionty registry is a query set ({@code bt.cellTypes().filter(..)...}). */
  @Test
  void registryIsAQuerySet() throws IOException {
    Path obo = tmp.resolve("tiny-cl.obo");
    Files.writeString(
        obo,
        String.join(
            "\n",
            "format-version: 1.2",
            "data-version: cl/releases/2022-08-16",
            "ontology: cl",
            "",
            "[Term]",
            "id: CL:0000000",
            "name: cell",
            "",
            "[Term]",
            "id: CL:0000542",
            "name: lymphocyte",
            "is_a: CL:0000000",
            "",
            "[Term]",
            "id: CL:0000084",
            "name: T cell",
            "synonym: \"T-cell\" EXACT []",
            "is_a: CL:0000542",
            "",
            "[Term]",
            "id: CL:0000815",
            "name: regulatory T cell",
            "is_a: CL:0000084",
            "",
            "[Term]",
            "id: CL:0000236",
            "name: B cell",
            "is_a: CL:0000542",
            ""));
    bt.cellTypes().importSource(obo, "cl", "2022-08-16");

    assertThat(bt.cellTypes().count()).isEqualTo(5);
    assertThat(bt.cellTypes().list()).hasSize(5);
    assertThat(bt.cellTypes().filter("name__startswith", "T").count()).isEqualTo(1);
    var df = bt.cellTypes().filter("name__startswith", "T").toDataFrame();
    assertThat(df.rowCount()).isEqualTo(1);
    assertThat(df.stringColumn("name").get(0)).isEqualTo("T cell");
    assertThat(bt.cellTypes().filter("name__endswith", "T cell").orderBy("-ontology_id").list())
        .extracting(CellType::ontologyId)
        .containsExactly("CL:0000815", "CL:0000084");
    assertThat(bt.cellTypes().get("CL:0000236").name()).isEqualTo("B cell");
    assertThat(bt.cellTypes().get("name", "lymphocyte").ontologyId()).isEqualTo("CL:0000542");
    assertThat(bt.cellTypes().search("T cell").list())
        .extracting(CellType::ontologyId)
        .startsWith("CL:0000084")
        .containsExactlyInAnyOrder("CL:0000084", "CL:0000815");
    assertThat(bt.cellTypes().exclude("name__contains", "cell").list())
        .extracting(CellType::name)
        .containsExactly("lymphocyte");
  }

  @Test
  void validatesInspectsStandardizesAndSearches() {
    bt.cellTypes().importSource(SharedData.file("cl-basic.obo"));
    assertThat(bt.cellTypes().validate(List.of("T cell", "t cell", "T-cell", "B cell")))
        .containsExactly(true, false, false, true);
    assertThat(bt.cellTypes().validate(List.of("CL:0000084", "CL:9999999"), "ontology_id"))
        .containsExactly(true, false);
    InspectResult r =
        bt.cellTypes().inspect(List.of("T cell", "t cell", "T-lymphocyte", "unicorn"));
    assertThat(r.validated()).containsExactly("T cell");
    assertThat(r.synonymsMapper())
        .containsEntry("t cell", "T cell")
        .containsEntry("T-lymphocyte", "T cell");
    assertThat(bt.cellTypes().standardize(List.of("T-cell", "T CELL", "unicorn")))
        .containsExactly("T cell", "T cell", "unicorn");
    assertThat(bt.cellTypes().standardize(List.of("T-cell"), "name", "ontology_id"))
        .containsExactly("CL:0000084");
    assertThat(bt.cellTypes().search("T cell").list().get(0).ontologyId()).isEqualTo("CL:0000084");
    assertThat(bt.cellTypes().fromValues(List.of("T-cell", "CL:0000236"), "name", null))
        .extracting(CellType::ontologyId)
        .containsExactly("CL:0000084");
    // LaminDB's from_values standardizes case-insensitively before looking up records
    assertThat(bt.cellTypes().fromValues(List.of("t cell", "T CELL", "cl:0000084"), "name", null))
        .extracting(CellType::ontologyId)
        .containsExactly("CL:0000084");
    assertThatThrownBy(() -> bt.cellTypes().validate(List.of("x"), "nmae"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("ontology_id");
  }

  @Test
  void emptyRegistrySaysSoAndFromValuesUsesThePublicSource() {
    InspectResult r = bt.cellTypes().inspect(List.of("T cell"));
    assertThat(r.messages().get(0)).contains("registry is empty");
    PublicOntology cl =
        PublicOntology.load(
            SharedData.file("cl-basic.obo"), org.lamindb.bionty.BiontyEntity.CELL_TYPE);
    List<CellType> recs = bt.cellTypes().fromValues(List.of("T-cell", "nope"), "name", cl);
    assertThat(recs)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ontologyId()).isEqualTo("CL:0000084");
              assertThat(c.isSaved()).isFalse();
              assertThat(c.uid()).isEqualTo("22LvKd01YyNA1a");
            });
    List<CellType> saved = bt.cellTypes().saveWithAncestors(recs, cl);
    InspectResult withPublic =
        bt.cellTypes().inspect(List.of("T cell", "B cell", "B-lymphocyte", "unicorn"), "name", cl);
    assertThat(withPublic.validated()).containsExactly("T cell");
    assertThat(withPublic.messages())
        .contains(
            "   detected 1 CellType term(s) in public source for name: B cell",
            "   detected 1 CellType term(s) in public source as synonym(s): B-lymphocyte",
            "   couldn't validate 1 term(s): unicorn");
    // is_a closure of CL:0000084 among CL terms of cl-basic.obo (python BFS over the stanzas): 13
    // terms with
    // 16 links between them
    assertThat(bt.cellTypes().count()).isEqualTo(13);
    assertThat(saved).singleElement().satisfies(c -> assertThat(c.isSaved()).isTrue());
    assertThat(bt.cellTypes().ancestors(saved.get(0))).hasSize(12);
    assertThat(bt.cellTypes().parents(saved.get(0)))
        .extracting(CellType::ontologyId)
        .containsExactly("CL:0000542");
    // saving a descendant later adds only what is missing and keeps the existing links
    List<CellType> more = bt.cellTypes().fromValues(List.of("CL:0000624"), "ontology_id", cl);
    bt.cellTypes().saveWithAncestors(more, cl);
    assertThat(bt.cellTypes().parents(saved.get(0))).hasSize(1);
  }

  @Test
  void reimportOfANewerVersionUpdatesRowsAndKeepsArtifactLinks() throws SQLException {
    bt.cellTypes().importSource(SharedData.file("cl-basic.obo"));
    CellType before = bt.cellTypes().get("CL:0000084");
    long artifact = insertArtifact();
    exec(
        "INSERT INTO bionty_artifactcelltype (artifact_id, celltype_id, created_by_id) VALUES (?, ?, ?)",
        artifact,
        before.id(),
        Access.instance(ln).userId());

    ImportReport r = bt.cellTypes().importSource(SharedData.file("CL-ontology-v2025-04-10.json"));
    // jq: 2902 non-deprecated JSON terms; comm -12 with the 2523 OBO ids: 2481 shared -> 421 new;
    // union 2944;
    // distance-1 ancestors among non-deprecated JSON terms: 4085
    assertThat(r.updated()).isEqualTo(2481);
    assertThat(r.inserted()).isEqualTo(421);
    assertThat(r.parentLinks()).isEqualTo(4085);
    assertThat(bt.cellTypes().count()).isEqualTo(2944);
    CellType after = bt.cellTypes().get("CL:0000084");
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(
            count("SELECT COUNT(*) FROM bionty_artifactcelltype WHERE celltype_id = ?", after.id()))
        .isEqualTo(1);
    assertThat(
            bt.sources()
                .filter("entity", "bionty.CellType")
                .filter("version", "2025-04-10")
                .one()
                .currentlyUsed())
        .isTrue();
    assertThat(
            bt.sources()
                .filter("entity", "bionty.CellType")
                .filter("version", "2022-08-16")
                .one()
                .currentlyUsed())
        .isFalse();
  }

  @Test
  void malformedFileImportsNothing() throws IOException {
    Path bad = tmp.resolve("cl-bad.obo");
    Files.writeString(
        bad,
        "format-version: 1.2\n\n[Term]\nid: CL:1\nname: a\nis_a: CL:2\n\n"
            + "[Term]\nid: CL:2\nname: b\n\n[Term]\nname: no id\n");
    assertThatThrownBy(() -> bt.cellTypes().importSource(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cl-bad.obo:12");
    assertThat(bt.cellTypes().count()).isZero();
    assertThat(bt.sources().filter("entity", "bionty.CellType").list()).allMatch(s -> !s.inDb());
  }

  @Test
  void developmentalStagesGetPartOfParents() {
    ImportReport r = bt.developmentalStages().importSource(SharedData.file("hsapdv.obo"));
    // awk: 239 non-obsolete HsapDv terms, 475 distinct is_a + part_of targets, all non-obsolete
    assertThat(r.inserted()).isEqualTo(239);
    assertThat(r.parentLinks()).isEqualTo(475);
    DevelopmentalStage cs01 = bt.developmentalStages().get("HsapDv:0000003");
    assertThat(bt.developmentalStages().parents(cs01))
        .extracting(DevelopmentalStage::ontologyId)
        .containsExactlyInAnyOrder("HsapDv:0000000", "HsapDv:0000002");
  }

  @Test
  void importsHumanGenesAndValidatesEnsemblIds() {
    ImportReport r =
        bt.genes()
            .importSource(
                SharedData.file("genes_homo_sapiens.csv.gz"),
                SharedData.file("hgnc_complete_set.txt.gz"),
                "human");
    assertThat(r.inserted()).isEqualTo(78_894); // zcat | wc -l
    assertThat(bt.organism("human").uid()).isEqualTo("1dpCL6TduFJ3AP"); // spec fixed vector
    Gene tcf7 = bt.genes().get("ENSG00000081059");
    assertThat(tcf7.uid()).isEqualTo("7IkHKPl0ScQRSB"); // spec fixed vector
    assertThat(tcf7.symbol()).isEqualTo("TCF7");
    assertThat(tcf7.synonyms()).containsExactly("TCF-1");

    List<String> ids =
        new ArrayList<>(List.of("ENSG00000139618", "ENSG00000081059", "ENSG99999999999"));
    assertThat(bt.genes().validate(ids, "ensembl_gene_id")).containsExactly(true, true, false);
    assertThat(bt.genes().standardize(List.of("A1CF", "A1BG", "FANCD1", "FANCD20"), "human"))
        .containsExactly("A1CF", "A1BG", "BRCA2", "FANCD20");
    assertThatThrownBy(() -> bt.genes().validate(List.of("TCF7"), "symbol"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("organism");
    assertThat(bt.genes().validate(List.of("TCF7", "tcf7"), "symbol", "human"))
        .containsExactly(true, false);
    // mouse ids are not validated against human genes (organism inferred from ENSMUSG)
    bt.organism("mouse");
    assertThat(bt.genes().validate(List.of("ENSMUSG00000051951"), "ensembl_gene_id"))
        .containsExactly(false);
  }

  @Test
  void importSourceUsesTheCachedFileOfTheCurrentSource() throws Exception {
    // the current CellType source is cl 2025-12-17 (cl.owl); a copy in <cache>/bionty/ is used as
    // is
    Path cache = Access.instance(ln).cacheDir().resolve("bionty");
    Files.createDirectories(cache);
    Files.copy(
        Path.of(getClass().getResource("/owl/mini-cl.owl").toURI()),
        cache.resolve("cl__2025-12-17__cl.owl"));
    ImportReport r = bt.cellTypes().importSource();
    // mini-cl.owl: 3 non-deprecated CL classes, lymphocyte -> cell and T cell -> lymphocyte
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.parentLinks()).isEqualTo(2);
    assertThat(r.source()).isEqualTo("cl 2025-12-17");
  }

  @Test
  void importSourceOfflineTellsToPassAFile() throws SQLException {
    exec(
        "UPDATE bionty_source SET url = ? WHERE entity = ? AND name = ?",
        "http://127.0.0.1:1/uberon.owl",
        "bionty.Tissue",
        "uberon");
    assertThatThrownBy(() -> bt.tissues().importSource())
        .isInstanceOf(org.lamindb.StorageException.class)
        .hasMessageContaining("cannot download http://127.0.0.1:1/uberon.owl")
        .hasMessageContaining("lamin ontology import Tissue --file uberon.owl");
  }

  @Test
  void importsParquetPhecodes() {
    ImportReport r =
        bt.phenotypes().importSource(SharedData.file("df_human__phecode__1.2__Phenotype.parquet"));
    assertThat(r.inserted()).isEqualTo(1866); // rows per shared/data/ontologies/README.md
    assertThat(r.source()).isEqualTo("phecode 1.2");
  }

  @Test
  void validationSeesRecordsSavedAfterTheFirstCall() {
    bt.developmentalStages().importSource(SharedData.file("hsapdv.obo"));
    assertThat(bt.developmentalStages().validate(List.of("my stage"))).containsExactly(false);
    DevelopmentalStage mine =
        (DevelopmentalStage)
            org.lamindb.bionty.internal.db.BiontyRegistries.of(
                    org.lamindb.bionty.BiontyEntity.DEVELOPMENTAL_STAGE)
                .newEntity(ln);
    mine.name("my stage").synonyms(List.of("mine")).save();
    assertThat(mine.uid()).isEqualTo(org.lamindb.bionty.BiontyUids.ofNamedRecord("my stage", null));
    assertThat(bt.developmentalStages().validate(List.of("my stage"))).containsExactly(true);
    assertThat(bt.developmentalStages().standardize(List.of("MINE"))).containsExactly("my stage");
    mine.delete(); // to the trash: no longer validates
    assertThat(bt.developmentalStages().validate(List.of("my stage"))).containsExactly(false);
  }

  @Test
  void synonymsAndAbbreviations() {
    bt.cellTypes().importSource(SharedData.file("cl-basic.obo"));
    CellType t = bt.cellTypes().get("CL:0000084");
    assertThatThrownBy(() -> bt.cellTypes().addSynonym(t, List.of("B-lymphocyte"), false))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("B cell");
    assertThatThrownBy(() -> bt.cellTypes().addSynonym(t, List.of("a|b"), false))
        .isInstanceOf(InvalidArgumentException.class);
    bt.cellTypes().addSynonym(t, List.of("thymocyte-derived cell"), false);
    assertThat(bt.cellTypes().standardize(List.of("thymocyte-derived cell")))
        .containsExactly("T cell");
    bt.cellTypes().setAbbr(t, "Tc");
    assertThat(bt.cellTypes().get("CL:0000084").abbr()).isEqualTo("Tc");
    assertThat(bt.cellTypes().standardize(List.of("Tc"))).containsExactly("T cell");
    bt.cellTypes().removeSynonym(t, List.of("thymocyte-derived cell"));
    assertThat(bt.cellTypes().get("CL:0000084").synonyms())
        .containsExactly("T lymphocyte", "T-cell", "T-lymphocyte", "Tc");
  }

  private long insertArtifact() throws SQLException {
    var inst = Access.instance(ln);
    exec(
        "INSERT INTO lamindb_artifact (uid, storage_id, suffix, created_by_id, _key_is_virtual,"
            + " _overwrite_versions) VALUES ('aaaaaaaaaaaaaaaa0000', ?, '.txt', ?, ?, ?)",
        inst.storageId(),
        inst.userId(),
        false,
        false);
    return count("SELECT id FROM lamindb_artifact WHERE uid = ?", "aaaaaaaaaaaaaaaa0000");
  }

  private void exec(String sql, Object... args) throws SQLException {
    try (Connection c = Access.instance(ln).db().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private long count(String sql, Object arg) throws SQLException {
    try (Connection c = Access.instance(ln).db().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
