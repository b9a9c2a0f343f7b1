package org.lamindb.bionty.it;

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
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.model.Disease;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.query.Include;
import tech.tablesaw.api.Table;

/**
 * Issue 20, queries by bionty entities: Artifact gains LaminDB's relations {@code diseases}, {@code
 * cell_types}, ... over {@code bionty_artifact<model>}; labels of a {@code cat[bionty.Disease]}
 * feature land there with the feature id; unknown fields never list private fields.
 */
abstract class BiontyRelationsSuite {
  @TempDir Path tmp;
  LaminDB ln;
  Bionty bt;
  Disease alz;
  Disease park;
  Artifact a1;
  Artifact a2;
  Artifact a3;

  abstract org.lamindb.testing.Backend backend();

  @BeforeEach
  void open() throws Exception {
    ln =
        org.lamindb.testing.Backend.setup(tmp)
            .init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    bt = ln.module(Bionty.class);
    Path obo =
        Files.writeString(
            tmp.resolve("mini-mondo.obo"),
            """
            format-version: 1.2
            data-version: releases/2025-05-06
            ontology: mondo

            [Term]
            id: MONDO:0000001
            name: disease

            [Term]
            id: MONDO:0004975
            name: Alzheimer's disease
            synonym: "Alzheimer disease" EXACT []
            is_a: MONDO:0000001

            [Term]
            id: MONDO:0005180
            name: Parkinson disease
            is_a: MONDO:0000001
            """);
    bt.diseases().importSource(obo);
    alz = bt.diseases().get("MONDO:0004975");
    park = bt.diseases().get("MONDO:0005180");
    a1 = save("a1.txt", "one");
    a2 = save("a2.txt", "two");
    a3 = save("a3.txt", "three");
  }

  private Artifact save(String name, String content) throws Exception {
    Path p = Files.writeString(tmp.resolve(name), content);
    return ln.artifact(p).key("data/" + name).save();
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void filterByDiseaseEntityAndNameThroughLinkTable() {
    ln.feature("disease", Dtype.parse("cat[bionty.Disease]")).save();
    a1.features().addValues(Map.of("disease", "Alzheimer's disease"));
    a2.labels().of("diseases").add(park);

    assertThat(ln.artifacts().filter("diseases", alz).list())
        .extracting(Artifact::uid)
        .containsExactly(a1.uid());
    assertThat(ln.artifacts().filter("diseases__name", "Alzheimer's disease").list())
        .extracting(Artifact::uid)
        .containsExactly(a1.uid());
    assertThat(ln.artifacts().filter("diseases__name__endswith", "disease").count()).isEqualTo(2);
    assertThat(ln.artifacts().filter("diseases__isnull", true).list())
        .extracting(Artifact::uid)
        .containsExactly(a3.uid());
    // the feature filter and the relation agree
    assertThat(ln.artifacts().filter("disease", "Alzheimer's disease").list())
        .extracting(Artifact::uid)
        .containsExactly(a1.uid());
    // reverse side still works
    assertThat(ln.artifacts().filter("diseases__ontology_id", "MONDO:0005180").one().uid())
        .isEqualTo(a2.uid());
  }

  @Test
  void featureLabelsLandInTheBiontyLinkTableWithTheFeatureId() throws Exception {
    Feature f = ln.feature("disease", Dtype.parse("cat[bionty.Disease]")).save();
    a1.features().addValues(Map.of("disease", List.of("Alzheimer's disease", "Parkinson disease")));
    a2.labels().of("diseases").add(park); // without feature
    // the feature filter reads bionty_artifactdisease rows with the feature's id ...
    assertThat(ln.artifacts().filter("disease", "Parkinson disease").list())
        .extracting(Artifact::uid)
        .containsExactly(a1.uid());
    // ... and the relation reads all rows of that table
    assertThat(ln.artifacts().filter("diseases", park).list())
        .extracting(Artifact::uid)
        .containsExactlyInAnyOrder(a1.uid(), a2.uid());
    assertThat(f.id()).isPositive();
    assertThat(a1.labels().get("diseases").list())
        .extracting(r -> r.get("name"))
        .containsExactlyInAnyOrder("Alzheimer's disease", "Parkinson disease");
    assertThat(a1.features().labels("disease")).hasSize(2);
  }

  @Test
  void includeDiseaseNamesInDataFrame() {
    a1.labels().of("diseases").add(alz, park);
    a2.labels().of("diseases").add(alz);
    Table t =
        ln.artifacts()
            .orderBy("id")
            .toDataFrame(Include.fields("diseases__name", "diseases__ontology_id"));
    assertThat(t.columnNames()).contains("diseases__name");
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.column("diseases__name").getString(0)).contains("Alzheimer's disease");
    assertThat(t.column("diseases__name").getString(0)).contains("Parkinson disease");
    assertThat(t.column("diseases__name").getString(1)).contains("Alzheimer's disease");
    assertThat(t.column("diseases__name").getString(1)).doesNotContain("Parkinson");
  }

