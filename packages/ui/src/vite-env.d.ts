// Vite's ambient types (import.meta.env, CSS and asset imports) for the UI sources.
/// <reference types="vite/client" />
