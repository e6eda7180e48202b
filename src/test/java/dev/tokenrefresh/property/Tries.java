package dev.tokenrefresh.property;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property a bounded number of times, each try with its own seeded {@link Random}, and on
 * failure says which seed reproduces it: {@code -Dproperty.seed=<seed>} reruns the same inputs. The
 * default seed changes with every run, so that repeated runs explore new inputs. Generated inputs
 * are small most of the time and large some of the time, because there is no shrinking: a failure
 * is reported as generated. Stateless.
 */
public final class Tries {

  private Tries() {}

  /**
   * Calls {@code property} {@code tries} times, with {@code new Random(seed + i)} for try {@code
   * i}.
   *
   * @throws AssertionError naming the try and the seed, with the property's failure as its cause
   */
  public static void run(int tries, Consumer<Random> property) {
    long seed = Long.getLong("property.seed", System.nanoTime());
    for (int i = 0; i < tries; i++) {
      try {
        property.accept(new Random(seed + i));
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError(
            "property failed at try "
                + (i + 1)
                + " of "
                + tries
                + " (rerun with -Dproperty.seed="
                + seed
                + " to reproduce): "
                + failure.getMessage(),
            failure);
      }
    }
  }
}
