import { Component } from 'react';

/** Keeps one broken page from blanking the whole app; the sidebar stays usable. */
export default class ErrorBoundary extends Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }

  static getDerivedStateFromError(error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-red-800">
        <p className="font-medium">This page could not be shown.</p>
        <p className="text-sm">{this.state.error.message}</p>
        <button
          type="button"
          className="btn-secondary mt-2"
          onClick={() => window.location.reload()}
        >
          Reload the page
        </button>
      </div>
    );
  }
}