  @Test
  void labelsListsModuleRelationsByLaminDbName() {
    assertThat(a1.labels().relations())
        .contains(
            "ulabels",
            "cell_types",
            "tissues",
            "diseases",
            "organisms",
            "phenotypes",
            "cell_lines",
            "experimental_factors",
            "developmental_stages",
            "ethnicities",
            "genes");
    assertThat(a1.labels().get("diseases").count()).isZero();
    assertThatThrownBy(() -> a1.labels().get("disease"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no label relation 'disease'")
        .hasMessageContaining("diseases");
  }

  @Test
  void unknownFieldSuggestsRelationsAndFeaturesNeverPrivateFields() {
    ln.feature("disease_stage", Dtype.STR).save();
    assertThatThrownBy(() -> ln.artifacts().filter("diseasess", alz).list())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no field 'diseasess' on Artifact")
        .hasMessageContaining("'diseases'");
    assertThatThrownBy(() -> ln.artifacts().filter("disease_stag", "x").list())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'disease_stage'");
    assertThatThrownBy(() -> ln.artifacts().filter("qqqqqqqqqqqq", 1).list())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cell_types")
        .hasMessageContaining("disease_stage")
        .hasMessageNotContaining("_aux")
        .hasMessageNotContaining("_hash_type");
  }

  @Test
  void transferCarriesDiseaseLabelsAndCreatesTheMissingTermsByUid() {
    ln.feature("disease", Dtype.parse("cat[bionty.Disease]")).save();
    a1.features().addValues(Map.of("disease", "Alzheimer's disease"));
    a1.labels().of("diseases").add(park);
    var setup = org.lamindb.testing.Backend.setup(tmp);
    try (LaminDB target =
            setup.init(backend().options(tmp.resolve("target"), "target").modules("bionty"));
        LaminDB db = setup.db(ln.slug())) {
      Artifact t = db.artifacts().get(a1.uid()).transferTo(target);
      assertThat(t.uid()).isEqualTo(a1.uid());
      Bionty tbt = target.module(Bionty.class);
      assertThat(tbt.diseases().query().count()).isEqualTo(2); // only the terms a1 uses
      assertThat(tbt.diseases().get("MONDO:0004975").uid()).isEqualTo(alz.uid());
      assertThat(target.artifacts().filter("diseases__name", "Parkinson disease").one().uid())
          .isEqualTo(a1.uid());
      assertThat(target.artifacts().filter("disease", "Alzheimer's disease").one().uid())
          .isEqualTo(a1.uid());
      assertThat(t.features().get("disease")).isEqualTo("Alzheimer's disease");
      try (LaminDB plain = setup.init(backend().options(tmp.resolve("plain"), "plain"))) {
        Artifact a = db.artifacts().get(a1.uid());
        assertThatThrownBy(() -> a.transferTo(plain))
            .isInstanceOf(org.lamindb.InstanceException.class)
            .hasMessageContaining("bionty");
        assertThat(plain.artifacts().filter("uid", a1.uid()).exists()).isFalse();
      }
    }
  }

  @Test
  void readOnlyHandleQueriesBiontyAndRefusesWrites() {
    a1.labels().of("diseases").add(alz);
    try (LaminDB db = org.lamindb.testing.Backend.setup(tmp).db(ln.slug())) {
      Bionty dbt = db.module(Bionty.class);
      Disease d = dbt.diseases().get("MONDO:0004975");
      assertThat(d.name()).isEqualTo("Alzheimer's disease");
      assertThat(dbt.diseases().query().count()).isEqualTo(3);
      assertThat(db.artifacts().filter("diseases", d).one().uid()).isEqualTo(a1.uid());
      assertThat(db.artifacts().filter("diseases__name", "Alzheimer's disease").count()).isOne();
      Artifact a = db.artifacts().get(a2.uid());
      assertThatThrownBy(() -> a.labels().of("diseases").add(d))
          .isInstanceOf(org.lamindb.ReadOnlyException.class);
    }
    assertThat(ln.artifacts().filter("diseases", alz).count()).isOne();
  }
}
