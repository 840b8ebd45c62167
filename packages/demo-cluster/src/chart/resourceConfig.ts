import type { V1ConfigMap } from '@kubernetes/client-node';

/**
 * ConfigMap `resource-config`, which the chart always renders with a placeholder where a
 * MongoDB/DocumentDB PEM goes (mount it with `volumes`/`volumeMounts`).
 */
export const resourceConfigMap = (): V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'resource-config' },
  data: {
    'document_db.pem':
      '-----BEGIN CERTIFICATE-----\n____\n-----END CERTIFICATE-----\n',
  },
});
