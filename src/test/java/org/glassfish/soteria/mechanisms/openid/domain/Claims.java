package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import java.lang.reflect.Proxy;
import java.util.List;

/** JWT claims whose only array claim is {@code groups}. */
final class Claims {

  private Claims() {}

  static JwtClaims withArray(List<String> groups) {
    return (JwtClaims)
        Proxy.newProxyInstance(
            JwtClaims.class.getClassLoader(),
            new Class<?>[] {JwtClaims.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getArrayStringClaim")) {
                return "groups".equals(args[0]) ? groups : List.of();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
