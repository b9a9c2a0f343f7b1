package org.lamindb.internal.setup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.db.PostgresUrl;

/**
 * A catalog in PostgreSQL: table {@code lamindb_catalog} (slug, owner, name, descriptor JSON) in
 * the schema named by {@code ?schema=} (default {@code public}). Credentials come from the
 * environment ({@code PGUSER}, {@code PGPASSWORD}, {@code ~/.pgpass}), never from the URI.
 */
final class PostgresCatalog extends Catalog {
  static final String TABLE = "lamindb_catalog";
  private final String uri;
  private final PostgresUrl url;
  private final String schema;

  PostgresCatalog(String uri, Map<String, String> env) {
    this.uri = uri;
    String q = uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "";
    String s = "public";
    for (String kv : q.split("&")) {
      if (kv.startsWith("schema=")) {
        s = kv.substring("schema=".length());
      }
    }
    if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new InvalidArgumentException(
          "catalog schema '" + s + "' is not a plain lower-case SQL name; use e.g. ?schema=lamin");
    }
    this.schema = s;
    String base = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    this.url = Credentials.complete(PostgresUrl.parse(base), env);
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public String locationOf(String owner, String name) {
    return uri + " (" + schema + "." + TABLE + " row " + owner + "/" + name + ")";
  }

  private Connection connect(boolean create) throws SQLException {
    Properties p = new Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    p.setProperty("connectTimeout", "10");
    Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
    if (create) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        st.execute(
            "CREATE TABLE IF NOT EXISTS "
                + schema
                + "."
                + TABLE
                + " (slug TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL,"
                + " descriptor TEXT NOT NULL, published_at TEXT)");
      }
    }
    return c;
  }

  @Override
  public void put(InstanceDescriptor d) {
    try (Connection c = connect(true);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + schema
                    + "."
                    + TABLE
                    + " (slug, owner, name, descriptor, published_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (slug) DO UPDATE SET descriptor = EXCLUDED.descriptor,"
                    + " published_at = EXCLUDED.published_at")) {
      ps.setString(1, d.slug());
      ps.setString(2, d.owner());
      ps.setString(3, d.name());
      ps.setString(4, new String(d.toJson(), StandardCharsets.UTF_8));
      ps.setString(5, d.publishedAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  @Override
  public Optional<InstanceDescriptor> get(String owner, String name) {
    List<InstanceDescriptor> l = query(owner + "/" + name);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  @Override
  public List<InstanceDescriptor> list() {
    return query(null);
  }

  private List<InstanceDescriptor> query(String slug) {
    List<InstanceDescriptor> out = new ArrayList<>();
    try (Connection c = connect(false)) {
      if (!tableExists(c)) {
        return out;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT slug, descriptor FROM "
                  + schema
                  + "."
                  + TABLE
                  + (slug == null ? "" : " WHERE slug = ?")
                  + " ORDER BY slug")) {
        if (slug != null) {
          ps.setString(1, slug);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                InstanceDescriptor.fromJson(
                    rs.getString(2).getBytes(StandardCharsets.UTF_8),
                    uri + " row " + rs.getString(1)));
          }
        }
      }
    } catch (SQLException e) {
      throw unreachable(e);
    }
    return out;
  }

  private boolean tableExists(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
