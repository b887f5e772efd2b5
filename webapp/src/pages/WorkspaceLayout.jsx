import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import ErrorBoundary from '../components/ErrorBoundary.jsx';
import { useAuth } from '../auth/AuthProvider.jsx';
import ProjectSidebar from '../components/ProjectSidebar.jsx';

/** The signed-in frame: a header, the project sidebar (a drawer on narrow screens) and the page. */
export default function WorkspaceLayout() {
  const { username, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <button
          type="button"
          className="btn-secondary md:hidden"
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen((v) => !v)}
        >
          <span aria-hidden="true">☰</span>
          <span className="sr-only">{open ? 'Hide projects' : 'Show projects'}</span>
        </button>
        <Link to="/" className="text-xl font-bold text-indigo-700">
          Doppel
        </Link>
        <span className="hidden text-sm text-slate-500 sm:inline">Synthetic tabular data</span>
        <div className="ml-auto flex items-center gap-3">
          <Link to="/account" className="text-sm text-slate-600 underline" title="Your account">
            {username}
          </Link>
          <button type="button" className="btn-secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="flex">
        {open && (
          <div
            className="fixed inset-0 z-10 bg-slate-900/30 md:hidden"
            aria-hidden="true"
            onClick={() => setOpen(false)}
          />
        )}
        <aside
          id="sidebar"
          className={`${open ? 'block' : 'hidden'} fixed bottom-0 left-0 top-[53px] z-20 w-72 overflow-y-auto border-r border-slate-200 bg-slate-100 p-3 md:sticky md:block md:h-[calc(100vh-53px)] md:w-64 md:shrink-0`}
        >
          <ProjectSidebar onNavigate={() => setOpen(false)} />
        </aside>
        <main className="min-w-0 flex-1 p-4 md:p-6">
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
