import { Button, Flex, Select, TextField } from '@backstage/ui';
import {
  KUBERNETES_NAME_RULES,
  nameProblem,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { FormEvent, useState } from 'react';
import type { GatewayCluster } from '../../api/PortkeyGatewayApi';
import type { GatewaysPageQuery } from '../../hooks/useGatewaysPageQuery';
import { describeChoice, NamespaceChoice } from './namespaceChoices';

function namespaceOptions(choices: NamespaceChoice[], current?: string) {
  const options = choices.map(choice => ({
    id: choice.name,
    label: choice.name,
    description: describeChoice(choice) || undefined,
    disabled: choice.refused,
  }));
  // A namespace typed earlier (or shared in a link) stays selectable.
  if (current && !choices.some(c => c.name === current))
    options.push({
      id: current,
      label: current,
      description: 'typed',
      disabled: false,
    });
  return options;
}

/** Typing a namespace the page does not offer, for clusters that allow every namespace. */
function OtherNamespaceForm({
  onSubmit,
}: {
  onSubmit: (namespace: string) => void;
}) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    const found = nameProblem(KUBERNETES_NAME_RULES.namespace, name);
    setProblem(found ? `A namespace name ${found}` : undefined);
    if (!found) onSubmit(name);
  };
  return (
    <form onSubmit={submit} aria-label="Another namespace">
      <Flex align="end" gap="2">
        <TextField
          label="Another namespace"
          // The field's description carries the problem, so screen readers hear it too.
          description={problem ?? 'This cluster allows any namespace.'}
          value={value}
          onChange={setValue}
          isInvalid={problem !== undefined}
          // "aria": a native invalid state would block the next submit before it is re-checked.
          validationBehavior="aria"
        />
        <Button type="submit" variant="secondary">
          Show gateways
        </Button>
      </Flex>
    </form>
  );
}

/** Choose the cluster, then a namespace offered for it or (where allowed) typed. */
export function ClusterNamespacePicker({
  clusters,
  cluster,
  choices,
  query,
  onChange,
}: {
  clusters: GatewayCluster[];
  cluster: GatewayCluster;
  choices: NamespaceChoice[];
  query: GatewaysPageQuery;
  onChange: (next: GatewaysPageQuery) => void;
}) {
  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
      <Select
        label="Cluster"
        options={clusters.map(c => ({ id: c.name, label: c.name }))}
        value={cluster.name}
        onChange={key => onChange({ cluster: String(key) })}
        isDisabled={clusters.length < 2}
      />
      <Select
        label="Namespace"
        placeholder={
          choices.length ? 'Choose a namespace' : 'No namespace known'
        }
        options={namespaceOptions(choices, query.namespace)}
        value={query.namespace ?? null}
        onChange={key =>
          key && onChange({ cluster: cluster.name, namespace: String(key) })
        }
      />
      {cluster.namespaces === null && (
        <OtherNamespaceForm
          onSubmit={namespace => onChange({ cluster: cluster.name, namespace })}
        />
      )}
    </Flex>
  );
}
