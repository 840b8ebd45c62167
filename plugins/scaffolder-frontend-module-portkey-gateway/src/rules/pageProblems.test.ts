import { extractSchemaFromStep } from '@backstage/plugin-scaffolder-react/alpha';
import { example, template } from '../__testUtils__/templateForm';
import { pageFields, pageKey } from './pageFields';
import { pageProblems, visitPage, VisitedPage } from './pageProblems';

// The pages as react-jsonschema-form gets them: the ui:* keys moved out of the schema.
const pages = template.spec.parameters.map(
  (p: any) => extractSchemaFromStep(structuredClone(p)).schema,
);
const page = (title: string): VisitedPage => {
  const schema =
    pages[template.spec.parameters.findIndex((p: any) => p.title === title)];
  return { key: pageKey(schema), fields: pageFields(schema) };
};

describe('pageFields', () => {
  it('reads the model fields of a page from its schema, in every option', () => {
    const fields = page('Log store').fields;
    expect(fields['logStore.store']).toBe('Log store');
    expect(fields['logStore.pem.name']).toBeDefined();
    expect(fields['logStore.entraTenantId']).toBe('Entra tenant ID');
    // The IRSA service account, asked beside "EKS IRSA" (if/then).
    expect(fields['serviceAccount.roleArn']).toBe('IAM role for IRSA');
    expect(Object.keys(fields).some(f => f.startsWith('portkeyGateway'))).toBe(
      false,
    );
    expect(Object.keys(page('Repository').fields)).toEqual([]);
  });

  it('titles a field as the chosen option does', () => {
    const cache = pages[4];
    expect(
      pageFields(cache, { cache: { store: 'custom', urlSource: 'literal' } })[
        'cache.url'
      ],
    ).toBe('Redis endpoint');
    expect(
      pageFields(cache, {
        cache: { store: 'aws-elastic-cache', urlSource: 'literal' },
      })['cache.url'],
    ).toBe('ElastiCache endpoint');
  });

  it('puts every model field on some page', () => {
    const all = new Set(pages.flatMap((p: any) => Object.keys(pageFields(p))));
    for (const field of [
      'gateway.autoscaling.minReplicas',
      'gateway.ingress.host',
      'otel.endpoint',
      'serviceAccount.name',
      'bedrock.region',
      'dataService.logExportsBucket',
      'server.mcpPort',
      'server.separateMcpService',
      'catalog.owner',
      'secrets.secretName',
    ])
      expect([field, all.has(field)]).toEqual([field, true]);
  });
});

describe('pageProblems', () => {
  const irsa = () => {
    const answers = example('log-store-s3-assume-irsa.yaml');
    delete answers.serviceAccount;
    return answers;
  };

  it('keeps a problem whose field is on a page reached, and says where', () => {
    const reached = [
      'Gateway',
      'Core settings and secrets',
      'Analytics',
      'Log store',
    ].map(page);
    expect(pageProblems(irsa(), reached)).toEqual([
      expect.objectContaining({
        field: 'serviceAccount.roleArn',
        title: 'IAM role for IRSA',
        onThisPage: true,
      }),
    ]);
    const later = [...reached, page('Cache')];
    expect(pageProblems(irsa(), later)[0].onThisPage).toBe(false);
  });

  it('leaves out problems of pages not reached yet', () => {
    const answers = irsa();
    delete answers.logStore; // page 4 is not answered yet
    expect(pageProblems(answers, [page('Gateway')])).toEqual([]);
  });

  it('drops the pages after the one shown again (Back)', () => {
    const [a, b, c] = ['Gateway', 'Analytics', 'Cache'].map(page);
    const value = visitPage(visitPage(visitPage(undefined, a), b), c);
    expect(visitPage(value, b).pages.map(p => p.key)).toEqual([a.key, b.key]);
  });
});
