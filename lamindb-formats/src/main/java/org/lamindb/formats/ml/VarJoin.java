package org.lamindb.formats.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ml.Join;

/**
 * Aligns the variables of several files: the joined var index and, per file, where each of its
 * columns goes (-1 = dropped), or null when a file's columns map onto the result unchanged.
 */
record VarJoin(List<String> varIndex, List<int[]> colMaps) {

  static VarJoin of(Join join, List<String> uids, List<List<String>> varNames) {
    if (varNames.isEmpty()) {
      return new VarJoin(List.of(), List.of());
    }
    List<String> result;
    if (join == Join.NONE) {
      int n = varNames.get(0).size();
      for (int f = 1; f < varNames.size(); f++) {
        if (varNames.get(f).size() != n) {
          throw new InvalidArgumentException(
              "join NONE needs the same number of variables in every file: "
                  + uids.get(0)
                  + " has "
                  + n
                  + ", "
                  + uids.get(f)
                  + " has "
                  + varNames.get(f).size()
                  + " (use Join.INNER or Join.OUTER)");
        }
      }
      List<int[]> maps = new ArrayList<>();
      varNames.forEach(v -> maps.add(null));
      return new VarJoin(List.copyOf(varNames.get(0)), maps);
    }
    if (join == Join.INNER) {
      Set<String> common = new LinkedHashSet<>(varNames.get(0));
      for (List<String> v : varNames.subList(1, varNames.size())) {
        common.retainAll(new java.util.HashSet<>(v));
      }
      result = new ArrayList<>(common);
    } else {
      Set<String> all = new LinkedHashSet<>();
      varNames.forEach(all::addAll);
      result = new ArrayList<>(all);
    }
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < result.size(); i++) {
      pos.put(result.get(i), i);
    }
    List<int[]> maps = new ArrayList<>();
    for (List<String> v : varNames) {
      int[] m = new int[v.size()];
      boolean identity = v.size() == result.size();
      for (int j = 0; j < m.length; j++) {
        Integer p = pos.get(v.get(j));
        m[j] = p == null ? -1 : p;
        identity &= m[j] == j;
      }
      maps.add(identity ? null : m);
    }
    return new VarJoin(List.copyOf(result), maps);
  }
}
