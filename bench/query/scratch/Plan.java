import java.nio.file.Files;
import java.util.List;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.query.QuerySpec;
import org.lamindb.query.Condition;
import org.lamindb.testing.Backend;

public class Plan {
  public static void main(String[] a) throws Exception {
    Backend b = Backend.valueOf(a[0]);
    try (LaminDB ln = b.newInstance(Files.createTempDirectory("plan"))) {
      Instance inst = Access.instance(ln);
      P4Bench.load(ln, 50000);
      P4Bench.analyze(inst);
      QuerySpec s = new QuerySpec(inst, inst.registry("Artifact"),
          List.of(Condition.of("ulabels__name", "label_5"), Condition.of("size__gt", 500000L)), List.of(), null, null, false, null);
      var q = s.select(inst.db().dsl(), List.of(DSL.count()), null, true);
      String sql = inst.db().dsl().renderInlined(q);
      System.out.println(sql);
      String ex = b == Backend.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ANALYZE ";
      for (Record r : inst.db().dsl().fetch(ex + sql)) System.out.println(r);
      String h = "SELECT count(DISTINCT a.id) FROM lamindb_artifact a JOIN lamindb_artifactulabel l ON l.artifact_id = a.id JOIN lamindb_ulabel u ON u.id = l.ulabel_id WHERE u.name = 'label_5' AND a.size > 500000 AND a.branch_id = 1";
      for (Record r : inst.db().dsl().fetch(ex + h)) System.out.println(r);
      QuerySpec p = new QuerySpec(inst, inst.registry("Artifact"),
          List.of(Condition.of("ulabels__name", "label_5"), Condition.of("size__gt", 500000L)), List.of(), 20, null, false, null);
      var q2 = p.select(inst.db().dsl(), List.of(DSL.field(DSL.name("b","id"))), "-id", true);
      String sql2 = inst.db().dsl().renderInlined(q2);
      System.out.println(sql2);
      for (Record r : inst.db().dsl().fetch(ex + sql2)) System.out.println(r);
    }
  }
}
