package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.model.Artifact;

/** Resolves what CLI users type for an artifact: a uid, a 16-character uid stem, or a key. */
public final class ArtifactLookup {
  private ArtifactLookup() {}

  /**
   * @return the matching artifact (the latest version for stems and keys)
   */
  public static Artifact find(Instance inst, String ref, boolean includeTrash) {
    ArtifactStore store = ArtifactStore.of(inst);
    Condition visible = includeTrash ? DSL.trueCondition() : col("branch_id").ne(RecordStore.TRASH);
    if (Uids.isBase62(ref) && (ref.length() == 20 || ref.length() == 16)) {
      // equality or a range keeps to the uid index (SQLite's LIKE is case-insensitive and scans)
      Condition uid =
          ref.length() == 20
              ? col("uid").eq(ref)
              : inst.db().dialect() == org.lamindb.spi.Dialect.SQLITE
                  ? col("uid").ge(ref).and(col("uid").lt(ref + "~")).and(col("uid").like(ref + "%"))
                  : col("uid").like(ref + "%");
      List<Artifact> l = store.load(inst.db().dsl(), uid.and(visible));
      if (!l.isEmpty()) {
        return l.stream()
            .filter(Artifact::isLatest)
            .reduce((a, b) -> b)
            .orElse(l.get(l.size() - 1));
      }
    }
    List<Artifact> byKey = store.load(inst.db().dsl(), col("key").eq(ref).and(visible));
    if (!byKey.isEmpty()) {
      return byKey.stream()
          .filter(Artifact::isLatest)
          .reduce((a, b) -> b)
          .orElse(byKey.get(byKey.size() - 1));
    }
    throw new NotFoundException(
        "no artifact with uid or key '"
            + ref
            + "'"
            + (includeTrash ? "" : " (trashed artifacts are not searched)")
            + "; list artifacts with `lamin list artifact`");
  }
}
