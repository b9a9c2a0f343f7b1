package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.CoreMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable intents of saves in flight (core migration 3): a save records its temporary key, storage
 * and owner before it uploads, a daemon heartbeat extends the lease while the save runs, and the
 * row is deleted after the artifact row committed (or the save failed and cleaned up). {@code lamin
 * repair} keeps every temporary upload whose intent is live.
 */
public final class SaveIntents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SaveIntents.class);

  /** How long an intent stays live without a heartbeat. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final String HOST = hostName();
  private static final long PID = ProcessHandle.current().pid();

  private final Instance inst;
  private final Set<Long> live = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService heartbeat;

  SaveIntents(Instance inst) {
    this.inst = inst;
  }

  /**
   * @return the intent service of {@code inst}
   */
  public static SaveIntents of(Instance inst) {
    return inst.service(SaveIntents.class, SaveIntents::new);
  }

  /** One save's intent; closing it deletes the row. */
  final class Intent implements AutoCloseable {
    final long id;
    final String tempKey;

    Intent(long id, String tempKey) {
      this.id = id;
      this.tempKey = tempKey;
    }

    @Override
    public void close() {
      live.remove(id);
      try {
        inst.db().dsl().deleteFrom(table()).where(col("id").eq(id)).execute();
      } catch (RuntimeException e) {
        LOG.warn(
            "could not remove the save intent for {} (it expires by itself): {}",
            tempKey,
            e.getMessage());
      }
    }
  }

  /**
   * Records (committed, before anything is uploaded) that this process is about to write {@code
   * tempKey} in storage {@code storageId}.
   */
  Intent begin(long storageId, String tempKey) {
    long now = System.currentTimeMillis();
    Record r =
        inst.db()
            .dsl()
            .insertInto(table())
            .set(col("storage_id"), storageId)
            .set(col("temp_key"), tempKey)
            .set(col("owner"), owner())
            .set(col("created_at_ms"), now)
            .set(col("heartbeat_at_ms"), now)
            .set(col("expires_at_ms"), now + LEASE.toMillis())
            .returningResult(col("id"))
            .fetchOne();
    long id = ((Number) r.get(0)).longValue();
    live.add(id);
    startHeartbeat();
    return new Intent(id, tempKey);
  }

  private synchronized void startHeartbeat() {
    if (heartbeat != null) {
      return;
    }
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "lamindb-save-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long period = LEASE.toMillis() / 4;
    heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  private void renew() {
    if (live.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    try {
      inst.db()
          .dsl()
          .update(table())
          .set(col("heartbeat_at_ms"), now)
          .set(col("expires_at_ms"), now + LEASE.toMillis())
          .where(col("id").in(new ArrayList<>(live)))
          .execute();
    } catch (RuntimeException e) {
      LOG.warn("could not renew save intents: {}", e.getMessage());
    }
  }

  /** A recorded intent as repair sees it. */
  record Seen(String tempKey, String owner, long createdAtMs, long expiresAtMs) {
    /**
     * @return {@code live}, {@code expired} or {@code owner dead} at {@code nowMs}
     */
    String state(long nowMs) {
      if (ownerDead(owner)) {
        return "owner dead";
      }
      return expiresAtMs > nowMs ? "live" : "expired";
    }
  }

  /**
   * @return every intent recorded for storage {@code storageId}
   */
  static List<Seen> list(DSLContext ctx, long storageId) {
    List<Seen> out = new ArrayList<>();
    for (Record r :
        ctx.select(col("temp_key"), col("owner"), col("created_at_ms"), col("expires_at_ms"))
            .from(table())
            .where(col("storage_id").eq(storageId))
            .fetch()) {
      out.add(
          new Seen(
              (String) r.get(0),
              (String) r.get(1),
              ((Number) r.get(2)).longValue(),
              ((Number) r.get(3)).longValue()));
    }
    return out;
  }

  /** Deletes the intents of {@code tempKey} (repair, after removing the upload). */
  static void forget(DSLContext ctx, long storageId, String tempKey) {
    ctx.deleteFrom(table())
        .where(col("storage_id").eq(storageId))
        .and(col("temp_key").eq(tempKey))
        .execute();
  }

  /**
   * @return {@code host:pid} of this process
   */
  static String owner() {
    return HOST + ":" + PID;
  }

  /**
   * @return true when {@code owner} names a process on this host that no longer runs (an owner on
   *     another host is judged by its lease only)
   */
  static boolean ownerDead(String owner) {
    int colon = owner.lastIndexOf(':');
    if (colon < 0 || !owner.substring(0, colon).equals(HOST)) {
      return false;
    }
    try {
      long pid = Long.parseLong(owner.substring(colon + 1));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static org.jooq.Table<?> table() {
    return DSL.table(DSL.name(CoreMigrations.SAVE_INTENT));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService h = heartbeat;
    if (h != null) {
      h.shutdownNow();
    }
  }
}
