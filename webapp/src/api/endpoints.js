import { api, authHeaders } from './client.js';

export const login = (username, password) =>
  api('/api/auth/login', { method: 'POST', body: { username, password }, auth: false });
export const register = (username, password) =>
  api('/api/auth/register', { method: 'POST', body: { username, password }, auth: false });
// Revokes the token on the server. Not through api(): a 401 here (a token already revoked) is no
// expired session to report, and signing out goes ahead whatever the answer.
export const logout = () =>
  fetch('/api/auth/logout', { method: 'POST', headers: authHeaders() }).catch(() => null);

export const changePassword = (currentPassword, newPassword) =>
  api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
export const deleteAccount = (password) =>
  api('/api/auth/account', { method: 'DELETE', body: { password } });
export const listApiTokens = () => api('/api/auth/tokens');
export const createApiToken = (name, scope) =>
  api('/api/auth/tokens', { method: 'POST', body: { name, scope } });
export const revokeApiToken = (id) => api(`/api/auth/tokens/${id}`, { method: 'DELETE' });

export const listProjects = () => api('/api/projects');
export const getProject = (id) => api(`/api/projects/${id}`);
export const createProject = (name, description = '') =>
  api('/api/projects', { method: 'POST', body: { name, description } });
export const updateProject = (id, changes) =>
  api(`/api/projects/${id}`, { method: 'PATCH', body: changes });
export const deleteProject = (id) => api(`/api/projects/${id}`, { method: 'DELETE' });

export const listDatasets = (projectId) => api(`/api/datasets?projectId=${projectId}`);
export const getDataset = (id) => api(`/api/datasets/${id}`);
export const deleteDataset = (id) => api(`/api/datasets/${id}`, { method: 'DELETE' });
export const getDatasetStats = (id) => api(`/api/datasets/${id}/stats`);
export const getDatasetPreview = (id, rows = 10) => api(`/api/datasets/${id}/preview?rows=${rows}`);
export const updateSchema = (id, columns) =>
  api(`/api/datasets/${id}/schema`, { method: 'PATCH', body: { columns } });

export const listAlgorithms = () => api('/api/algorithms');
/** The catalogue as every form reads it: one cached query, fetched again after five minutes. */
export const algorithmCatalogue = {
  queryKey: ['algorithms'],
  queryFn: listAlgorithms,
  staleTime: 300_000,
};
export const trainModel = (request) => api('/api/models/train', { method: 'POST', body: request });
export const listModels = (query) => api(`/api/models?${new URLSearchParams(query)}`);
export const getModelStatus = (id) => api(`/api/models/${id}/status`);
export const cancelModel = (id) => api(`/api/models/${id}/cancel`, { method: 'POST' });
export const deleteModel = (id) => api(`/api/models/${id}`, { method: 'DELETE' });
export const getEvaluation = (id) => api(`/api/models/${id}/evaluation`);
export const evaluateModel = (id, request) =>
  api(`/api/models/${id}/evaluation`, { method: 'POST', body: request });

export const generate = (request) => api('/api/generate', { method: 'POST', body: request });
export const sampleRows = (modelId, request) =>
  api(`/api/models/${modelId}/sample`, { method: 'POST', body: request });
export function imputeRows(modelId, file) {
  const form = new FormData();
  form.append('file', file);
  return api(`/api/models/${modelId}/impute`, { method: 'POST', body: form });
}
export const listBatches = (modelId) => api(`/api/models/${modelId}/batches`);
export const getBatch = (id) => api(`/api/synthetic/${id}`);

export const getSchema = (projectId) => api(`/api/projects/${projectId}/schema`);
export const proposeRelationships = (projectId) =>
  api(`/api/projects/${projectId}/schema/proposal`);
export const declareRelationship = (projectId, relationship) =>
  api(`/api/projects/${projectId}/schema/relationships`, { method: 'POST', body: relationship });
export const deleteRelationship = (projectId, id) =>
  api(`/api/projects/${projectId}/schema/relationships/${id}`, { method: 'DELETE' });

export const listConnections = (projectId) => api(`/api/projects/${projectId}/connections`);
export const createConnection = (projectId, connection) =>
  api(`/api/projects/${projectId}/connections`, { method: 'POST', body: connection });
export const deleteConnection = (id) => api(`/api/connections/${id}`, { method: 'DELETE' });
export const testConnection = (id) => api(`/api/connections/${id}/test`, { method: 'POST' });
export const listConnectionSchemas = (id) => api(`/api/connections/${id}/schemas`);
export const listConnectionTables = (id, schema) =>
  api(`/api/connections/${id}/tables?schema=${encodeURIComponent(schema)}`);
export const importTables = (id, schema, tables) =>
  api(`/api/connections/${id}/import`, { method: 'POST', body: { schema, tables } });

export const listDatabaseModels = (projectId) => api(`/api/projects/${projectId}/database-models`);
export const trainDatabaseModel = (projectId, request) =>
  api(`/api/projects/${projectId}/database-models`, { method: 'POST', body: request });
export const cancelDatabaseModel = (id) =>
  api(`/api/database-models/${id}/cancel`, { method: 'POST' });
export const deleteDatabaseModel = (id) => api(`/api/database-models/${id}`, { method: 'DELETE' });
export const generateDatabase = (modelId, request) =>
  api(`/api/database-models/${modelId}/generate`, { method: 'POST', body: request });
export const listDatabaseBatches = (modelId) => api(`/api/database-models/${modelId}/batches`);
export const exportDatabaseBatch = (id, request) =>
  api(`/api/database-batches/${id}/export`, { method: 'POST', body: request });
export const getDatabaseEvaluation = (id) => api(`/api/database-batches/${id}/evaluation`);
export const evaluateDatabaseBatch = (id) =>
  api(`/api/database-batches/${id}/evaluation`, { method: 'POST' });
