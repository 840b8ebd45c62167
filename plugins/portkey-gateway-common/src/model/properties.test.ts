import fc from 'fast-check';
import YAML from 'yaml';
import { renderCatalogEntity } from '../catalog/renderCatalogInfo';
import { formatGatewayInputErrors } from './validateGatewayInput';
import { renderGateway } from '../render/renderGateway';
import { validAnswers } from '../__testUtils__/arbitraries';
import { literalCredentials } from '../__testUtils__/inputs';

// Properties of every valid input, across all options (see __testUtils__/arbitraries.ts).

const RUNS = { numRuns: 200 };

/** Renders answers the arbitrary claims are valid; a refusal is a failure with the field errors. */
function renderValid(answers: unknown) {
  const result = renderGateway(answers);
  if (!result.ok)
    throw new Error(
      `valid answers refused:\n${formatGatewayInputErrors(result.errors)}`,
    );
  return result;
}

/** Parses a YAML text that must be exactly one document without errors or warnings. */
function parseOne(text: string, version?: '1.1' | '1.2') {
  const docs = YAML.parseAllDocuments(text, version ? { version } : {});
  if (!Array.isArray(docs)) throw new Error('no YAML document');
  expect(docs).toHaveLength(1);
  expect(docs[0].errors).toEqual([]);
  expect(docs[0].warnings).toEqual([]);
  return docs[0].toJS();
}

describe('properties of valid inputs', () => {
  it('rendering never throws and never refuses a valid input', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        expect(renderValid(answers).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('values.yaml parses back to exactly the values (YAML 1.2, and YAML 1.1 as Helm reads it)', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        const gateway = renderValid(answers);
        expect(parseOne(gateway.files['values.yaml'])).toStrictEqual(
          gateway.values,
        );
        expect(parseOne(gateway.files['values.yaml'], '1.1')).toStrictEqual(
          gateway.values,
        );
      }),
      RUNS,
    );
  });

  it('catalog-info.yaml parses back to exactly the catalog entity', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        const gateway = renderValid(answers);
        expect(parseOne(gateway.files['catalog-info.yaml'])).toStrictEqual(
          renderCatalogEntity(gateway.input),
        );
      }),
      RUNS,
    );
  });

  it('keeps the traps closed: service account, SERVER_MODE, registry, string env values', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        const { values, input } = renderValid(answers);
        const v = values as Record<string, any>;
        expect(v.serviceAccount.name).toEqual(expect.any(String));
        expect(v.serviceAccount.name.length).toBeGreaterThan(0);
        expect(v.dataservice?.serviceAccount ?? 'no data service').toEqual(
          input.dataService.enabled
            ? { create: false, name: v.serviceAccount.name }
            : 'no data service',
        );
        expect(['', 'all', 'mcp']).toContain(v.environment.data.SERVER_MODE);
        expect(v.imageCredentials).toEqual([]);
        expect(v.imagePullSecrets).toHaveLength(1);
        expect(v.environment.data.CACHE_STORE === 'redis').toBe(
          input.cache.store === 'redis',
        );
        for (const value of Object.values(v.environment.data))
          expect([null, 'string']).toContain(
            value === null ? null : typeof value,
          );
      }),
      RUNS,
    );
  });

  it('writes no credential: secret keys are "" and listed, no literal looks like one', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        const { values } = renderValid(answers);
        const { data, secretKeys } = (values as Record<string, any>)
          .environment;
        expect(secretKeys.filter((key: string) => data[key] !== '')).toEqual(
          [],
        );
        expect(literalCredentials(data, secretKeys)).toEqual([]);
      }),
      RUNS,
    );
  });
});
