package org.lamindb.internal.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.query.Lookup;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * Parses lookup strings ({@code run__transform__key__startswith}) against the registries: every
 * segment must be a field or relation of the registry reached so far, the optional last segment a
 * {@link Lookup}. Applies LaminDB's field rewrites (spec §9.2): {@code version} → {@code
 * version_tag}, Artifact {@code transform} → {@code run__transform}, {@code status} → {@code
 * _status_code}, {@code visibility} → {@code branch_id}, {@code feature_sets} → {@code schemas},
 * Feature {@code dtype} → {@code _dtype_str}.
 */
public final class LookupParser {
  private static final FieldDef ID = new FieldDef("id", FieldType.INTEGER, false);

  private final Instance inst;

  /**
   * @param inst the instance whose registries resolve relation targets
   */
  public LookupParser(Instance inst) {
    this.inst = inst;
  }

  /**
   * @param root the registry queried
   * @param key the lookup string
   * @return the resolved lookup
   * @throws UnknownFieldException for unknown fields or relations
   * @throws InvalidArgumentException for malformed lookups
   */
  public ResolvedLookup parse(RegistryDef root, String key) {
    root = inst.canonical(root);
    if (key == null || key.isEmpty()) {
      throw new InvalidArgumentException("empty lookup on " + root.name());
    }
    List<String> segs = new ArrayList<>(Arrays.asList(key.split("__", -1)));
    for (String s : segs) {
      if (s.isEmpty()) {
        throw new InvalidArgumentException(
            "malformed lookup '" + key + "' on " + root.name() + ": empty segment between '__'");
      }
    }
    List<RelationDef> rels = new ArrayList<>();
    List<RegistryDef> regs = new ArrayList<>();
    RegistryDef cur = root;
    int i = 0;
    while (i < segs.size()) {
      String s = rewrite(cur, segs.get(i), i, segs);
      boolean last = i == segs.size() - 1;
      var field = cur.field(s);
      if (field.isPresent()) {
        Lookup l = Lookup.EXACT;
        if (!last) {
          if (i < segs.size() - 2) {
            throw new InvalidArgumentException(
                "'"
                    + s
                    + "' in lookup '"
                    + key
                    + "' is a field of "
                    + cur.name()
                    + ", not a relation; nothing can follow it except a lookup such as '__gt'");
          }
          l = lookupToken(segs.get(i + 1), key, "field '" + s + "'");
        }
        return new ResolvedLookup(key, root, rels, regs, field.get(), l, false);
      }
      var rel = cur.relation(s);
      if (rel.isPresent()) {
        rels.add(rel.get());
        cur = inst.registry(rel.get().target());
        regs.add(cur);
        if (last) {
          return new ResolvedLookup(key, root, rels, regs, ID, Lookup.EXACT, true);
        }
        String next = segs.get(i + 1);
        var asLookup = Lookup.fromToken(next);
        if (asLookup.isPresent() && cur.field(next).isEmpty() && cur.relation(next).isEmpty()) {
          if (i + 2 != segs.size()) {
            throw new InvalidArgumentException(
                "malformed lookup '" + key + "': '" + next + "' must come last");
          }
          return new ResolvedLookup(key, root, rels, regs, ID, asLookup.get(), true);
        }
        i++;
        continue;
      }
      if (Lookup.fromToken(s).isPresent() && i > 0) {
        throw new InvalidArgumentException(
            "malformed lookup '" + key + "': '" + s + "' must come last");
      }
      String where = i == 0 ? "" : " (in lookup '" + key + "')";
      throw new UnknownFieldException(
          "no field '" + s + "' on " + cur.name() + where + Suggest.hint(s, hintNames(s, cur)),
          i == 0);
    }
    throw new IllegalStateException("unreachable");
  }

  /** Public names only, unless the wrong name is itself private. */
  static List<String> hintNames(String wrong, RegistryDef r) {
    return wrong.startsWith("_") ? r.lookupNames() : r.publicLookupNames();
  }

  private static Lookup lookupToken(String token, String key, String what) {
    return Lookup.fromToken(token)
        .orElseThrow(
            () ->
                new InvalidArgumentException(
                    "unknown lookup '"
                        + token
                        + "' for "
                        + what
                        + " in '"
                        + key
                        + "'"
                        + Suggest.hint(
                            token, Arrays.stream(Lookup.values()).map(Lookup::token).toList())));
  }

  private String rewrite(RegistryDef reg, String s, int i, List<String> segs) {
    if (reg.field(s).isPresent() || reg.relation(s).isPresent()) {
      return s;
    }
    switch (s) {
      case "version":
        return reg.isVersioned() ? "version_tag" : s;
      case "status":
        return reg.field("_status_code").isPresent() ? "_status_code" : s;
      case "visibility":
        return reg.field("branch_id").isPresent() ? "branch_id" : s;
      case "feature_sets":
        return reg.relation("schemas").isPresent() ? "schemas" : s;
      case "dtype", "dtype_as_str":
        return reg.field("_dtype_str").isPresent() ? "_dtype_str" : s;
      case "transform":
        if (reg.name().equals("Artifact") || reg.name().equals("Collection")) {
          segs.add(i + 1, "transform");
          return "run";
        }
        return s;
      default:
        return s;
    }
  }
}
