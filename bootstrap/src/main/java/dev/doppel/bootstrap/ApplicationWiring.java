package dev.doppel.bootstrap;

import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.service.DatabaseExportService;
import dev.doppel.application.service.DatabaseEvaluationService;
import dev.doppel.application.service.DatabaseModelService;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.PasswordHasher;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.RelationshipStore;
import dev.doppel.application.port.out.TokenIssuer;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.application.port.out.UserUsage;
import dev.doppel.application.service.AccountDeletionService;
import dev.doppel.application.service.ApiTokenService;
import dev.doppel.application.service.CascadingDeletion;
import dev.doppel.application.service.DatasetService;
import dev.doppel.application.service.SchemaService;
import dev.doppel.application.service.ConnectionService;
import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.application.port.out.ExternalDatabases;
import dev.doppel.application.service.ProjectService;
import dev.doppel.application.service.QuotaSettings;
import dev.doppel.application.service.Quotas;
import dev.doppel.application.service.UploadLimits;
import dev.doppel.application.service.UserAccountService;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.application.service.AlgorithmCatalogueService;
import dev.doppel.application.service.BatchService;
import dev.doppel.application.service.EvaluateModelService;
import dev.doppel.application.service.EvaluationQueryService;
import dev.doppel.application.service.ExportService;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.JobLeases;
import dev.doppel.application.service.JobLeaseSettings;
import dev.doppel.application.service.JobRunner;
import dev.doppel.application.service.JobSettings;
import dev.doppel.application.service.ModelService;
import dev.doppel.application.service.SampleService;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's services, each built from the ports it needs; the adapters behind the ports come from their own wiring. */
@Configuration
public class ApplicationWiring {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AlgorithmCatalogueService algorithmCatalogue(SynthesisEngine engine) {
    return new AlgorithmCatalogueService(engine);
  }

  @Bean
  JobSettings jobSettings(JobProperties jobs) {
    return new JobSettings(jobs.maxGeneratedRows(), jobs.maxSampledRows(), jobs.evaluationRows(), jobs.progressWriteInterval());
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService trainingWorkers(JobProperties jobs) {
    return workers("doppel-training", jobs.trainingWorkers());
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService generationWorkers(JobProperties jobs) {
    return workers("doppel-generation", jobs.generationWorkers());
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService evaluationWorkers(JobProperties jobs) {
    return workers("doppel-evaluation", jobs.evaluationWorkers());
  }

  @Bean
  JobRunner jobRunner(
      DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, DatabaseModelStore databaseModels,
      DatabaseBatchStore databaseBatches, DatabaseEvaluationStore databaseEvaluations, FileStore files, SynthesisEngine engine, Clock clock, JobSettings settings,
      JobLeases leases, JobLeaseSettings leaseSettings, ExecutorService trainingWorkers, ExecutorService generationWorkers, ExecutorService evaluationWorkers) {
    return new JobRunner(
        datasets, models, batches, evaluations, databaseModels, databaseBatches, databaseEvaluations, files, engine, clock, settings, leases, leaseSettings, trainingWorkers,
        generationWorkers, evaluationWorkers);
  }

  @Bean
  CascadingDeletion cascadingDeletion(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, DatabaseModelStore databaseModels, DatabaseBatchStore databaseBatches,
      FileStore files, JobRunner jobs, Clock clock) {
    return new CascadingDeletion(projects, datasets, models, batches, databaseModels, databaseBatches, files, jobs, clock);
  }

  @Bean
  Quotas quotas(UserUsage usage, QuotaProperties quotas) {
    return new Quotas(usage, new QuotaSettings(quotas.maxActiveJobs(), quotas.maxStoredBytes().toBytes()));
  }

  @Bean
  ModelService modelService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations,
      AlgorithmCatalogueService catalogue, JobRunner jobs, Quotas quotas, CascadingDeletion deletion, Clock clock) {
    return new ModelService(projects, datasets, models, batches, evaluations, catalogue, jobs, quotas, deletion, clock);
  }

  @Bean
  BatchService batchService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, FileStore files, JobRunner jobs, SynthesisEngine engine,
      JobSettings settings, UploadLimits limits, Quotas quotas, Clock clock) {
    return new BatchService(projects, datasets, models, batches, files, jobs, engine, settings, limits, quotas, clock);
  }

  @Bean
  SampleService sampleService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, FileStore files, SynthesisEngine engine, TableExporter exporter,
      JobSettings settings) {
    return new SampleService(projects, datasets, models, batches, files, engine, exporter, settings);
  }

