package dev.doppel.adapter.persistence;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Everything this adapter contributes: entities, repositories, mappers and the store adapters.
 * The application imports this class; the schema itself comes from the Liquibase changelog at
 * {@code classpath:db/changelog/db.changelog-master.yaml}, Spring Boot's default location.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PersistenceConfiguration.class)
@EntityScan(basePackageClasses = PersistenceConfiguration.class)
@EnableJpaRepositories(basePackageClasses = PersistenceConfiguration.class)
public class PersistenceConfiguration {}
