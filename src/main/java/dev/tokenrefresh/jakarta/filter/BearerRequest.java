package dev.tokenrefresh.jakarta.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request as the application sees it with {@code token-refresh.bearer-header=true}: its {@code
 * Authorization} header is {@code Bearer <current access token>}, for applications written as
 * resource servers or proxies. Not thread-safe, like any request.
 */
final class BearerRequest extends HttpServletRequestWrapper {

  private static final String AUTHORIZATION = "Authorization";

  private final String value;

  BearerRequest(HttpServletRequest request, String accessToken) {
    super(request);
    this.value = "Bearer " + accessToken;
  }

  @Override
  public String getHeader(String name) {
    return AUTHORIZATION.equalsIgnoreCase(name) ? value : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return AUTHORIZATION.equalsIgnoreCase(name)
        ? Collections.enumeration(List.of(value))
        : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
    if (names.stream().noneMatch(AUTHORIZATION::equalsIgnoreCase)) {
      names.add(AUTHORIZATION);
    }
    return Collections.enumeration(names);
  }
}
