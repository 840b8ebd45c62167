import type { CompoundEntityRef } from '@backstage/catalog-model';

/** Placeholder: the settings view is built on its own branch and replaces this at merge. */
export function EntityGatewaySettings(props: { entityRef: CompoundEntityRef }) {
  return (
    <p>Settings of {props.entityRef.name} (coming with the settings view).</p>
  );
}
