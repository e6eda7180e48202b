package dev.tokenrefresh.example.browser;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example's page as a user sees it in a browser: what it shows and what a user clicks. Every
 * reading comes from the rendered page, not from the API behind it. Not thread-safe.
 */
public final class ExamplePage {

  private static final Pattern RESULT =
      Pattern.compile("(\\d+) requests → (\\d+) refresh(?:es)? \\((.*)\\)");
  private static final Pattern MODULE =
      Pattern.compile(
          "module: (\\d+) needed a refresh, (\\d+) coalesced, (\\d+) grace replays, (\\d+) IdP"
              + " calls?");

  /** The page's result line, "N requests → K refreshes (tally)". */
  public record Result(int requests, int refreshes, String tally) {}

  /** The module's counts during the burst, as the page shows them. */
  public record ModuleCounts(int needed, int coalesced, int graceReplays, int idpCalls) {}

  private final WebDriver driver;
  private final URI app;

  public ExamplePage(WebDriver driver, URI app) {
    this.driver = driver;
    this.app = app;
  }

  /** Opens the page, logs in (the demo provider has no login form) and waits for the user. */
  public void logIn() {
    driver.get(app.toString());
    waitFor(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(id("anonymous")));
    driver.findElement(By.cssSelector("#anonymous a")).click();
    waitForUser();
  }

  /** Reloads the page and waits until it shows the user. */
  public void reload() {
    driver.navigate().refresh();
    waitForUser();
  }

  /** The countdown's text, e.g. "in 8 s" or "expired 2 s ago". */
  public String countdown() {
    return text("countdown");
  }

  /** Waits until the countdown shows a valid access token again. */
  public void awaitValidToken(Duration max) {
    waitFor(max).until(d -> countdown().startsWith("in "));
  }

  /** Waits until the countdown says the access token has expired. */
  public void awaitExpiry(Duration max) {
    waitFor(max).until(d -> countdown().startsWith("expired"));
  }

  /** Fires a burst of {@code requests} from the page's form and reads the result line. */
  public Result fireBurst(int requests) {
    WebElement count = driver.findElement(id("count"));
    count.clear();
    count.sendKeys(Integer.toString(requests));
    driver.findElement(By.cssSelector("#burst button")).click();
    String line =
        waitFor(Duration.ofSeconds(60))
            .until(
                d -> {
                  String t = text("result");
                  return RESULT.matcher(t).matches() ? t : null;
                });
    Matcher m = RESULT.matcher(line);
    m.matches();
    return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
  }

  /** The module's counts shown beside the result line. */
  public ModuleCounts moduleCounts() {
    String line = text("module");
    Matcher m = MODULE.matcher(line);
    if (!m.matches()) {
      throw new AssertionError("module line: '" + line + "'");
    }
    return new ModuleCounts(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)));
  }

  /** The session's refresh count the page shows. */
  public String refreshes() {
    return text("refreshes");
  }

  /** Logs out with the page's own control and waits for the logged-out page. */
  public void logOut() {
    driver
        .findElement(By.xpath("//*[self::a or self::button][normalize-space()='Log out']"))
        .click();
    waitFor(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(id("anonymous")));
  }

  /** Whether the page is wider than the viewport (it would scroll sideways). */
  public boolean scrollsSideways() {
    return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
  }

  /** The computed font size of the first element matching {@code css}. */
  public String fontSize(String css) {
    return (String)
        script("return getComputedStyle(document.querySelector(arguments[0])).fontSize;", css);
  }

  /** The page's icon link. */
  public String iconHref() {
    return (String) script("return document.querySelector('link[rel=icon]').href;");
  }

  /** Runs {@code js} in the page. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  private void waitForUser() {
    waitFor(Duration.ofSeconds(20)).until(d -> !text("sub").isEmpty());
  }

  private String text(String id) {
    return driver.findElement(id(id)).getText().trim();
  }

  /**
   * A wait that polls every 100 ms. While the page navigates (log in, log out, reload) an element
   * found in the old document can vanish under the driver: Chromium then answers "Node with given
   * id does not belong to the document" (a plain {@link WebDriverException}) or a stale reference.
   * Both mean "not yet", so the wait polls again; if the condition never holds, the timeout still
   * fails the test with the last such error as its cause.
   */
  private WebDriverWait waitFor(Duration max) {
    WebDriverWait wait = new WebDriverWait(driver, max, Duration.ofMillis(100));
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  private static By id(String id) {
    return By.id(id);
  }
}
