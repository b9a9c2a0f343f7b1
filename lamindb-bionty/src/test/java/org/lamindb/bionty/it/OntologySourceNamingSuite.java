package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.model.BioRecord;
import org.lamindb.bionty.model.Source;
import org.lamindb.testing.Backend;

/**
 * Issue 14, ontology sources: the source name comes from a header only where it names an ontology,
 * merged releases get the registry's default source and its prefixes, the file name never lends a
 * fragment as name, {@code --source/--version} override; cellxgene JSON with the version in the
 * name; ids kept in the source's form and validated in both; obsolete means deprecated only.
 */
abstract class OntologySourceNamingSuite {
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

  /** A merged release (as the developmental-stage repository publishes) naming no ontology. */
  private Path merged(String fileName) throws Exception {
    return Files.writeString(
        tmp.resolve(fileName),
        """
        format-version: 1.2
        data-version: life-stages/releases/2025-01-23/life-stages.obo
        ontology: life-stages

        [Term]
        id: HsapDv:0000001
        name: human life cycle stage

        [Term]
        id: HsapDv:0000002
        name: embryonic human stage
        is_a: HsapDv:0000001
        is_a: UBERON:0000068

        [Term]
        id: MmusDv:0000001
        name: mouse life cycle stage

        [Term]
        id: UBERON:0000104
        name: life cycle

        [Term]
        id: BFO:0000003
        name: occurrent
        """);
  }

  private Source sourceOf(BioRecord<?> r) {
    return bt.sources().get(r.sourceId());
  }

  @Test
  void mergedReleaseUsesTheRegistryDefaultSourceAndItsPrefixesPerOrganism() throws Exception {
    Path file = merged("life-stages.obo");
    ImportReport human = bt.developmentalStages().importSource(file, null, null, "human");
    assertThat(human.inserted()).isEqualTo(2);
    var stage = bt.developmentalStages().get("HsapDv:0000002");
    assertThat(sourceOf(stage).name()).isEqualTo("hsapdv");
    assertThat(sourceOf(stage).version()).isEqualTo("2025-01-23");
    assertThat(bt.developmentalStages().parents(stage))
        .extracting(x -> x.ontologyId())
        .containsExactly("HsapDv:0000001");
    assertThat(bt.developmentalStages().query().filter("ontology_id__startswith", "UBERON").count())
        .isZero();

    ImportReport mouse = bt.developmentalStages().importSource(file, null, null, "mouse");
    assertThat(mouse.inserted()).isEqualTo(1);
    assertThat(sourceOf(bt.developmentalStages().get("MmusDv:0000001")).name()).isEqualTo("mmusdv");
    assertThat(bt.sources().filter("name", "life").count()).isZero();
    assertThat(bt.sources().filter("name", "life-stages").count()).isZero();
  }

  @Test
  void sourceAndVersionGivenOverrideTheFile() throws Exception {
    Path file = merged("stages.obo");
    ImportReport r = bt.developmentalStages().importSource(file, "uberon", "2024-12-01", null);
    assertThat(r.inserted()).isEqualTo(1);
    var lifeCycle = bt.developmentalStages().get("UBERON:0000104");
    assertThat(sourceOf(lifeCycle).name()).isEqualTo("uberon");
    assertThat(sourceOf(lifeCycle).version()).isEqualTo("2024-12-01");
  }

  @Test
  void aFileNameFragmentIsNeverTakenAsSourceName() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("hsapdv-stages-subset.obo"),
            "format-version: 1.2\n\n[Term]\nid: HsapDv:0000001\nname: human life cycle stage\n");
    Path renamed = Files.copy(file, tmp.resolve("life-stages.obo"));
    bt.developmentalStages().importSource(renamed, null, null, "human");
    assertThat(sourceOf(bt.developmentalStages().get("HsapDv:0000001")).name()).isEqualTo("hsapdv");
    assertThat(bt.sources().filter("name", "life").count()).isZero();
  }

  @Test
  void cellxgeneJsonVersionFromFileNameAndIdsKeptInTheSourceForm() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("CVCL-ontology-53.0.json"),
            """
            {"CVCL_0030": {"label": "HeLa", "synonyms": ["Hela"], "ancestors": {},
                           "deprecated": false},
             "CVCL_0031": {"label": "obsolete-named but current line", "ancestors": {},
                           "deprecated": false},
             "CVCL_9999": {"label": "retired line", "ancestors": {}, "deprecated": true}}
            """);
    ImportReport r = bt.cellLines().importSource(file);
    assertThat(r.inserted()).isEqualTo(2);
    assertThat(r.skippedObsolete()).isEqualTo(1);
    var hela = bt.cellLines().get("CVCL_0030");
    assertThat(hela.name()).isEqualTo("HeLa");
    assertThat(sourceOf(hela).name()).isEqualTo("cellosaurus");
    assertThat(sourceOf(hela).version()).isEqualTo("53.0");
    assertThat(
            bt.cellLines().validate(List.of("CVCL_0030", "CVCL:0030", "CVCL_0032"), "ontology_id"))
        .containsExactly(true, true, false);
  }

  @Test
  void obsoleteMeansTheDeprecationFlagNotTheLabel() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("cl-mini.obo"),
            """
            format-version: 1.2
            ontology: cl

            [Term]
            id: CL:0000001
            name: obsolete-looking but valid cell

            [Term]
            id: CL:0000002
            name: obsolete cell
            is_obsolete: true

            [Term]
            id: CL:0000003
            name: cell
            """);
    ImportReport r = bt.cellTypes().importSource(file, null, "2025-01-01");
    assertThat(r.inserted()).isEqualTo(2);
    assertThat(r.skippedObsolete()).isEqualTo(1);
    assertThat(bt.cellTypes().get("CL:0000001").name())
        .isEqualTo("obsolete-looking but valid cell");
    assertThat(sourceOf(bt.cellTypes().get("CL:0000003")).name()).isEqualTo("cl");
  }

  @Test
  void sharedHsapdvHeaderNamesItsOntology() {
    ImportReport r = bt.developmentalStages().importSource(SharedData.file("hsapdv.obo"));
    assertThat(r.inserted()).isEqualTo(239);
    assertThat(sourceOf(bt.developmentalStages().get("HsapDv:0000003")).name()).isEqualTo("hsapdv");
  }

  @Test
  void dtypeTypoOfAnEnabledModuleGetsDidYouMeanNotEnableTheModule() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ln.feature("disease", org.lamindb.model.Dtype.parse("cat[bionty.Diseas]")))
        .isInstanceOf(org.lamindb.ValidationException.class)
        .hasMessageContaining("did you mean 'bionty.Disease'")
        .hasMessageNotContaining("enable");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ln.feature("x", org.lamindb.model.Dtype.parse("cat[bionty.Xyzzyplugh]")))
        .isInstanceOf(org.lamindb.ValidationException.class)
        .hasMessageNotContaining("enable");
    assertThat(ln.feature("disease", org.lamindb.model.Dtype.parse("cat[bionty.Disease]")))
        .isNotNull();
  }
}
