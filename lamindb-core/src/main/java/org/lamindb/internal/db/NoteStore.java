package org.lamindb.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.Uids;
import org.lamindb.model.Note;
import org.lamindb.model.NoteSearch;
import org.lamindb.model.Notes;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldType;

/**
 * Reads and writes of markdown notes in the attached-block tables of {@link NotesV5}: readmes are
 * versioned (a new content revises the latest, same uid stem), comments are not; search is
 * full-text over latest readmes and comments of entities outside the trash.
 */
public final class NoteStore implements NoteSearch {
  /** Hosts with a notes API; their tables all have {@code branch_id}. */
  static final List<String> API_HOSTS =
      List.of("artifact", "collection", "transform", "run", "record", "project");

  /** Hosts searched by {@link #search(String, int)}. */
  static final List<String> SEARCHED =
      List.of(
          "artifact",
          "collection",
          "transform",
          "run",
          "record",
          "project",
          "schema",
          "feature",
          "ulabel");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int MAX_CONTENT = 1_000_000;

  private final Instance inst;
  private final Database db;

  private NoteStore(Instance inst) {
    this.inst = inst;
    this.db = inst.db();
  }

  /**
   * @return the note store of {@code inst}
   */
  public static NoteStore of(Instance inst) {
    return new NoteStore(inst);
  }

  private static String table(String host) {
    if (!SEARCHED.contains(host)) {
      throw new InvalidArgumentException(
          "no notes on '" + host + "'; notes attach to " + String.join(", ", API_HOSTS));
    }
    return "lamindb_" + host + "block";
  }

  private String select(String host) {
    String t = table(host);
    return "SELECT b.id, b.uid, b.kind, b.content, b.hash, b.is_latest, b.created_at,"
        + " u.handle AS created_by, h.uid AS host_uid, '"
        + host
        + "' AS host FROM "
        + t
        + " b JOIN lamindb_"
        + host
        + " h ON h.id = b."
        + host
        + "_id LEFT JOIN lamindb_user u ON u.id = b.created_by_id ";
  }

  private static Note note(Record r) {
    return new Note(
        r.get("uid", String.class),
        r.get("kind", String.class),
        r.get("content", String.class),
        r.get("hash", String.class),
        (Boolean) Database.fromSql(FieldType.BOOLEAN, r.get("is_latest")),
        (OffsetDateTime) Database.fromSql(FieldType.DATETIME, r.get("created_at")),
        r.get("created_by", String.class),
        r.get("host", String.class),
        r.get("host_uid", String.class));
  }

  /**
   * @return the latest readme of entity {@code id} of {@code host}
   */
  public Optional<Note> readme(String host, long id) {
    return readme(db.dsl(), host, id);
  }

  private Optional<Note> readme(DSLContext dsl, String host, long id) {
    return dsl
        .fetch(
            select(host)
                + "WHERE b."
                + host
                + "_id = ? AND b.kind = 'readme' AND b.is_latest = ? ORDER BY b.id DESC",
            id,
            db.toSql(FieldType.BOOLEAN, true))
        .stream()
        .findFirst()
        .map(NoteStore::note);
  }

  /**
   * @return notes of entity {@code id}, oldest first
   */
  public List<Note> list(String host, long id) {
    return db.dsl()
        .fetch(select(host) + "WHERE b." + host + "_id = ? ORDER BY b.id", id)
        .map(NoteStore::note);
  }

  /** Saves a new readme version unless the latest has the same content. */
  public Note setReadme(String host, long id, String markdown) {
    check(markdown);
    String t = table(host);
    return db.transaction(
        dsl -> {
          Optional<Note> latest = readme(dsl, host, id);
          String hash = hash(markdown);
          if (latest.isPresent() && hash.equals(latest.get().hash())) {
            return latest.get();
          }
          String uid =
              latest
                  .map(n -> n.uid().substring(0, 16) + Uids.increment(n.uid().substring(16)))
                  .orElseGet(() -> Uids.newFamily(20));
          dsl.execute(
              "UPDATE "
                  + t
                  + " SET is_latest = ? WHERE "
                  + host
                  + "_id = ? AND kind = 'readme' AND is_latest = ?",
              db.toSql(FieldType.BOOLEAN, false),
              id,
              db.toSql(FieldType.BOOLEAN, true));
          insert(dsl, host, id, uid, Note.README, markdown, hash);
          return readme(dsl, host, id).orElseThrow();
        });
  }

  /** Saves a comment. */
  public Note comment(String host, long id, String markdown) {
    check(markdown);
    if (markdown.isBlank()) {
      throw new InvalidArgumentException("a comment must not be empty");
    }
    return db.transaction(
        dsl -> {
          String uid = Uids.newFamily(20);
          insert(dsl, host, id, uid, Note.COMMENT, markdown, hash(markdown));
          return dsl.fetch(select(host) + "WHERE b.uid = ?", uid).map(NoteStore::note).get(0);
        });
  }

  private void insert(
      DSLContext dsl, String host, long id, String uid, String kind, String content, String hash) {
    dsl.execute(
        "INSERT INTO "
            + table(host)
            + " (uid, content, hash, kind, is_latest, created_at, created_by_id, "
            + host
            + "_id, branch_id, created_on_id) VALUES (?, ?, ?, ?, ?, "
            + (db.dialect() == Dialect.SQLITE ? "?" : "CAST(? AS TIMESTAMPTZ)")
            + ", ?, ?, ?, ?)",
        uid,
        content,
        hash,
        kind,
        db.toSql(FieldType.BOOLEAN, true),
        now(),
        inst.userId(),
        id,
        inst.branchId(),
        inst.branchId());
  }

