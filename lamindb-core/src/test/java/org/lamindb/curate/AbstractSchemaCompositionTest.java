package org.lamindb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.testing.Backend;

/**
 * Composed schemas (spec §8.1–8.2): fluent setters, LaminDB's hash tokens recomputed here from the
 * spec's rules, dedup by hash, slot grammar per otype, the members/components rows and describe().
 */
abstract class AbstractSchemaCompositionTest {
  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = backend().newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  /** The spec's token rule, written independently of the implementation. */
  static String specHash(List<String> tokens) {
    List<String> t = new ArrayList<>(tokens);
    t.sort(null);
    return Hashing.hashString(String.join(":", t));
  }

  @Test
  void builtInHashesComeOutOfTheFluentSetters() {
    Schema vf = ln.schema("valid_features").itype("Feature").save();
    assertThat(vf.hash()).isEqualTo("kMi7B_N88uu-YnbTLDU-DA");
    assertThat(vf.uid()).isEqualTo("0000000000000000");
    Schema genes = ln.schema("valid_ensembl_gene_ids").itype("bionty.Gene.ensembl_gene_id").save();
    assertThat(genes.hash()).isEqualTo("1gocc_TJ1RU2bMwDRK-WUA");
    assertThat(genes.uid()).isEqualTo("0000000000000001");
    assertThat(genes.dtype()).isEqualTo("num");
    Schema ad =
        ln.schema("anndata_ensembl_gene_ids_and_valid_features_in_obs")
            .otype("AnnData")
            .slots(Map.of("obs", vf, "var.T", genes))
            .save();
    assertThat(ad.hash()).isEqualTo("aqGWHvyY49W_PHELUMiBMw");
    assertThat(ad.uid()).isEqualTo("0000000000000002");
    assertThat(ad.slots()).containsOnlyKeys("obs", "var.T");
  }

  @Test
  void membersOptionalOrderedAndIndexAreHashedAsTheSpecSays() {
    Feature a = ln.feature("cell_type", Dtype.STR).save();
    Feature b = ln.feature("donor", Dtype.STR).save();
    Feature idx = ln.feature("sample_id", Dtype.STR).save();
    Schema s =
        ln.schema("obs_schema")
            .features(a, b.optional())
            .index(idx)
            .maximalSet(true)
            .orderedSet(true)
            .coerce(true)
            .save();
    String j = Hashing.hashString(idx.uid() + ":" + a.uid() + ":" + b.uid() + "(i)");
    assertThat(s.hash())
        .isEqualTo(
            specHash(
                List.of(
                    "b=Feature",
                    "c=True",
                    "d=True",
                    "e=True",
                    "g=True",
                    "h=3",
                    "k=" + idx.uid(),
                    "j=" + j)));
    assertThat(s.members()).containsExactly(idx, a, b);
    assertThat(s.optionalMembers()).containsExactly(b);
    assertThat(s.index()).isEqualTo(idx);
    assertThat(s.nMembers()).isEqualTo(3L);
    assertThat(s.flexible()).isFalse();
    assertThat(s.itype()).isEqualTo("Feature");
    assertThat(s.dtype()).isNull();
    // same definition, other name: the saved row comes back
    Schema again =
        ln.schema("other")
            .features(a, b.optional())
            .index(idx)
            .maximalSet(true)
            .orderedSet(true)
            .coerce(true)
            .save();
    assertThat(again.id()).isEqualTo(s.id());
    assertThat(again.name()).isEqualTo("obs_schema");
    // unordered members hash sorted; a required b changes the hash
    Schema plain = ln.schema("plain").features(b, a).save();
    List<String> uids = new ArrayList<>(List.of(a.uid(), b.uid()));
    uids.sort(null);
    assertThat(plain.hash())
        .isEqualTo(
            specHash(
                List.of(
                    "b=Feature",
                    "c=True",
                    "d=False",
                    "e=False",
                    "h=2",
                    "j=" + Hashing.hashString(String.join(":", uids)))));
    Schema flex = ln.schema("flex").features(a).flexible(true).save();
    assertThat(flex.hash()).isNotEqualTo(ln.schema("noflex").features(a).save().hash());
  }

  @Test
  void slotsFollowTheGrammarOfTheirOtype() {
    Schema vf = ln.schema("valid_features").itype("Feature").save();
    Schema genes = ln.schema("genes").itype("bionty.Gene.ensembl_gene_id").save();
    Map<String, Schema> spatial = new LinkedHashMap<>();
    spatial.put("attrs", vf);
    spatial.put("tables:table:obs", vf);
    spatial.put("tables:table:var.T", genes);
    Schema sd = ln.schema("spatial").otype("SpatialData").slots(spatial).save();
    assertThat(sd.slots().keySet())
        .containsExactly("attrs", "tables:table:obs", "tables:table:var.T");
    Schema mu =
        ln.schema("mu")
            .otype("MuData")
            .slots(Map.of("rna:obs", vf, "rna:var.T", genes, "obs", vf))
            .save();
    assertThat(mu.slots()).hasSize(3);
    assertThat(
            ln.schema("ad")
                .otype("AnnData")
                .slots(Map.of("obsm:X_pca", vf, "uns", vf))
                .save()
                .slots())
        .hasSize(2);

    assertThatThrownBy(
            () -> ln.schema("bad").otype("AnnData").slots(Map.of("tables:t:obs", vf)).save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("slot 'tables:t:obs' is not a slot of AnnData");
    assertThatThrownBy(() -> ln.schema("bad").slots(Map.of("obs", vf)).save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("has slots but no otype");
    assertThatThrownBy(() -> ln.schema("bad").otype("Spreadsheet").itype("Feature").save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("otype 'Spreadsheet'");
    assertThatThrownBy(() -> ln.schema("empty").save())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("pass features or slots or itype");
    assertThat(ln.schemas().filter("name", "bad").count()).isZero();
  }

  @Test
  void typesHaveNoHashAndDescribeShowsTheTree() {
    Schema t = ln.schema("Panels").isType(true).save();
    assertThat(t.hash()).isNull();
    Feature a = ln.feature("cell_type", Dtype.ULABEL).save();
    Feature b = ln.feature("age", Dtype.INT).save();
    Schema obs = ln.schema("obs").features(a, b.optional()).type(t).save();
    assertThat(obs.type()).isEqualTo(t);
    Schema genes = ln.schema("genes").itype("bionty.Gene.ensembl_gene_id").save();
    Schema ad =
        ln.schema("scrna").otype("AnnData").slots(Map.of("obs", obs, "var.T", genes)).save();
    String d = ad.describeText();
    assertThat(d).startsWith("Schema: scrna (" + ad.uid() + ")");
    assertThat(d)
        .contains("otype=AnnData", "slot obs → obs (" + obs.uid() + ")", "slot var.T → genes");
    assertThat(d).containsPattern("cell_type +cat\\[ULabel\\]");
    assertThat(d).containsPattern("age +int \\(optional\\)");
    assertThat(d).contains("itype=bionty.Gene.ensembl_gene_id");
    assertThatThrownBy(() -> ln.schema("x").type(obs))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("isType(true)");
  }
}
