package dev.doppel.application.service;

import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.SynthesisEngine;
import java.time.Clock;

/** What every kind of job may reach: the stores, the files, the engine and the clock. */
record JobPorts(
    DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, DatabaseModelStore databaseModels,
    DatabaseBatchStore databaseBatches, DatabaseEvaluationStore databaseEvaluations, FileStore files, SynthesisEngine engine, Clock clock) {}
