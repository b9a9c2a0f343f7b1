package org.lamindb.internal.collection;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads and maintains member lists shared across versions: a version's members are the link rows of
 * the versions on its {@code _base_id} chain and its own, in link-row (= insertion) order.
 */
final class MemberLists {
  private MemberLists() {}

  private static final String CHAIN =
      "WITH RECURSIVE chain(id, base_id) AS ("
          + " SELECT id, _base_id FROM lamindb_collection WHERE id = ?"
          + " UNION ALL"
          + " SELECT c.id, c._base_id FROM lamindb_collection c JOIN chain ON c.id = chain.base_id)"
          + " SELECT id FROM chain";

  /**
   * @return {@code collectionId} followed by the versions its member list extends
   */
  static List<Long> chain(DSLContext ctx, long collectionId) {
    List<Long> out = new ArrayList<>();
    for (Record r : ctx.fetch(CHAIN, collectionId)) {
      out.add(((Number) r.get(0)).longValue());
    }
    return out;
  }

  /**
   * @return the member artifact ids of {@code collectionId} in insertion order
   */
  static List<Long> memberIds(DSLContext ctx, long collectionId) {
    List<Long> chain = chain(ctx, collectionId);
    List<Long> out = new ArrayList<>();
    for (Record r :
        ctx.select(col("artifact_id"))
            .from(DSL.table(DSL.name(CollectionStore.LINKS)))
            .where(col("collection_id").in(chain))
            .orderBy(col("id"))
            .fetch()) {
      out.add(((Number) r.get(0)).longValue());
    }
    return out;
  }

  /**
   * Before {@code id} is deleted: every version pointing to it as its base gets {@code id}'s own
   * links ahead of its own (link ids keep the order) and points to {@code id}'s base instead.
   */
  static void detachChildren(CollectionStore store, DSLContext ctx, long id) {
    List<Long> children = new ArrayList<>();
    for (Record r :
        ctx.select(col("id"))
            .from(DSL.table(DSL.name("lamindb_collection")))
            .where(col("_base_id").eq(id))
            .orderBy(col("id"))
            .fetch()) {
      children.add(((Number) r.get(0)).longValue());
    }
    if (children.isEmpty()) {
      return;
    }
    Object base =
        ctx.select(col("_base_id"))
            .from(DSL.table(DSL.name("lamindb_collection")))
            .where(col("id").eq(id))
            .fetchOne(0);
    List<Long> own = ownLinks(ctx, id);
    for (int i = 1; i < children.size(); i++) { // rewrite: parent's links, then the child's
      long child = children.get(i);
      List<Long> mine = ownLinks(ctx, child);
      ctx.deleteFrom(DSL.table(DSL.name(CollectionStore.LINKS)))
          .where(col("collection_id").eq(child))
          .execute();
      List<Long> all = new ArrayList<>(own);
      all.addAll(mine);
      store.insertLinks(ctx, child, all);
    }
    long first = children.get(0); // the parent's rows are older than the child's: move them
    ctx.update(DSL.table(DSL.name(CollectionStore.LINKS)))
        .set(col("collection_id"), first)
        .where(col("collection_id").eq(id))
        .execute();
    ctx.update(DSL.table(DSL.name("lamindb_collection")))
        .set(col("_base_id"), base)
        .where(col("_base_id").eq(id))
        .execute();
  }

  private static List<Long> ownLinks(DSLContext ctx, long collectionId) {
    List<Long> out = new ArrayList<>();
    for (Record r :
        ctx.select(col("artifact_id"))
            .from(DSL.table(DSL.name(CollectionStore.LINKS)))
            .where(col("collection_id").eq(collectionId))
            .orderBy(col("id"))
            .fetch()) {
      out.add(((Number) r.get(0)).longValue());
    }
    return out;
  }
}
