import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.lamindb.LaminDB;
import org.lamindb.curate.InspectResult;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.ULabel;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.spi.Dialect;
import org.lamindb.testing.Backend;

/**
 * N ULabels ("label_0" ... under one type "Batch", loaded in bulk), then N input values (3/4 present — a quarter of
 * them in other casing — and 1/4 unknown, shuffled) validated with {@code ln.ulabels().validate(values)}, inspected,
 * standardized, and validated through a filtered query set ({@code filter("type", batch)}); against a hand-written
 * baseline (plain JDBC: SELECT name of the non-trashed rows into a HashSet, then look every value up). Medians of 20
 * after 5 warm-ups. Usage: ValidateBench [n] [sqlite|postgres|both].
 */
public final class ValidateBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    String which = args.length > 1 ? args[1] : "both";
    System.out.println("java: " + System.getProperty("java.runtime.version") + ", heap max "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    if (!which.equals("postgres")) {
      run(Backend.SQLITE, n);
    }
    if (!which.equals("sqlite")) {
      run(Backend.POSTGRES, n);
    }
  }

  static void run(Backend backend, int n) throws Exception {
    Path tmp = Files.createTempDirectory("validatebench");
    try (LaminDB ln = backend.newInstance(tmp)) {
      Instance inst = Access.instance(ln);
      System.out.println();
      System.out.println("== " + backend + ": " + (inst.db().dialect() == Dialect.SQLITE
          ? "SQLite " + inst.db().dsl().fetchValue("select sqlite_version()")
          : inst.db().dsl().fetchValue("select version()")));
      long t0 = System.nanoTime();
      ULabel batch = ln.ulabel("Batch").isType(true).save();
      List<Map<String, Object>> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "label_" + i);
        m.put("type_id", batch.id());
        rows.add(m);
      }
      for (int s = 0; s < n; s += 10_000) {
        BulkLoader.insert(ln, CoreRegistries.ULABEL, rows.subList(s, Math.min(n, s + 10_000)));
      }
      inst.db().dsl().execute("ANALYZE");
      System.out.printf("load: %,d ulabels in %.1f s%n", n + 1, (System.nanoTime() - t0) / 1e9);

      Random r = new Random(11);
      List<String> values = new ArrayList<>(n);
      int expectValid = 0;
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(4);
        if (k == 0) {
          values.add("unknown_" + i);
        } else if (k == 1) {
          values.add("LABEL_" + r.nextInt(n));
        } else {
          values.add("label_" + r.nextInt(n));
          expectValid++;
        }
      }
      Collections.shuffle(values, r);
      Set<String> names = baselineNames(inst);
      int baseValid = 0;
      for (String v : values) {
        baseValid += names.contains(v) ? 1 : 0;
      }
      boolean[] ok = ln.ulabels().validate(values);
      int valid = 0;
      for (boolean b : ok) {
        valid += b ? 1 : 0;
      }
      if (valid != expectValid || baseValid != expectValid) {
        throw new IllegalStateException(valid + " / " + baseValid + " validated, expected " + expectValid);
      }
      InspectResult ir = ln.ulabels().inspect(values);
      System.out.printf("inputs: %,d values, %,d validate; inspect: %,d unique, %,d validated, %,d casing hints%n",
          n, valid, ir.nUnique(), ir.validated().size(), ir.synonymsMapper().size());

      time("ln.ulabels().validate(values)", () -> ln.ulabels().validate(values));
      time("ln.ulabels().filter(\"type\", batch).validate(values)",
          () -> ln.ulabels().filter("type", batch).validate(values));
      List<String> few = values.subList(0, 10);
      time("ln.ulabels().validate(10 values) (values in the SQL)", () -> ln.ulabels().validate(few));
      List<String> thousand = values.subList(0, 1000);
      time("ln.ulabels().validate(1,000 values) (values in the SQL)",
          () -> ln.ulabels().validate(thousand));
      time("ln.ulabels().inspect(values)", () -> ln.ulabels().inspect(values));
      time("ln.ulabels().standardize(values)", () -> ln.ulabels().standardize(values));
      time("baseline: JDBC SELECT name -> HashSet, then lookups", () -> {
        Set<String> s = baselineNames(inst);
        boolean[] b = new boolean[values.size()];
        for (int i = 0; i < b.length; i++) {
          b[i] = s.contains(values.get(i));
        }
        return b;
      });
    }
  }

  static Set<String> baselineNames(Instance inst) throws Exception {
    Set<String> s = new HashSet<>();
    try (Connection c = inst.db().connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT name FROM lamindb_ulabel WHERE branch_id = 1")) {
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          s.add(rs.getString(1));
        }
      }
    }
    return s;
  }

  interface Work {
    Object run() throws Exception;
  }

  static void time(String what, Work w) throws Exception {
    long[] d = new long[20];
    for (int i = -5; i < d.length; i++) {
      long s = System.nanoTime();
      w.run();
      if (i >= 0) {
        d[i] = System.nanoTime() - s;
      }
    }
    Arrays.sort(d);
    System.out.printf("%-60s median %7.1f ms, p90 %7.1f ms%n", what, d[d.length / 2] / 1e6, d[d.length * 9 / 10] / 1e6);
  }
}
