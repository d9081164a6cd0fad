/* global window, document */
// Starts GraphiQL against our own endpoint. A plain (not module) script: the UMD builds it needs,
// loaded just before it, are globals.

/**
 * @typedef {{ createElement(type: unknown, props: object): unknown }} ReactGlobal
 * @typedef {{ createRoot(element: Element): { render(node: unknown): void } }} ReactDomGlobal
 * @typedef {{ createFetcher(options: { url: string }): unknown }} GraphiQLFactory
 */
const ide = /** @type {{ React: ReactGlobal, ReactDOM: ReactDomGlobal, GraphiQL: GraphiQLFactory }} */ (/** @type {unknown} */ (window));

const container = document.getElementById('graphiql');
if (container) {
  const fetcher = ide.GraphiQL.createFetcher({ url: `${window.location.origin}/graphql` });
  ide.ReactDOM.createRoot(container).render(ide.React.createElement(ide.GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
}
