import { useState } from 'react';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createProject, deleteProject, listProjects, updateProject } from '../api/endpoints.js';
import ConfirmDialog from './ConfirmDialog.jsx';
import { EmptyState, ErrorMessage, FieldError, Loading } from './Feedback.jsx';

function ProjectItem({ project, onNavigate }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { projectId } = useParams();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useMutation({
    mutationFn: () => updateProject(project.id, { name: name.trim() }),
    onSuccess: () => {
      setRenaming(false);
      queryClient.invalidateQueries({ queryKey: ['projects'] });
      queryClient.invalidateQueries({ queryKey: ['project', String(project.id)] });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteProject(project.id),
    onSuccess: () => {
      setConfirming(false);
      queryClient.invalidateQueries({ queryKey: ['projects'] });
      if (String(project.id) === projectId) navigate('/');
    },
  });

  if (renaming) {
    return (
      <li className="rounded-md bg-white p-2">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
        >
          <label htmlFor={`rename-${project.id}`} className="label">
            New name
          </label>
          <input
            id={`rename-${project.id}`}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <FieldError message={rename.error?.message} />
          <div className="mt-2 flex gap-2">
            <button
              type="submit"
              className="btn-primary"
              disabled={rename.isPending || !name.trim()}
            >
              Save
            </button>
            <button type="button" className="btn-secondary" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="group flex items-center gap-1">
      <NavLink
        to={`/projects/${project.id}`}
        onClick={onNavigate}
        className={({ isActive }) =>
          `min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-sm ${isActive ? 'bg-indigo-100 font-semibold text-indigo-800' : 'text-slate-800 hover:bg-slate-200'}`
        }
      >
        {project.name}
      </NavLink>
      <button
        type="button"
        className="btn px-1.5 text-slate-500 hover:bg-slate-200"
        aria-label={`Rename project ${project.name}`}
        title="Rename"
        onClick={() => {
          setName(project.name);
          setRenaming(true);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M13.6 2.6a2 2 0 0 1 2.8 2.8l-9 9-3.9 1 1-3.9 9-9Z" />
        </svg>
      </button>
      <button
        type="button"
        className="btn px-1.5 text-slate-500 hover:bg-red-100 hover:text-red-700"
        aria-label={`Delete project ${project.name}`}
        title="Delete"
        onClick={() => setConfirming(true)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M7 2h6l1 2h4v2H2V4h4l1-2Zm-3 5h12l-1 11H5L4 7Zm4 2v7h1.5V9H8Zm2.5 0v7H12V9h-1.5Z" />
        </svg>
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete “${project.name}”?`}
          confirmLabel="Delete project"
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            This removes the project with all its datasets, models and batches. It cannot be undone.
          </p>
          {remove.error && <p className="field-error">{remove.error.message}</p>}
        </ConfirmDialog>
      )}
    </li>
  );
}

function NewProjectForm({ onCreated }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => createProject(name.trim()),
    onSuccess: (project) => {
      setName('');
      queryClient.invalidateQueries({ queryKey: ['projects'] });
      onCreated(project);
    },
  });
  return (
    <form
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) create.mutate();
      }}
    >
      <label htmlFor="new-project" className="label">
        New project
      </label>
      <div className="flex gap-2">
        <input
          id="new-project"
          className={`input ${create.error ? 'input-invalid' : ''}`}
          placeholder="e.g. Penguin study"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={create.error ? 'new-project-error' : undefined}
        />
        <button type="submit" className="btn-primary" disabled={create.isPending || !name.trim()}>
          Create
        </button>
      </div>
      <FieldError id="new-project-error" message={create.error?.message} />
    </form>
  );
}

/** The project list: create, open, rename and delete (with confirmation). */
export default function ProjectSidebar({ onNavigate }) {
  const navigate = useNavigate();
  const projects = useQuery({ queryKey: ['projects'], queryFn: listProjects });
  return (
    <nav aria-label="Projects" className="flex flex-col gap-2">
      <h2 className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Projects
      </h2>
      {projects.isPending && <Loading label="Loading projects…" />}
      {projects.error && (
        <ErrorMessage
          error={projects.error}
          title="Could not load projects"
          onRetry={projects.refetch}
        />
      )}
      {projects.data && projects.data.length === 0 && (
        <EmptyState>No projects yet. Create one below.</EmptyState>
      )}
      {projects.data && projects.data.length > 0 && (
        <ul className="space-y-0.5">
          {projects.data.map((project) => (
            <ProjectItem key={project.id} project={project} onNavigate={onNavigate} />
          ))}
        </ul>
      )}
      <NewProjectForm
        onCreated={(project) => {
          onNavigate?.();
          navigate(`/projects/${project.id}`);
        }}
      />
    </nav>
  );
}
