package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks what we write against the anndata on-disk specification directly (jHDF for .h5ad, the JSON
 * files for zarr), independent of our reader: encoding attributes on every element, dtypes of
 * sparse and categorical parts, the dataframe attributes.
 */
class WrittenStructureTest {
  @TempDir Path dir;

  private static String attr(Node n, String name) {
    Attribute a = n.getAttribute(name);
    return a == null ? null : String.valueOf(a.getData());
  }

  private static void collect(Group g, List<Node> out) {
    for (Node n : g.getChildren().values()) {
      out.add(n);
      if (n instanceof Group) {
        collect((Group) n, out);
      }
    }
  }

  @Test
  void h5adFollowsTheAnndataSpec() {
    Path f = dir.resolve("s.h5ad");
    Samples.everyKind().writeH5ad(f);
    try (HdfFile h = new HdfFile(f)) {
      assertThat(attr(h, "encoding-type")).isEqualTo("anndata");
      assertThat(attr(h, "encoding-version")).isEqualTo("0.1.0");
      List<Node> nodes = new ArrayList<>();
      collect(h, nodes);
      for (Node n : nodes) {
        boolean sparsePart =
            n.getParent().getAttribute("encoding-type") != null
                && String.valueOf(n.getParent().getAttribute("encoding-type").getData())
                    .endsWith("_matrix");
        boolean nullablePart =
            String.valueOf(attr(n.getParent(), "encoding-type")).startsWith("nullable");
        if (!sparsePart && !nullablePart) {
          assertThat(attr(n, "encoding-type")).as(n.getPath()).isNotNull();
          assertThat(attr(n, "encoding-version")).as(n.getPath()).matches("0\\.[12]\\.0");
        }
      }
      Group x = (Group) h.getByPath("X");
      assertThat(attr(x, "encoding-type")).isEqualTo("csr_matrix");
      assertThat((long[]) x.getAttribute("shape").getData()).containsExactly(4, 3);
      assertThat(((FixedPoint) ((Dataset) x.getChild("indices")).getDataType()).getSize())
          .isEqualTo(4);
      assertThat(((FixedPoint) ((Dataset) x.getChild("indptr")).getDataType()).getSize())
          .isEqualTo(8);
      assertThat(((Dataset) x.getChild("data")).getDataType()).isInstanceOf(FloatingPoint.class);

      Group obs = (Group) h.getByPath("obs");
      assertThat(attr(obs, "encoding-type")).isEqualTo("dataframe");
      assertThat(attr(obs, "encoding-version")).isEqualTo("0.2.0");
      assertThat(attr(obs, "_index")).isEqualTo("_index");
      assertThat((String[]) obs.getAttribute("column-order").getData())
          .startsWith("cell_type", "plain_int");
      Dataset index = (Dataset) obs.getChild("_index");
      assertThat(index.getDataType()).isInstanceOf(StringData.class);
      assertThat(attr(index, "encoding-type")).isEqualTo("string-array");
      Group cat = (Group) obs.getChild("cell_type");
      assertThat(attr(cat, "encoding-type")).isEqualTo("categorical");
      assertThat(attr(cat, "encoding-version")).isEqualTo("0.2.0");
      assertThat(cat.getAttribute("ordered").getDataType()).isInstanceOf(EnumDataType.class);
      Dataset isDoublet = (Dataset) obs.getChild("is_doublet");
      assertThat(isDoublet.getDataType()).isInstanceOf(EnumDataType.class);
      assertThat(((EnumDataType) isDoublet.getDataType()).getEnumMapping())
          .containsEntry(0, "FALSE")
          .containsEntry(1, "TRUE");
      assertThat(((EnumDataType) isDoublet.getDataType()).getBaseType().getSize()).isEqualTo(1);
      Group nGenes = (Group) obs.getChild("n_genes");
      assertThat(attr(nGenes, "encoding-type")).isEqualTo("nullable-integer");
      assertThat(((Dataset) nGenes.getChild("mask")).getDataType())
          .isInstanceOf(EnumDataType.class);
      Dataset codes = (Dataset) cat.getChild("codes");
      assertThat(((FixedPoint) codes.getDataType()).isSigned()).isTrue();
      assertThat((byte[]) codes.getData()).containsExactly(1, 0, 1, -1);
      assertThat((String[]) ((Dataset) cat.getChild("categories")).getData())
          .containsExactly("B", "T");

      assertThat(attr(h.getByPath("uns/title"), "encoding-type")).isEqualTo("string");
      assertThat(((Dataset) h.getByPath("uns/title")).isScalar()).isTrue();
      assertThat(attr(h.getByPath("uns/version"), "encoding-type")).isEqualTo("numeric-scalar");
      assertThat(attr(h.getByPath("uns/neighbors"), "encoding-type")).isEqualTo("dict");
      assertThat(attr(h.getByPath("raw"), "encoding-type")).isEqualTo("raw");
      assertThat(attr(h.getByPath("layers/counts_csc"), "encoding-type")).isEqualTo("csc_matrix");
    }
  }

