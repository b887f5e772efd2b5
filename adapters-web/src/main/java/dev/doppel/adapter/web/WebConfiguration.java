package dev.doppel.adapter.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything this adapter contributes: the controllers, the security chain and the caller resolver,
 * the OpenAPI description and the problem-details advice. The application imports this class.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = WebConfiguration.class)
public class WebConfiguration {}
