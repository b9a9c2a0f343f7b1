package org.lamindb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.testing.Backend;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in Debian's headless chromium (through /usr/bin/chromedriver, never a downloaded browser):
 * artifact list, filter, artifact page, lineage, a sheet cell edited with a bad value then fixed, a
 * note. Saves screenshots of the main pages to {@code target/ui-screenshots/}, or into {@code
 * docs/ui/} with {@code -Dlamin.ui.screenshots=docs} (refreshes the README images). Skips when
 * chromium or chromedriver is missing ({@code .ci/run} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  LaminDB ln;
  UiServer ui;
  WebDriver driver;
  WebDriverWait wait;
  Artifact output;
  Artifact seed;
  Record sampleType;
  Path shots;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
            + " (apt-get install chromium chromium-driver; .ci/run does)");
    ln = Backend.SQLITE.newInstance(tmp);
    seed = ln.artifact(Files.writeString(tmp.resolve("seed.txt"), "seed")).key("seed.txt").save();
    // a 500-node lineage: one run reading one artifact and writing 498 (older than
    // the rest, so the first list page shows the artifacts below)
    ln.track(TrackOptions.ofKey("fanout.sh").sourceCode("# split\n"));
    seed.cache();
    List<Artifact> parts = new java.util.ArrayList<>();
    for (int i = 0; i < 498; i++) {
      parts.add(
          ln.artifact(Files.writeString(tmp.resolve("part" + i + ".txt"), "part " + i))
              .key("parts/p" + i + ".txt"));
    }
    Artifact.saveAll(parts); // one bulk save: keeps the test quick on 2 CI cores

    ln.finish();
    Artifact input =
        ln.artifact(Files.writeString(tmp.resolve("reads.csv"), "sample,reads\nS1,1200\nS2,800\n"))
            .key("raw/reads.csv")
            .description("raw read counts")
            .save();
    ln.track(TrackOptions.ofKey("qc.sh").sourceCode("# filter reads\necho \"qc\"\n"));
    input.cache();
    output =
        ln.artifact(Files.writeString(tmp.resolve("qc.csv"), "sample,pass\nS1,true\nS2,false\n"))
            .key("processed/qc.csv")
            .description("QC result")
            .save();
    ln.finish();
    for (int i = 0; i < 5; i++) {
      ln.artifact(Files.writeString(tmp.resolve("n" + i + ".txt"), "note " + i))
          .key("notes/n" + i + ".txt")
          .save();
    }
    Feature count = ln.feature("cell_count", Dtype.INT).save();
    sampleType = ln.record("Sample").isType(true).schema(ln.schema("samples", count)).save();
    new Record(ln)
        .name("S1")
        .type(sampleType)
        .save()
        .features()
        .setValues(Map.of("cell_count", 5L));
    new Record(ln).name("S2").type(sampleType).save();
    ui = UiServer.builder(ln).port(0).start();

    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toString());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,860",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chrome-profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, o);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    Path module = Path.of(System.getProperty("user.dir"));
    shots =
        "docs".equals(System.getProperty("lamin.ui.screenshots"))
            ? module.resolve("../docs/ui").normalize()
            : module.resolve("target/ui-screenshots");
    Files.createDirectories(shots);
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (ui != null) {
      ui.close();
    }
    if (ln != null) {
      ln.close();
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private void shot(String name) throws Exception {
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void browseFilterLineageSheetAndNote() throws Exception {
    driver.get(ui.url());
    wait.until(ExpectedConditions.urlContains("/artifacts"));
    assertThat(driver.getPageSource()).contains("processed/qc.csv", "notes/n4.txt");
    shot("artifacts.png");

    WebElement filter = driver.findElement(By.id("filter"));
    filter.sendKeys("key__startswith=processed/", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("filter="));
    assertThat(driver.getPageSource()).contains("processed/qc.csv").doesNotContain("notes/n4.txt");

    driver.findElement(By.linkText(output.uid())).click();
    wait.until(ExpectedConditions.urlContains("/artifacts/" + output.uid()));
    assertThat(driver.getPageSource()).contains("QC result", "S2,false");

    driver.findElement(By.tagName("summary")).click();
    WebElement comment = driver.findElement(By.id("comment-content"));
    comment.sendKeys("Checked: **S2 failed** QC");
    driver.findElement(By.id("add-comment")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".note.comment strong")));
    assertThat(driver.findElement(By.cssSelector(".note.comment strong")).getText())
        .isEqualTo("S2 failed");
    shot("artifact.png");

    driver.findElement(By.linkText("lineage")).click();
    wait.until(ExpectedConditions.urlContains("/lineage/" + output.uid()));
    wait.until(ExpectedConditions.attributeToBe(By.id("graph"), "data-ready", "3"));
    assertThat(driver.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
    shot("lineage.png");

    driver.get(ui.baseUrl() + "/lineage/" + seed.uid() + "?direction=down");
    wait.until(
        ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.id("graph")), "data-ready"));
    WebElement big = driver.findElement(By.id("graph"));
    assertThat(Integer.parseInt(big.getAttribute("data-ready"))).isGreaterThanOrEqualTo(500);
    assertThat(driver.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
    // printed, never asserted (speed is measured by bench/ui, not by tests)
    System.out.println(
        "lineage of "
            + big.getAttribute("data-ready")
            + " nodes: fetch + layout + first draw in "
            + big.getAttribute("data-render-ms")
            + " ms ("
            + big.getAttribute("data-timing")
            + "; headless chromium, load "
            + load()
            + ")");

    driver.get(ui.baseUrl() + "/records/" + sampleType.uid());
    By s1Count = By.cssSelector("tr[data-uid] td input[data-feature=cell_count]");
    WebElement cell = driver.findElements(s1Count).get(1);
    cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "lots", Keys.TAB);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.bad .msg")));
    String message = driver.findElement(By.cssSelector("td.bad .msg")).getText();
    assertThat(message).isNotBlank();
    shot("sheet-error.png");
    WebElement bad = driver.findElement(By.cssSelector("td.bad input[data-feature=cell_count]"));
    bad.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7", Keys.TAB);
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("td.bad"), 0));
    driver.navigate().refresh();
    List<String> values =
        driver.findElements(s1Count).stream().map(e -> e.getAttribute("value")).toList();
    assertThat(values).contains("7");
    shot("sheet.png");
  }
}
