/** Placeholder: the namespace page is built on its own branch and replaces this at merge. */
export function GatewaysPage() {
  return <p>Gateways of a namespace (coming with the namespace page).</p>;
}