  private Object now() {
    Object t = db.toSql(FieldType.DATETIME, OffsetDateTime.now(ZoneOffset.UTC));
    return t instanceof OffsetDateTime o ? o.toString() : t;
  }

  private static void check(String markdown) {
    if (markdown == null) {
      throw new InvalidArgumentException("a note needs content; got null");
    }
    if (markdown.length() > MAX_CONTENT) {
      throw new InvalidArgumentException(
          "a note has at most " + MAX_CONTENT + " characters, got " + markdown.length());
    }
  }

  /**
   * @return LaminDB's hash of a string: md5, base64url, 22 characters
   */
  static String hash(String content) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param host the host registry, e.g. {@code artifact}
   * @param rec the entity (checked to be saved on each call)
   * @return the notes of {@code rec}
   */
  public Notes forHost(String host, SQLRecord<?> rec) {
    table(host);
    return new Notes() {
      private long id() {
        if (rec.id() == null) {
          throw new InvalidArgumentException(
              rec.registry().name() + " is not saved yet; save it before adding notes");
        }
        return rec.id();
      }

      @Override
      public Optional<Note> readme() {
        return NoteStore.this.readme(host, id());
      }

      @Override
      public Note setReadme(String markdown) {
        return NoteStore.this.setReadme(host, id(), markdown);
      }

      @Override
      public Note comment(String markdown) {
        return NoteStore.this.comment(host, id(), markdown);
      }

      @Override
      public List<Note> list() {
        return NoteStore.this.list(host, id());
      }
    };
  }

  /**
   * @return notes whose content has every word of {@code text}, best first
   */
  @Override
  public List<Note> search(String text, int limit) {
    List<String> words = new ArrayList<>();
    var m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      words.add(m.group());
    }
    if (words.isEmpty()) {
      throw new InvalidArgumentException(
          "search needs at least one word (letters or digits), got '" + text + "'");
    }
    int n = Math.max(1, Math.min(limit, 1000));
    List<Object[]> hits = new ArrayList<>();
    if (db.dialect() == Dialect.SQLITE) {
      StringBuilder q = new StringBuilder();
      for (String w : words) {
        q.append(q.length() == 0 ? "" : " ")
            .append('"')
            .append(w.replace("\"", "\"\""))
            .append('"');
      }
      for (Record r :
          db.dsl()
              .fetch(
                  "SELECT host, block_id FROM "
                      + NotesV5.FTS
                      + " WHERE "
                      + NotesV5.FTS
                      + " MATCH ? ORDER BY rank LIMIT ?",
                  q.toString(),
                  n * 4)) {
        hits.add(new Object[] {r.get(0, String.class), r.get(1, Long.class)});
      }
    } else {
      StringBuilder sql = new StringBuilder("SELECT host, id FROM (");
      List<Object> binds = new ArrayList<>();
      String query = String.join(" ", words);
      for (int i = 0; i < SEARCHED.size(); i++) {
        String h = SEARCHED.get(i);
        sql.append(i == 0 ? "" : " UNION ALL ")
            .append("SELECT '")
            .append(h)
            .append(
                "' AS host, id, ts_rank(to_tsvector('simple', content), plainto_tsquery('simple',"
                    + " ?)) AS rank FROM ")
            .append(table(h))
            .append(
                " WHERE to_tsvector('simple', content) @@ plainto_tsquery('simple', ?) AND (kind ="
                    + " 'comment' OR is_latest)");
        binds.add(query);
        binds.add(query);
      }
      sql.append(") s ORDER BY rank DESC, id DESC LIMIT ?");
      binds.add(n * 4);
      for (Record r : db.dsl().fetch(sql.toString(), binds.toArray())) {
        hits.add(new Object[] {r.get(0, String.class), r.get(1, Long.class)});
      }
    }
    return resolve(hits, n);
  }

  /** Loads the hits (in rank order), keeping latest readmes and comments outside the trash. */
  private List<Note> resolve(List<Object[]> hits, int limit) {
    Map<String, List<Long>> byHost = new LinkedHashMap<>();
    for (Object[] h : hits) {
      byHost.computeIfAbsent((String) h[0], k -> new ArrayList<>()).add((Long) h[1]);
    }
    Map<String, Note> found = new LinkedHashMap<>();
    for (var e : byHost.entrySet()) {
      String host = e.getKey();
      List<Object> binds = new ArrayList<>(e.getValue());
      binds.add(db.toSql(FieldType.BOOLEAN, true));
      String in = String.join(",", java.util.Collections.nCopies(e.getValue().size(), "?"));
      for (Record r :
          db.dsl()
              .fetch(
                  select(host)
                      + "WHERE b.id IN ("
                      + in
                      + ") AND (b.kind = 'comment' OR b.is_latest = ?) AND h.branch_id <> -1",
                  binds.toArray())) {
        found.put(host + ":" + r.get("id", Long.class), note(r));
      }
    }
    List<Note> out = new ArrayList<>();
    for (Object[] h : hits) {
      Note note = found.get(h[0] + ":" + h[1]);
      if (note != null && out.size() < limit) {
        out.add(note);
      }
    }
    return out;
  }

  /**
   * @return the newest latest readmes and comments over the API hosts, newest first
   */
  @Override
  public List<Note> recent(int limit) {
    int n = Math.max(1, Math.min(limit, 500));
    List<Note> all = new ArrayList<>();
    for (String host : API_HOSTS) {
      all.addAll(
          db.dsl()
              .fetch(
                  select(host)
                      + "WHERE (b.kind = 'comment' OR b.is_latest = ?) AND h.branch_id <> -1"
                      + " ORDER BY b.id DESC LIMIT ?",
                  db.toSql(FieldType.BOOLEAN, true),
                  n)
              .map(NoteStore::note));
    }
    all.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    return all.size() > n ? all.subList(0, n) : all;
  }
}
