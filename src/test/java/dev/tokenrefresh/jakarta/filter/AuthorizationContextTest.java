package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.jacc.PolicyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizationContextTest {

  @AfterEach
  void noContextLeftOnTheThread() {
    PolicyContext.setContextID(null);
  }

  @Test
  void enter_onAThreadWithoutTheId_setsItUntilClosed() {
    AuthorizationContext.Scope scope = AuthorizationContext.enter("app/war");

    assertThat(PolicyContext.getContextID()).isEqualTo("app/war");
    scope.close();
    assertThat(PolicyContext.getContextID()).isNull();
  }

  @Test
  void enter_onAThreadWithAnotherId_restoresThatOne() {
    PolicyContext.setContextID("other");

    AuthorizationContext.enter("app/war").close();

    assertThat(PolicyContext.getContextID()).isEqualTo("other");
  }

  @Test
  void enter_withoutAnId_changesNothing() {
    PolicyContext.setContextID("other");

    AuthorizationContext.Scope scope = AuthorizationContext.enter(null);

    assertThat(PolicyContext.getContextID()).isEqualTo("other");
    scope.close();
    assertThat(PolicyContext.getContextID()).isEqualTo("other");
  }

  @Test
  void current_isTheThreadsId() {
    assertThat(AuthorizationContext.current()).isNull();
    PolicyContext.setContextID("app/war");
    assertThat(AuthorizationContext.current()).isEqualTo("app/war");
  }
}
