package dev.doppel.adapter.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * A method a path does not declare answers 405 with the Allow header naming those it does, as
 * problem+json, whatever the method: TRACE, or QUERY and other names outside the servlet API's
 * list. Tomcat and Spring Security's firewall would answer a bare 400; here they reach Spring MVC
 * (with spring.mvc.dispatch-trace-request, TRACE too), which has no handler for them, so a TRACE is
 * never echoed back.
 */
@Configuration
public class UndeclaredMethods {
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceReachesTheApplication() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
  }

  /**
   * Any method name passes the firewall, to be answered 405 by Spring MVC. Safe here: the security
   * rules deny by path whatever the method (every /api path needs a token but the two POSTs that
   * register and log in), so an unusual method never slips past a rule meant for another one.
   */
  @Bean
  WebSecurityCustomizer undeclaredMethodsAreNotRejectedAsMalformed() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setUnsafeAllowAnyHttpMethod(true);
    return web -> web.httpFirewall(firewall);
  }
}
