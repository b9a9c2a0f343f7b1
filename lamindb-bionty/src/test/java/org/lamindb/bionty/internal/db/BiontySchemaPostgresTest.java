package org.lamindb.bionty.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.lamindb.bionty.BiontyModule;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.RegistryDef;
import org.lamindb.testing.PostgresTestServer;

class BiontySchemaPostgresTest {

  @Test
  void migrationRunsOnPostgres() throws SQLException {
    PostgresUrl url = PostgresUrl.parse(PostgresTestServer.newDatabase());
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS schema_test CASCADE");
      s.execute("CREATE SCHEMA schema_test");
      s.execute("SET search_path TO schema_test");
      CoreStubs.create(c);
      BiontySchemaTest.apply(c, Dialect.POSTGRES);
      for (RegistryDef def : new BiontyModule().registries()) {
        assertThat(BiontySchemaTest.columns(c, def.table())).containsAll(def.fields().keySet());
      }
      s.execute(
          "INSERT INTO bionty_celltype (uid, name, ontology_id) VALUES ('a', 'T cell', 'CL:1')");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO bionty_celltype_parents (from_celltype_id, to_celltype_id) VALUES (1, 99)"))
          .isInstanceOf(SQLException.class);
      s.execute("DROP SCHEMA schema_test CASCADE");
    }
  }
}
