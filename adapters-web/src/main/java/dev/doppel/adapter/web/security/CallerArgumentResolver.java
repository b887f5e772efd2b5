package dev.doppel.adapter.web.security;

import dev.doppel.domain.user.UserId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller parameter of type {@link UserId} is the signed-in caller, read from the validated
 * token of the request. The API description leaves such parameters out (see
 * {@code OpenApiConfiguration}): callers never send their own id.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == UserId.class;
  }

  @Override
  public UserId resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request, WebDataBinderFactory binders) {
    return CurrentUser.of(request.getUserPrincipal());
  }
}
