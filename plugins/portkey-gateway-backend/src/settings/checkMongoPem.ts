import {
  GatewaySecretCheck,
  PORTKEY_CHART,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { MongoPemSource } from './mongoPemMount';
import { ObjectReader } from './readOptional';

const PEM_PATH = PORTKEY_CHART.mongoPemPath;

/** What Kubernetes does to a pod whose volume's Secret/ConfigMap (or an item's key) is missing. */
const NOT_MOUNTED =
  'the gateway pods will not start: they stay in ContainerCreating with FailedMount events';
/** What a missing file behind the mount does: the pod starts, the PEM is not there. */
const NO_PEM = `the gateway pods start without the PEM (Kubernetes leaves an empty directory or nothing at ${PEM_PATH}), so connecting to MongoDB/DocumentDB with TLS fails`;

/**
 * Checks that the Secret or ConfigMap mounted as the MongoDB PEM exists and holds the keys
 * the mount reads. Only key names are looked at: a Secret's values are never decoded. For a
 * Secret, also its entry for `secrets[]`.
 */
export async function checkMongoPem(
  readObject: ObjectReader,
  pem: MongoPemSource | undefined,
): Promise<{ secret?: GatewaySecretCheck; problems: string[] }> {
  if (!pem) return { problems: [] };
  const { kind, name } = pem;
  const what = `${kind} ${name}, mounted as the MongoDB PEM at ${PEM_PATH}`;
  // The keys the volume needs: its items', else the one the mount reads.
  const keys = pem.itemKeys ?? (pem.directory ? [] : [pem.file]);
  const read = await readObject(kind, name);
  const problems: string[] = [];
  if (pem.directory) {
    problems.push(
      `Volume ${pem.volume} (${kind} ${name}) is mounted as a directory at ${PEM_PATH}, not as a file: set subPath to the key holding the PEM, or ${NO_PEM}.`,
    );
  }
  const entry = (exists: boolean | null, missingKeys: string[]) =>
    kind === 'Secret'
      ? { secretName: name, exists, keys, missingKeys }
      : undefined;

  if (read.outcome === 'forbidden') {
    problems.push(
      `The portal may not read ${kind} ${name}, so whether it holds the MongoDB PEM mounted at ${PEM_PATH} (key ${
        pem.key ?? pem.file
      }) could not be checked.`,
    );
    return { secret: entry(null, []), problems };
  }
  if (read.outcome === 'missing') {
    problems.push(
      `${what}, does not exist: ${pem.optional ? NO_PEM : NOT_MOUNTED}.`,
    );
    return { secret: entry(false, keys), problems };
  }

  // A ConfigMap may hold the PEM under binaryData too; a Secret has data only.
  const { data, binaryData } = read.value as {
    data?: object;
    binaryData?: object;
  };
  const present = new Set([
    ...Object.keys(data ?? {}),
    ...Object.keys(binaryData ?? {}),
  ]);
  const missingKeys = keys.filter(k => !present.has(k));
  if (pem.itemKeys && missingKeys.length && !pem.optional) {
    problems.push(
      `${kind} ${name} has no key ${missingKeys.join(', ')}, which volume ${
        pem.volume
      } (the MongoDB PEM at ${PEM_PATH}) lists in its items: ${NOT_MOUNTED}.`,
    );
  } else if (
    !pem.directory &&
    (pem.key === undefined || !present.has(pem.key))
  ) {
    problems.push(
      pem.key === undefined
        ? `Volume ${pem.volume} (${kind} ${name}) is mounted at ${PEM_PATH} with subPath ${pem.file}, but its items project no file ${pem.file}: ${NO_PEM}.`
        : `${what}, has no key ${pem.key}: ${NO_PEM}.`,
    );
  }
  return { secret: entry(true, missingKeys), problems };
}
