package org.lamindb.bionty.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyModule;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.SchemaBuilder;

class BiontySchemaTest {

  @Test
  void moduleIsFoundByServiceLoader() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(LaminModule.class).forEach(m -> names.add(m.name()));
    assertThat(names).contains("bionty");
  }

  @Test
  void registriesMatchTheSpecTables() {
    List<String> tables = new BiontyModule().registries().stream().map(RegistryDef::table).toList();
    assertThat(tables)
        .containsExactly(
            "bionty_source",
            "bionty_organism",
            "bionty_gene",
            "bionty_protein",
            "bionty_cellmarker",
            "bionty_celltype",
            "bionty_cellline",
            "bionty_tissue",
            "bionty_disease",
            "bionty_phenotype",
            "bionty_pathway",
            "bionty_experimentalfactor",
            "bionty_developmentalstage",
            "bionty_ethnicity");
    RegistryDef ct = BiontyRegistries.of(BiontyEntity.CELL_TYPE);
    assertThat(ct.relation("parents").orElseThrow().linkTable())
        .isEqualTo("bionty_celltype_parents");
    assertThat(ct.relation("parents").orElseThrow().linkSource()).isEqualTo("from_celltype_id");
    assertThat(ct.relation("artifacts").orElseThrow().linkTable())
        .isEqualTo("bionty_artifactcelltype");
    assertThat(BiontyRegistries.of(BiontyEntity.GENE).nameField()).isEqualTo("symbol");
  }

  @Test
  void migrationRunsOnSqliteWithEveryRegistryColumn(@TempDir Path tmp) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("t.db"))) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA foreign_keys = ON");
      }
      CoreStubs.create(c);
      apply(c, Dialect.SQLITE);
      for (RegistryDef def : new BiontyModule().registries()) {
        assertThat(columns(c, def.table())).containsAll(def.fields().keySet());
      }
      assertThat(columns(c, "bionty_celltype_parents"))
          .containsExactly("id", "from_celltype_id", "to_celltype_id");
      assertThat(columns(c, "bionty_artifactcelltype"))
          .contains(
              "artifact_id",
              "celltype_id",
              "feature_id",
              "label_ref_is_name",
              "feature_ref_is_name",
              "created_by_id",
              "run_id");
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO bionty_celltype (uid, name, ontology_id) VALUES ('a', 'T cell', 'CL:1')");
        // (name, ontology_id) is unique
        assertThatThrownBy(
                () ->
                    s.execute(
                        "INSERT INTO bionty_celltype (uid, name, ontology_id) VALUES ('b', 'T cell', 'CL:1')"))
            .isInstanceOf(SQLException.class);
        // defaults fill the tracking columns
        try (ResultSet rs =
            s.executeQuery(
                "SELECT branch_id, space_id, created_by_id, is_locked, created_at FROM bionty_celltype")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(1);
          assertThat(rs.getLong(2)).isEqualTo(1);
          assertThat(rs.getLong(3)).isEqualTo(1);
          assertThat(rs.getBoolean(4)).isFalse();
          assertThat(rs.getString(5)).isNotBlank();
        }
        // a gene without organism is refused
        assertThatThrownBy(
                () -> s.execute("INSERT INTO bionty_gene (uid, symbol) VALUES ('g', 'TCF7')"))
            .isInstanceOf(SQLException.class);
      }
    }
  }

  static void apply(Connection c, Dialect d) throws SQLException {
    SchemaBuilder b = new SchemaBuilder(d);
    new BiontyModule().migrations().get(0).define(b);
    try (Statement s = c.createStatement()) {
      for (String sql : b.statements()) {
        s.execute(sql);
      }
    }
  }

  static List<String> columns(Connection c, String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        cols.add(rs.getString("COLUMN_NAME"));
      }
    }
    return cols;
  }
}
