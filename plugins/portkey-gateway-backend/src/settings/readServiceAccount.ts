import { DeployedGateway } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { ObjectReader } from './readOptional';

/** The pod's service account with its annotations (an IRSA role, for one). */
export async function readServiceAccount(
  readObject: ObjectReader,
  name: string | undefined,
): Promise<{
  serviceAccount?: DeployedGateway['serviceAccount'];
  problems: string[];
}> {
  if (!name) return { problems: [] };
  const read = await readObject('ServiceAccount', name);
  if (read.outcome === 'found') {
    const annotations = read.value.metadata?.annotations;
    return {
      serviceAccount: { name, ...(annotations ? { annotations } : {}) },
      problems: [],
    };
  }
  return {
    serviceAccount: { name },
    problems: [
      read.outcome === 'missing'
        ? `Service account ${name} does not exist: Kubernetes will not create the gateway pods until it does.`
        : `The portal may not read service account ${name}, so its annotations (such as an IRSA role) could not be checked.`,
    ],
  };
}