  @Test
  void zarrV2AndV3FollowTheSpec() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path v2 = dir.resolve("s2.zarr");
    Samples.everyKind().writeZarr(v2, 2);
    assertThat(json.readTree(v2.resolve(".zgroup").toFile()).get("zarr_format").asInt())
        .isEqualTo(2);
    JsonNode rootAttrs = json.readTree(v2.resolve(".zattrs").toFile());
    assertThat(rootAttrs.get("encoding-type").asText()).isEqualTo("anndata");
    JsonNode codes = json.readTree(v2.resolve("obs/cell_type/codes/.zarray").toFile());
    assertThat(codes.get("dtype").asText()).isEqualTo("|i1");
    JsonNode index = json.readTree(v2.resolve("obs/_index/.zarray").toFile());
    assertThat(index.get("dtype").asText()).isEqualTo("|O");
    assertThat(index.get("filters").get(0).get("id").asText()).isEqualTo("vlen-utf8");
    JsonNode mask = json.readTree(v2.resolve("obs/n_genes/mask/.zarray").toFile());
    assertThat(mask.get("dtype").asText()).isEqualTo("|b1");
    assertThat(
            json.readTree(v2.resolve("obs/n_genes/.zattrs").toFile()).get("encoding-type").asText())
        .isEqualTo("nullable-integer");
    JsonNode xattrs = json.readTree(v2.resolve("X/.zattrs").toFile());
    assertThat(xattrs.get("shape").toString()).isEqualTo("[4,3]");
    assertThat(Files.exists(v2.resolve("X/indptr/0"))).isTrue();

    Path v3 = dir.resolve("s3.zarr");
    Samples.everyKind().writeZarr(v3, 3);
    JsonNode root = json.readTree(v3.resolve("zarr.json").toFile());
    assertThat(root.get("zarr_format").asInt()).isEqualTo(3);
    assertThat(root.get("node_type").asText()).isEqualTo("group");
    assertThat(root.get("attributes").get("encoding-type").asText()).isEqualTo("anndata");
    JsonNode data = json.readTree(v3.resolve("X/data/zarr.json").toFile());
    assertThat(data.get("data_type").asText()).isEqualTo("float32");
    assertThat(data.get("codecs").get(0).get("name").asText()).isEqualTo("bytes");
    assertThat(data.get("codecs").get(1).get("name").asText()).isEqualTo("zstd");
    JsonNode idx3 = json.readTree(v3.resolve("obs/_index/zarr.json").toFile());
    assertThat(idx3.get("data_type").asText()).isEqualTo("string");
    assertThat(idx3.get("codecs").get(0).get("name").asText()).isEqualTo("vlen-utf8");
    assertThat(Files.exists(v3.resolve("X/data/c/0"))).isTrue();
    assertThat(Files.exists(v3.resolve("uns/title/c"))).isTrue();
    Map<String, Object> m =
        json.convertValue(
            json.readTree(v3.resolve("obs/zarr.json").toFile()).get("attributes"), Map.class);
    assertThat(m).containsEntry("encoding-type", "dataframe").containsEntry("_index", "_index");
  }
}
