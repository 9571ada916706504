// The server's --static-prefix as the page learned it from index.html (the server fills the meta tag).

/** '' at the root, or e.g. '/mlflow'; never ends with '/'. */
export function staticPrefix(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="mlflow-ts-static-prefix"]');
  return (meta?.content ?? '').replace(/\/+$/, '');
}
