package dev.tokenrefresh.example.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs both). Both paths are given explicitly, so Selenium
 * Manager never looks for, let alone downloads, a driver or a browser. Override them with {@code
 * -Dchromium.binary=...} and {@code -Dchromium.driver=...}. Close it to end the browser.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("chromium.driver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser with a fresh profile and a desktop-sized window. */
  public static HeadlessChromium start() {
    for (String file : new String[] {BINARY, DRIVER}) {
      if (!new File(file).canExecute()) {
        throw new IllegalStateException(
            file
                + " not found: apt-get install -y chromium chromium-driver (or set -D"
                + (file.equals(BINARY) ? "chromium.binary" : "chromium.driver")
                + ")");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  /** The driver. */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Makes the page's viewport {@code width} CSS pixels wide, as a phone's (Chrome DevTools). Not in
   * mobile mode: a mobile viewport zooms out to fit a page that is too wide, which would hide the
   * very overflow a test looks for.
   */
  public void emulateViewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