  @Bean
  AccountDeletionService accountDeletionService(UserStore users, ProjectStore projects, PasswordHasher hasher, CascadingDeletion deletion) {
    return new AccountDeletionService(users, projects, hasher, deletion);
  }

  @Bean
  EvaluationQueryService evaluationQueryService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations) {
    return new EvaluationQueryService(projects, datasets, models, batches, evaluations);
  }

  @Bean
  EvaluateModelService evaluateModelService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, JobRunner jobs, Clock clock) {
    return new EvaluateModelService(projects, datasets, models, batches, evaluations, jobs, clock);
  }

  @Bean
  ExportService exportService(ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, TableExporter exporter) {
    return new ExportService(projects, datasets, models, batches, exporter);
  }

  private static ExecutorService workers(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  ApiTokenService apiTokenService(ApiTokenStore tokens, Clock clock) {
    return new ApiTokenService(tokens, clock);
  }

  @Bean
  UserAccountService userAccountService(UserStore users, PasswordHasher hasher, TokenIssuer tokens) {
    return new UserAccountService(users, hasher, tokens);
  }

  @Bean
  ProjectService projectService(ProjectStore projects, CascadingDeletion deletion, Clock clock) {
    return new ProjectService(projects, deletion, clock);
  }

  @Bean
  UploadLimits uploadLimits(DoppelProperties properties) {
    DoppelProperties.Upload upload = properties.upload();
    return new UploadLimits(upload.maxFileSize().toBytes(), upload.maxColumns(), upload.maxPreviewRows(), ProfilingLimits.DEFAULT);
  }

  @Bean
  DatasetService datasetService(
      ProjectStore projects, DatasetStore datasets, FileStore files, TableReader tables, Clock clock, UploadLimits limits, Quotas quotas,
      CascadingDeletion deletion) {
    return new DatasetService(projects, datasets, files, tables, clock, limits, quotas, deletion);
  }

  @Bean
  DatabaseModelService databaseModelService(
      ProjectStore projects, SchemaService schemas, DatabaseModelStore models, DatabaseBatchStore batches, AlgorithmCatalogueService catalogue, JobRunner jobs,
      Quotas quotas, CascadingDeletion deletion, Clock clock) {
    return new DatabaseModelService(projects, schemas, models, batches, catalogue, jobs, quotas, deletion, clock);
  }

  @Bean
  DatabaseExportService databaseExportService(
      DatabaseModelService databases, DatasetStore datasets, ConnectionStore connections, ExternalDatabases external, FileStore files, TableReader tables,
      TableExporter exporter) {
    return new DatabaseExportService(databases, databases, datasets, connections, external, files, tables, exporter);
  }

  @Bean
  DatabaseEvaluationService databaseEvaluationService(DatabaseModelService batches, DatabaseEvaluationStore evaluations, JobRunner jobs, Clock clock) {
    return new DatabaseEvaluationService(batches, evaluations, jobs, clock);
  }

  @Bean
  SchemaService schemaService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, RelationshipStore relationships, TableReader tables,
      Clock clock) {
    return new SchemaService(projects, datasets, models, batches, relationships, tables, clock);
  }

  @Bean
  ConnectionService connectionService(
      ProjectStore projects, ConnectionStore connections, ExternalDatabases databases, DatasetService uploads, SchemaService relationships,
      Clock clock) {
    return new ConnectionService(projects, connections, databases, uploads, relationships, clock);
  }
}
