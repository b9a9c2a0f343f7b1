package org.lamindb.internal.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.lamindb.InstanceException;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.SqlDatabase;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The metadata database of one instance: a small connection pool, a jOOQ context for the dialect,
 * and the conversions between Java values and each backend's column representation (SQLite keeps
 * dates, timestamps and JSON as text; PostgreSQL has native types).
 */
public final class Database implements AutoCloseable, SqlDatabase {
  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  /** Fixed-width UTC text form of timestamps on SQLite; sorts chronologically as text. */
  static final DateTimeFormatter SQLITE_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private static final DateTimeFormatter LENIENT_TS =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalEnd()
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  /**
   * @return the shared JSON mapper (created on first use: it loads hundreds of classes, which
   *     start-up avoids)
   */
  public static ObjectMapper json() {
    return JsonHolder.MAPPER;
  }

  private static final class JsonHolder {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final DSLContext dsl;
  private final String description;
  private final String readOnlyLabel;

  private Database(Dialect dialect, HikariDataSource ds, String description) {
    this(dialect, ds, description, null);
  }

  private Database(Dialect dialect, HikariDataSource ds, String description, String readOnlyLabel) {
    this.dialect = dialect;
    this.dataSource = ds;
    this.description = description;
    this.readOnlyLabel = readOnlyLabel;
    Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    org.jooq.Configuration cfg =
        new org.jooq.impl.DefaultConfiguration()
            .set(ds)
            .set(dialect == Dialect.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES)
            .set(settings);
    if (readOnlyLabel != null) {
      cfg = cfg.set(new ReadOnlyGuard(readOnlyLabel));
    }
    this.dsl = DSL.using(cfg);
  }

  /**
   * Opens the SQLite file {@code file} read-only ({@code mode=ro}): no write reaches it, the file
   * is never created, and every write through jOOQ fails with a {@link
   * org.lamindb.ReadOnlyException} naming {@code label}.
   */
  public static Database sqliteReadOnly(Path file, String label) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InstanceException(
          "no SQLite database at " + file + "; pass the path of a lamin.db file or its storage");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
    config.setBusyTimeout(60_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
    SQLiteDataSource sds = new SQLiteDataSource(config);
    sds.setUrl("jdbc:sqlite:" + file.toAbsolutePath().toUri().toString() + "?mode=ro");
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(sds);
    hc.setPoolName("lamindb-sqlite-ro");
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setReadOnly(true);
    hc.setConnectionTimeout(60_000);
    try {
      return new Database(
          Dialect.SQLITE, new HikariDataSource(hc), "SQLite " + file + " (read-only)", label);
    } catch (HikariPool.PoolInitializationException e) {
      throw new InstanceException(
          "cannot open the SQLite database " + file + " read-only: " + rootMessage(e), e);
    }
  }

