package org.lamindb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;

/**
 * The facets of {@code /artifacts}: the newest labels, projects and schemas and the common
 * suffixes, each with its number of artifacts (over the whole instance, one indexed count per
 * value), as links that add the facet to the current filter. The counts are kept and refreshed in
 * the background when an artifact was added or {@link #TTL_NANOS} has passed, so list pages cost
 * one cheap query for them.
 */
final class Facets {
  static final long TTL_NANOS = 30_000_000_000L;
  static final List<String> SUFFIXES =
      List.of(".csv", ".tsv", ".parquet", ".h5ad", ".zarr", ".txt", ".json", ".fasta", ".fastq.gz");
  private static final int LABELS = 12;
  private static final int SCHEMAS = 8;

  private final LaminDB ln;
  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "lamin-ui-facets");
            t.setDaemon(true);
            return t;
          });
  private List<Facet> cached;
  private long cachedAt;
  private Long cachedNewest;
  private boolean refreshing;

  /** A facet value: the filter term it adds, the label shown and its count. */
  record Value(String term, String label, long count) {}

  /** One facet: its name and values (with at least one artifact). */
  record Facet(String name, List<Value> values) {}

  Facets(LaminDB ln) {
    this.ln = ln;
  }

  /**
   * The facets. Only the first call computes them on the caller's thread; when they are older than
   * {@link #TTL_NANOS} or an artifact was added since, the current ones are returned and new ones
   * are computed in the background, so no later page waits for the counts.
   */
  List<Facet> get() {
    Long newest =
        ln.artifacts().orderBy("-id").limit(1).list().stream()
            .map(a -> a.id())
            .findFirst()
            .orElse(null);
    long now = System.nanoTime();
    synchronized (this) {
      if (cached == null) {
        cached = compute();
        cachedAt = now;
        cachedNewest = newest;
      } else if (!refreshing
          && (now - cachedAt > TTL_NANOS || !Objects.equals(newest, cachedNewest))) {
        refreshing = true;
        try {
          refresher.execute(() -> refresh(newest, now));
        } catch (RejectedExecutionException e) {
          refreshing = false; // closed: keep serving the current counts
        }
      }
      return cached;
    }
  }

  private void refresh(Long newest, long at) {
    List<Facet> fresh = null;
    try {
      fresh = compute();
    } catch (RuntimeException e) {
      // keep the current counts; the next page view tries again
    } finally {
      synchronized (this) {
        if (fresh != null) {
          cached = fresh;
          cachedAt = at;
          cachedNewest = newest;
        }
        refreshing = false;
      }
    }
  }

  /** Stops the background refresh (server stop). */
  void close() {
    refresher.shutdownNow();
  }

  private List<Facet> compute() {
    List<Facet> out = new ArrayList<>();
    add(out, "label", "ulabels", ln.ulabels().orderBy("-id").limit(LABELS).list(), u -> u.name());
    add(
        out,
        "project",
        "projects",
        ln.projects().orderBy("-id").limit(LABELS).list(),
        p -> p.name());
    add(
        out,
        "schema",
        "schema",
        ln.schemas().orderBy("-id").limit(SCHEMAS).list(),
        s -> s.name() != null ? s.name() : s.uid());
    List<Value> suffixes = new ArrayList<>();
    for (String s : SUFFIXES) {
      long n = ln.artifacts().filter("suffix", s).count();
      if (n > 0) {
        suffixes.add(new Value("suffix=" + s, s, n));
      }
    }
    if (!suffixes.isEmpty()) {
      out.add(new Facet("suffix", suffixes));
    }
    return out;
  }

  private <T extends SQLRecord<?>> void add(
      List<Facet> out, String name, String relation, List<T> items, Function<T, String> label) {
    List<Value> values = new ArrayList<>();
    for (T t : items) {
      long n = ln.artifacts().filter(relation, t).count();
      if (n > 0) {
        values.add(new Value(relation + "__uid=" + t.uid(), label.apply(t), n));
      }
    }
    if (!values.isEmpty()) {
      out.add(new Facet(name, values));
    }
  }

  /**
   * @param terms the current filter terms (a facet link adds its own; an active one is marked)
   * @return the facet bar
   */
  static String html(List<Facet> facets, List<String> terms) {
    Html h = new Html().raw("<div class=\"facets\">");
    for (Facet f : facets) {
      h.raw("<span class=\"facet\" data-facet=\"")
          .text(f.name())
          .raw("\">")
          .text(f.name())
          .raw(": ");
      for (Value v : f.values()) {
        boolean active = terms.contains(v.term());
        List<String> next = new ArrayList<>(terms);
        if (active) {
          next.remove(v.term());
        } else {
          next.add(v.term());
        }
        h.raw(active ? "<a class=\"active\" href=\"" : "<a href=\"")
            .text(
                "/artifacts"
                    + (next.isEmpty() ? "" : "?filter=" + Html.url(String.join(" ", next))))
            .raw("\">")
            .text(v.label())
            .raw(" <span class=\"count\">")
            .text(v.count())
            .raw("</span></a> ");
      }
      h.raw("</span> ");
    }
    return h.raw("</div>").toString();
  }
}
