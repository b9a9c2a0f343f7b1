package org.lamindb.internal.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.lamindb.model.SQLRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes run parameters to JSON as LaminDB's {@code serialize_params_to_json} does (spec §5.4):
 * nulls and empty lists are skipped, records become {@code "Registry[uid]"}, unsupported values are
 * dropped with a warning and secrets are redacted.
 */
public final class ParamsJson {
  private static final Logger LOG = LoggerFactory.getLogger(ParamsJson.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ParamsJson() {}

  /**
   * @return the parameters as a JSON object, or null when none remain
   */
  public static ObjectNode serialize(Map<String, ?> params) {
    if (params == null || params.isEmpty()) {
      return null;
    }
    ObjectNode out = F.objectNode();
    for (Map.Entry<String, ?> e : params.entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      if (v == null || (v instanceof java.util.Collection<?> c && c.isEmpty())) {
        continue;
      }
      if (SecretRedaction.isSensitiveName(key)) {
        out.put(key, SecretRedaction.REDACTED);
        continue;
      }
      JsonNode n = toJson(v);
      if (n == null) {
        LOG.warn(
            "dropping parameter '{}': a {} cannot be stored as JSON", key, v.getClass().getName());
        continue;
      }
      out.set(key, n);
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * @return {@code v} as JSON, or null if it has no JSON form
   */
  static JsonNode toJson(Object v) {
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof String s) {
      return F.textNode(SecretRedaction.isCredentialUrl(s) ? SecretRedaction.REDACTED : s);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return F.numberNode(((Number) v).longValue());
    }
    if (v instanceof Float || v instanceof Double) {
      return F.numberNode(((Number) v).doubleValue());
    }
    if (v instanceof BigInteger bi) {
      return F.numberNode(bi);
    }
    if (v instanceof BigDecimal bd) {
      return F.numberNode(bd);
    }
    if (v instanceof SQLRecord<?> r) {
      return F.textNode(r.registry().name() + "[" + (r.uid() != null ? r.uid() : r.id()) + "]");
    }
    if (v instanceof Enum<?> en) {
      return F.textNode(en.name());
    }
    if (v instanceof java.nio.file.Path
        || v instanceof java.io.File
        || v instanceof java.net.URI
        || v instanceof java.time.temporal.TemporalAccessor
        || v instanceof java.util.UUID
        || v instanceof Character) {
      return F.textNode(v.toString());
    }
    if (v instanceof Object[] arr) {
      return toJson(java.util.Arrays.asList(arr));
    }
    if (v instanceof int[] ints) {
      ArrayNode a = F.arrayNode();
      for (int i : ints) {
        a.add(i);
      }
      return a;
    }
    if (v instanceof Iterable<?> it) {
      ArrayNode a = F.arrayNode();
      for (Object x : it) {
        JsonNode n = toJson(x);
        if (n == null) {
          return null;
        }
        a.add(n);
      }
      return a;
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = F.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (SecretRedaction.isSensitiveName(k)) {
          o.put(k, SecretRedaction.REDACTED);
          continue;
        }
        JsonNode n = toJson(e.getValue());
        if (n == null) {
          return null;
        }
        o.set(k, n);
      }
      return o;
    }
    return null;
  }
}