  /**
   * Connects to PostgreSQL with read-only sessions ({@code readOnlyMode=always}: the server refuses
   * writes); every write through jOOQ fails first with a {@link org.lamindb.ReadOnlyException}.
   */
  public static Database postgresReadOnly(PostgresUrl url, String label) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hc.setUsername(url.user());
    }
    if (url.password() != null) {
      hc.setPassword(url.password());
    }
    hc.setPoolName("lamindb-postgres-ro");
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setReadOnly(true);
    hc.setConnectionTimeout(10_000);
    hc.addDataSourceProperty("connectTimeout", "5");
    hc.addDataSourceProperty("readOnly", "true");
    hc.addDataSourceProperty("readOnlyMode", "always");
    try {
      return new Database(
          Dialect.POSTGRES,
          new HikariDataSource(hc),
          "PostgreSQL " + url.redacted() + " (read-only)",
          label);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new InstanceException(
          "cannot connect to PostgreSQL at "
              + url.redacted()
              + ": "
              + rootMessage(e)
              + ". Check that the server is running and that your credentials (PGUSER/PGPASSWORD"
              + " or ~/.pgpass) grant access.",
          e);
    }
  }

  /**
   * @return {@code ctx}, refusing writes when this database is read-only (for contexts built on a
   *     raw connection of this database)
   */
  public DSLContext guard(DSLContext ctx) {
    return readOnlyLabel == null
        ? ctx
        : DSL.using(ctx.configuration().derive(new ReadOnlyGuard(readOnlyLabel)));
  }

  /**
   * @return true for databases opened with {@link #sqliteReadOnly} or {@link #postgresReadOnly}
   */
  public boolean isReadOnly() {
    return readOnlyLabel != null;
  }

  /** Refuses every statement that is not a read, before it reaches the driver. */
  private static final class ReadOnlyGuard implements org.jooq.ExecuteListener {
    private static final long serialVersionUID = 1L;
    private final String label;

    ReadOnlyGuard(String label) {
      this.label = label;
    }

    @Override
    public void executeStart(org.jooq.ExecuteContext ctx) {
      org.jooq.ExecuteType t = ctx.type();
      if (t == org.jooq.ExecuteType.READ) {
        return;
      }
      if (ctx.query() instanceof org.jooq.Select<?>) {
        return;
      }
      throw new org.lamindb.ReadOnlyException(label + ": it cannot write (" + t + " refused)");
    }
  }

  /** Opens (creating if needed) the SQLite database file {@code file}. */
  public static Database sqlite(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(60_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sds = new SQLiteDataSource(config);
    sds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(sds);
    hc.setPoolName("lamindb-sqlite");
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setConnectionTimeout(60_000);
    try {
      return new Database(Dialect.SQLITE, new HikariDataSource(hc), "SQLite " + file);
    } catch (HikariPool.PoolInitializationException e) {
      throw new InstanceException(
          "cannot open the SQLite database "
              + file
              + ": "
              + rootMessage(e)
              + ". Check that the folder exists and is writable.",
          e);
    }
  }

  /** Connects to PostgreSQL given a {@link PostgresUrl}. */
  public static Database postgres(PostgresUrl url) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hc.setUsername(url.user());
    }
    if (url.password() != null) {
      hc.setPassword(url.password());
    }
    hc.setPoolName("lamindb-postgres");
    hc.setMaximumPoolSize(8);
    hc.setMinimumIdle(0);
    hc.setConnectionTimeout(10_000);
    hc.addDataSourceProperty("connectTimeout", "5");
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      return new Database(
          Dialect.POSTGRES, new HikariDataSource(hc), "PostgreSQL " + url.redacted());
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new InstanceException(
          "cannot connect to PostgreSQL at "
              + url.redacted()
              + ": "
              + rootMessage(e)
              + ". Check that the server is running and that host, port, user, password and database"
              + " name in the URL are right.",
          e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m).trim();
  }

  /**
   * @return the backend
   */
  @Override
  public Dialect dialect() {
    return dialect;
  }

  /**
   * @return the jOOQ context (auto-commit; use {@link #transaction} for atomic work)
   */
  @Override
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * @return a human-readable description without credentials
   */
  public String description() {
    return description;
  }

  /**
   * @return a raw JDBC connection from the pool (caller closes it)
   */
  @Override
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * @return the pool, for Flyway
   */
  javax.sql.DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code work} in one transaction (nested calls join the outer one) and returns its result.
   *
   * @param work receives a context bound to the transaction
   */
  @Override
  public <T> T transaction(Function<DSLContext, T> work) {
    return dsl.transactionResult(cfg -> work.apply(DSL.using(cfg)));
  }

  /** Converts a Java value of {@code type} to what the backend column takes as a bind value. */
  @Override
  public Object toSql(FieldType type, Object value) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case STRING, TEXT:
        return value.toString();
      case INTEGER:
        return ((Number) value).longValue();
      case FLOAT:
        return ((Number) value).doubleValue();
      case BOOLEAN:
        return value;
      case DATE:
        LocalDate d = value instanceof LocalDate ld ? ld : LocalDate.parse(value.toString());
        return dialect == Dialect.SQLITE ? d.toString() : d;
      case DATETIME:
        OffsetDateTime t =
            (value instanceof OffsetDateTime o ? o : parseTimestamp(value.toString()))
                .withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        return dialect == Dialect.SQLITE ? SQLITE_TS.format(t) : t;
      case JSON:
        String json = value instanceof JsonNode n ? n.toString() : jsonText(value);
        return dialect == Dialect.SQLITE ? json : JSONB.jsonb(json);
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }

  private static String jsonText(Object value) {
    try {
      return json().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("value is not JSON-serializable: " + value, e);
    }
  }

  /** Converts a raw JDBC value of a column of {@code type} to its Java value. */
  public static Object fromSql(FieldType type, Object raw) {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case STRING, TEXT:
        return raw.toString();
      case INTEGER:
        return raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString());
      case FLOAT:
        return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString());
      case BOOLEAN:
        if (raw instanceof Boolean b) {
          return b;
        }
        if (raw instanceof Number n) {
          return n.intValue() != 0;
        }
        return Boolean.parseBoolean(raw.toString()) || "1".equals(raw.toString());
      case DATE:
        if (raw instanceof java.sql.Date sd) {
          return sd.toLocalDate();
        }
        if (raw instanceof LocalDate ld) {
          return ld;
        }
        return LocalDate.parse(raw.toString().substring(0, 10));
      case DATETIME:
        if (raw instanceof java.sql.Timestamp ts) {
          return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (raw instanceof OffsetDateTime o) {
          return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (raw instanceof LocalDateTime l) {
          return l.atOffset(ZoneOffset.UTC);
        }
        return parseTimestamp(raw.toString());
      case JSON:
        String text = raw instanceof JSONB j ? j.data() : raw.toString();
        try {
          return json().readTree(text);
        } catch (IOException e) {
          throw new IllegalStateException("corrupt JSON in database: " + text, e);
        }
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }

  /**
   * Parses ISO-like timestamps ({@code 2025-01-02 03:04:05.123456}, with 'T' and/or offset); UTC if
   * none.
   */
  public static OffsetDateTime parseTimestamp(String s) {
    var parsed = LENIENT_TS.parse(s.trim());
    LocalDateTime ldt = LocalDateTime.from(parsed);
    ZoneOffset off =
        parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    return ldt.atOffset(off).withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
