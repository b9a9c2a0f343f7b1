package org.lamindb.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;

/**
 * LaminDB's search ranking (spec §9.6) computed in SQL: candidates contain the text
 * (case-insensitive) in a text field; the score sums per field 200·exact + 200·synonym +
 * 10·sub-phrase + 8·synonym prefix + 2·word start + 2·word end + 1·contains. Ties go to the better
 * match in the name field, then to the lower id. The search text reaches SQL only as bind values
 * (LIKE patterns computed here).
 */
public final class SearchScorer {
  /** Default number of results, as LaminDB. */
  public static final int DEFAULT_LIMIT = 20;

  private static final String DELIMS = "|.,;:";

  private final SqlCompiler sql;
  private final RegistryDef registry;
  private final String s;
  private final String alias;

  /**
   * @param inst the instance
   * @param registry the registry searched
   * @param text the search text (trimmed, case-insensitive)
   * @param alias alias of the searched rows
   */
  public SearchScorer(Instance inst, RegistryDef registry, String text, String alias) {
    if (text == null) {
      throw new InvalidArgumentException("cannot search for null; pass a non-empty string");
    }
    this.sql = new SqlCompiler(inst);
    this.registry = registry;
    this.s = text.strip().toLowerCase(Locale.ROOT);
    this.alias = alias;
  }

  /**
   * @return the text fields searched: all non-private string and text fields
   */
  public static List<FieldDef> fields(RegistryDef r) {
    List<FieldDef> out = new ArrayList<>();
    for (FieldDef f : r.fields().values()) {
      if (f.type().isText() && !f.isPrivate()) {
        out.add(f);
      }
    }
    return out;
  }

  private Field<String> low(FieldDef f) {
    Field<String> c = SqlCompiler.col(alias, f.name()).coerce(String.class);
    return sql.lower(DSL.coalesce(c, DSL.inline("")), s);
  }

  /**
   * @return rows containing the text in at least one field
   */
  public org.jooq.Condition candidates() {
    List<org.jooq.Condition> any = new ArrayList<>();
    String pat = "%" + SqlCompiler.escapeLike(s) + "%";
    for (FieldDef f : fields(registry)) {
      any.add(low(f).like(DSL.val(pat), '\\'));
    }
    return any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
  }

  /**
   * @return the score of one field
   */
  public Field<Integer> score(FieldDef f) {
    Field<String> x = low(f);
    String e = SqlCompiler.escapeLike(s);
    String te = SqlCompiler.escapeLike(toSpaces(s, DELIMS));
    String we = SqlCompiler.escapeLike(toSpaces(s, "|"));
    Field<String> tx = x;
    for (char d : DELIMS.toCharArray()) {
      tx = DSL.replace(tx, DSL.inline(String.valueOf(d)), DSL.inline(" "));
    }
    Field<String> wx = DSL.replace(x, DSL.inline("|"), DSL.inline(" "));
    Field<String> pipe = DSL.inline("|");
    Field<String> sp = DSL.inline(" ");
    Field<Integer> score = when(x.eq(DSL.val(s)), 200);
    if (f.name().equals("synonyms")) {
      score =
          score.plus(when(pipe.concat(x).concat(pipe).like(DSL.val("%|" + e + "|%"), '\\'), 200));
    }
    score = score.plus(when(sp.concat(tx).concat(sp).like(DSL.val("% " + te + " %"), '\\'), 10));
    score =
        score.plus(
            when(
                pipe.concat(x)
                    .like(DSL.val("%|" + e + "%"), '\\')
                    .and(pipe.concat(x).notLike(DSL.val("%|" + e + " %"), '\\')),
                8));
    score = score.plus(when(sp.concat(wx).like(DSL.val("% " + we + "%"), '\\'), 2));
    score = score.plus(when(tx.concat(sp).like(DSL.val("%" + te + " %"), '\\'), 2));
    score = score.plus(when(x.like(DSL.val("%" + e + "%"), '\\'), 1));
    return score;
  }

  private static Field<Integer> when(org.jooq.Condition c, int points) {
    return DSL.when(c, DSL.inline(points)).otherwise(DSL.inline(0));
  }

  private static String toSpaces(String v, String chars) {
    StringBuilder b = new StringBuilder(v);
    for (int i = 0; i < b.length(); i++) {
      if (chars.indexOf(b.charAt(i)) >= 0) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  /**
   * @return the total score over all text fields
   */
  public Field<Integer> total() {
    Field<Integer> t = DSL.inline(0);
    for (FieldDef f : fields(registry)) {
      t = t.plus(score(f));
    }
    return t;
  }

  /**
   * @return ORDER BY score descending, then the name field's score descending
   */
  public List<SortField<?>> order() {
    List<SortField<?>> o = new ArrayList<>();
    o.add(total().desc());
    registry
        .field(registry.nameField())
        .filter(f -> f.type().isText())
        .ifPresent(f -> o.add(score(f).desc()));
    return o;
  }
}
