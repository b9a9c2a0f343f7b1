package org.lamindb.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.model.Collection;

/**
 * A read-only Spark catalog over a LaminDB instance's collections, so that SQL can name them:
 *
 * <pre>{@code
 * spark.sql.catalog.lamin=org.lamindb.spark.LaminCatalog
 * spark.sql.catalog.lamin.instance=owner/name
 *
 * SELECT artifact_uid, count(*) FROM lamin.collections.`my/collection` GROUP BY artifact_uid
 * SELECT * FROM lamin.collections.`my/collection@0001`      -- a given version
 * }</pre>
 *
 * <p>Tables are the latest versions of collection keys in namespace {@code collections}; a table
 * reads exactly like {@code spark.read().format("lamindb").option("collection", key)} (artifact
 * columns, registry pruning). Catalog options are the source's options ({@code instance}, {@code
 * lamin_home}, {@code features}).
 */
public final class LaminCatalog implements TableCatalog {
  private static final String NAMESPACE = "collections";
  private String name;
  private Map<String, String> options = Map.of();

  /** Creates the catalog (Spark does it from {@code spark.sql.catalog.<name>}). */
  public LaminCatalog() {}

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.options = new HashMap<>(options.asCaseSensitiveMap());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[] defaultNamespace() {
    return new String[] {NAMESPACE};
  }

  private LaminDB ln() {
    return LaminSpark.instance(options);
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    requireNamespace(namespace);
    Set<String> keys = new LinkedHashSet<>();
    for (Collection c : ln().collections().filter("is_latest", true).orderBy("key").list()) {
      if (c.key() != null) {
        keys.add(c.key());
      }
    }
    List<Identifier> out = new ArrayList<>();
    for (String k : keys) {
      out.add(Identifier.of(new String[] {NAMESPACE}, k));
    }
    return out.toArray(Identifier[]::new);
  }

  private void requireNamespace(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 1 || !namespace[0].equalsIgnoreCase(NAMESPACE)) {
      throw new NoSuchNamespaceException(namespace);
    }
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    if (ident.namespace().length != 1 || !ident.namespace()[0].equalsIgnoreCase(NAMESPACE)) {
      throw new NoSuchTableException(ident);
    }
    String ref = ident.name();
    Map<String, String> o = new HashMap<>(options);
    int at = ref.lastIndexOf('@');
    if (at > 0) {
      o.put("version", ref.substring(at + 1));
      ref = ref.substring(0, at);
    }
    o.put("collection", ref);
    try {
      Members.collection(ln(), o); // fail now, as Spark expects, when it does not exist
    } catch (NotFoundException e) {
      throw new NoSuchTableException(ident);
    }
    Map<String, String> resolvedOptions = Map.copyOf(o);
    Selection[] memo = new Selection[1];
    return new LaminTable(
        name + "." + NAMESPACE + "." + ident.name(),
        () -> {
          synchronized (memo) {
            if (memo[0] == null) {
              memo[0] = Selection.resolve(SparkSession.active(), resolvedOptions, null);
            }
            return memo[0];
          }
        });
  }

  @Override
  public Table createTable(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties) {
    throw readOnly();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
    throw readOnly();
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly();
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly();
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException(
        "the lamin catalog is read-only: write with df.write().format(\"lamindb\").option(\"key\","
            + " ...).option(\"collection\", ...).save()");
  }
}
