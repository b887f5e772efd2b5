import { Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider.jsx';
import RequireAuth from './auth/RequireAuth.jsx';
import SignInPage from './pages/SignInPage.jsx';
import WorkspaceLayout from './pages/WorkspaceLayout.jsx';
import WorkspaceHome from './pages/WorkspaceHome.jsx';
import ProjectPage from './pages/ProjectPage.jsx';
import DatasetPage from './pages/DatasetPage.jsx';
import ModelPage from './pages/ModelPage.jsx';
import AccountPage from './pages/AccountPage.jsx';

export default function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<SignInPage mode="login" />} />
        <Route path="/register" element={<SignInPage mode="register" />} />
        <Route
          element={
            <RequireAuth>
              <WorkspaceLayout />
            </RequireAuth>
          }
        >
          <Route index element={<WorkspaceHome />} />
          <Route path="projects/:projectId" element={<ProjectPage />} />
          <Route path="projects/:projectId/datasets/:datasetId" element={<DatasetPage />} />
          <Route path="projects/:projectId/models/:modelId" element={<ModelPage />} />
          <Route path="account" element={<AccountPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AuthProvider>
  );
}
