package org.lamindb;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** Slices of the cycle rule: the facade package, model, query and each internal package. */
final class CoreSlices {
  private static final String INTERNAL = "org.lamindb.internal.";

  static final SliceAssignment ASSIGNMENT =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String s = sliceOf(c.getPackageName());
          return s == null ? SliceIdentifier.ignore() : SliceIdentifier.of(s);
        }

        @Override
        public String getDescription() {
          return "org.lamindb, model, query and each org.lamindb.internal.* package";
        }
      };

  private CoreSlices() {}

  /**
   * @return the slice of package {@code p}, or null when the cycle rule ignores it
   */
  static String sliceOf(String p) {
    if (p.equals("org.lamindb")) {
      return p;
    }
    for (String s : new String[] {"org.lamindb.model", "org.lamindb.query"}) {
      if (p.equals(s) || p.startsWith(s + ".")) {
        return s;
      }
    }
    if (p.startsWith(INTERNAL)) {
      String rest = p.substring(INTERNAL.length());
      int dot = rest.indexOf('.');
      return INTERNAL + (dot < 0 ? rest : rest.substring(0, dot));
    }
    return null;
  }
}
