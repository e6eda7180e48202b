package dev.tokenrefresh.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of the server's Prometheus text: MicroProfile Metrics on Payara ({@code
 * mp_scope="application"}), Micrometer's Prometheus registry on WildFly ({@code
 * WF_DEPLOYMENT=...}). A sample matches when its name is equal and it carries the asked labels;
 * other labels are ignored, and all matching samples are summed. Immutable.
 */
public final class Metrics {

  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static final Pattern HELP = Pattern.compile("# HELP (\\S+) ?(.*)");

  private final List<Sample> samples;

  /** The text of each {@code # HELP} line, by family name, as printed (possibly blank). */
  private final Map<String, String> help;

  private Metrics(List<Sample> samples, Map<String, String> help) {
    this.samples = samples;
    this.help = help;
  }

  /** Scrapes {@code endpoint}. */
  public static Metrics scrape(URI endpoint) {
    HttpResponse<String> r =
        Http.send(HttpRequest.newBuilder(endpoint).header("Accept", "text/plain").GET());
    if (r.statusCode() != 200) {
      throw new AssertionError("scraping " + endpoint + ": HTTP " + r.statusCode());
    }
    List<Sample> samples = new ArrayList<>();
    Map<String, String> help = new LinkedHashMap<>();
    r.body()
        .lines()
        .map(HELP::matcher)
        .filter(Matcher::matches)
        .forEach(m -> help.put(m.group(1), m.group(2).trim()));
    r.body()
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(
            line -> {
              Matcher m = SAMPLE.matcher(line.trim());
              if (m.matches()) {
                samples.add(new Sample(m.group(1), labels(m.group(3)), value(m.group(4))));
              }
            });
    return new Metrics(samples, help);
  }

  /**
   * Only the samples of the deployment at {@code contextName} (e.g. {@code token-refresh-it}):
   * WildFly's Micrometer registry is the server's, shared by every deployment the suite makes and
   * keeping a removed deployment's meters, each labelled {@code WF_DEPLOYMENT=<name>.war}; samples
   * without the label (Payara, one server per deployment) are all kept.
   */
  public Metrics ofDeployment(String contextName) {
    List<Sample> mine =
        samples.stream()
            .filter(
                s -> {
                  String d = s.labels().get("WF_DEPLOYMENT");
                  return d == null || d.equals(contextName + ".war") || d.equals(contextName);
                })
            .toList();
    return new Metrics(mine, help);
  }

  /** The {@code # HELP} text of each family whose name starts with {@code prefix}. */
  public Map<String, String> helpTexts(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    help.forEach(
        (family, text) -> {
          if (family.startsWith(prefix)) {
            found.put(family, text);
          }
        });
    return found;
  }

  /**
   * Every sample whose name starts with {@code prefix}, as {@code name{labels}} → value, in the
   * order of the scrape.
   */
  public Map<String, Double> samplesStartingWith(String prefix) {
    Map<String, Double> found = new LinkedHashMap<>();
    for (Sample s : samples) {
      if (s.name().startsWith(prefix)) {
        found.merge(s.name() + s.labels(), s.value(), Double::sum);
      }
    }
    return found;
  }

  /** The sum of the samples named exactly {@code sampleName} that carry {@code labels}. */
  public double value(String sampleName, String... labels) {
    return sum(sampleName, labels);
  }

  /** The counter {@code name} (without {@code _total}), 0 when it has no sample yet. */
  public double counter(String name, String... labels) {
    return sum(name + "_total", labels);
  }

  /** How much the counter grew since {@code before}. */
  public double counterSince(Metrics before, String name, String... labels) {
    return counter(name, labels) - before.counter(name, labels);
  }

  /** The gauge {@code name}. */
  public double gauge(String name) {
    if (!has(name)) {
      throw new AssertionError("no gauge " + name + " in the scrape");
    }
    return sum(name);
  }

  /** Whether a sample named exactly {@code sampleName} exists. */
  public boolean has(String sampleName) {
    return samples.stream().anyMatch(s -> s.name().equals(sampleName));
  }

  private double sum(String sampleName, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream()
        .filter(s -> s.name().equals(sampleName))
        .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text != null) {
      Matcher m = LABEL.matcher(text);
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
    }
    return labels;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  private record Sample(String name, Map<String, String> labels, double value) {}
}
