import { isCredentialValue } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { FAILS, KeyRefs, requiredKeys } from './envReferences';
import { ObjectReader } from './readOptional';

/** Reads each referenced ConfigMap once (ConfigMaps are not secret) and says what is wrong. */
export async function checkConfigMaps(
  readObject: ObjectReader,
  referenced: Map<string, KeyRefs>,
): Promise<{
  data: Map<string, Record<string, string>>;
  problems: string[];
}> {
  const data = new Map<string, Record<string, string>>();
  const problems: string[] = [];
  // Read in parallel, reported in the order referenced.
  const reads = await Promise.all(
    [...referenced.keys()].map(name => readObject('ConfigMap', name)),
  );
  for (const [index, [name, refs]] of [...referenced].entries()) {
    const keys = [...refs.keys()];
    const read = reads[index];
    if (read.outcome === 'forbidden') {
      problems.push(
        `The portal may not read ConfigMap ${name}; settings stored in it (${keys.join(
          ', ',
        )}) are shown as unset.`,
      );
    } else if (read.outcome === 'missing') {
      if (requiredKeys(refs).length)
        problems.push(`ConfigMap ${name} does not exist: ${FAILS}.`);
    } else {
      const values = read.value.data ?? {};
      data.set(name, values);
      const missing = requiredKeys(
        refs,
        keys.filter(k => !(k in values)),
      );
      if (missing.length)
        problems.push(
          `ConfigMap ${name} has no key ${missing.join(', ')}: ${FAILS}.`,
        );
      const credentials = keys.filter(
        k => k in values && isCredentialValue(k, values[k]),
      );
      if (credentials.length)
        problems.push(
          `Credentials ${credentials.join(
            ', ',
          )} are stored in ConfigMap ${name}, which anyone who may read ConfigMaps can see; move them to a Secret.`,
        );
    }
  }
  return { data, problems };
}
