package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Dtype;
import org.lamindb.model.ULabel;

/** {@code lamin validate} on core registries, run through bin/lamin. */
class ValidateCliTest {
  @TempDir Path tmp;

  @Test
  void validatesLabelsAndFeaturesWithSuggestions() throws Exception {
    LaminProcess lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    assertThat(lamin.run("init", "--storage", tmp.resolve("v").toString()).exit()).isZero();
    try (LaminDB ln = LaminSetup.at(tmp.resolve("home"), Map.of()).connect()) {
      ULabel perturbation = ln.ulabel("Perturbation").isType(true).save();
      ln.ulabel("DMSO").type(perturbation).save();
      ln.ulabel("IFNG").type(perturbation).save();
      ln.ulabel("HEK293").save();
      ln.feature("gc_content", Dtype.FLOAT).synonyms(List.of("gc")).save();
    }

    var ok = lamin.run("validate", "ulabel", "DMSO", "IFNG");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.outLines())
        .containsExactly("2 of 2 validated", "✓ 2 unique terms (100.00%) are validated for name");

    var mixed = lamin.run("validate", "ULabel", "DMSO", "dmso", "HEK293", "unicorn", "DMSO");
    assertThat(mixed.exit()).isEqualTo(1);
    assertThat(mixed.outLines())
        .containsExactly(
            "2 of 4 validated",
            "! received 4 unique terms, 1 empty/duplicated terms are ignored",
            "✓ 2 unique terms (50.00%) are validated for name",
            "! 2 unique terms (50.00%) are not validated for name: 'dmso', 'unicorn'",
            "   detected 1 unique terms with inconsistent casing: dmso",
            "→  standardize terms via .standardize()",
            "   dmso → DMSO");

    var filtered =
        lamin.run("validate", "ulabel", "--filter", "type__name=Perturbation", "DMSO", "HEK293");
    assertThat(filtered.exit()).isEqualTo(1);
    assertThat(filtered.out()).contains("1 of 2 validated", "not validated for name: 'HEK293'");

    var features = lamin.run("validate", "feature", "gc", "gc_content");
    assertThat(features.exit()).isEqualTo(1);
    assertThat(features.out())
        .contains(
            "1 of 2 validated", "detected 1 unique terms with synonyms: gc", "   gc → gc_content");

    var empty = lamin.run("validate", "record", "x");
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.out())
        .contains(
            "0 of 1 validated", "! Your Record registry is empty, consider populating it first!");

    var badField = lamin.run("validate", "ulabel", "--field", "nam", "DMSO");
    assertThat(badField.exit()).isEqualTo(1);
    assertThat(badField.err())
        .contains(
            "✗ ULabel has no text field 'nam' to validate against; did you mean 'name'?;"
                + " valid fields: uid, name, description, reference, reference_type");
  }
}
