package dev.tokenrefresh.internal.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerHandlesTest {

  private final List<String> removed = new ArrayList<>();
  private final ListenerHandles<String> handles = new ListenerHandles<>(removed::add);

  @Test
  void registration_removesItsListener_once_howeverOftenItIsCancelled() {
    Registration a = handles.track("a");

    a.cancel();
    a.cancel();

    assertThat(removed).containsExactly("a");
  }

  @Test
  void removeAll_removesTheListenersNotYetRemoved_andLaterCancelsDoNothing() {
    Registration a = handles.track("a");
    Registration b = handles.track("b");
    handles.track("c");
    a.cancel();

    handles.removeAll();
    b.cancel();
    handles.removeAll();

    assertThat(removed).hasSize(3).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aLibraryThatRefusesTheRemoval_whileShuttingDown_isIgnored_andNotAskedAgain() {
    List<String> asked = new ArrayList<>();
    ListenerHandles<String> gone =
        new ListenerHandles<>(
            h -> {
              asked.add(h);
              throw new IllegalStateException("Hazelcast instance is not active");
            });
    Registration a = gone.track("a");

    assertThatCode(a::cancel).doesNotThrowAnyException();
    assertThatCode(gone::removeAll).doesNotThrowAnyException();

    assertThat(asked).containsExactly("a");
  }
}
