package dev.tokenrefresh.jakarta.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric name has a description of its own: the {@code # HELP} line a scrape shows. */
class MetricNamesTest {

  @Test
  void everyMetricName_hasADescriptionOfItsOwn() {
    List<String> names = metricNames();

    assertThat(names).hasSizeGreaterThan(15);
    assertThat(names)
        .allSatisfy(
            name ->
                assertThat(MetricNames.description(name))
                    .as(name)
                    .isNotBlank()
                    .isNotEqualTo(name.replace('_', ' ')));
  }

  @Test
  void aNameWithoutADescription_isDescribedByItself_neverBlank() {
    assertThat(MetricNames.description("token_refresh_something_new"))
        .isEqualTo("token refresh something new");
  }

  /** The public constants whose value is a metric name (not a tag key or tag value). */
  private static List<String> metricNames() {
    return Arrays.stream(MetricNames.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(MetricNamesTest::value)
        .filter(v -> v.startsWith("token_refresh_"))
        .toList();
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
