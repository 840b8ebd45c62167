import { describeLogStore } from './describeLogStore';
import {
  azureEntraKeyMissing,
  baseSettings,
  gcsUnchecked,
  mongoPemFromSecret,
  s3AssumeIrsa,
  s3WithKeys,
} from './__fixtures__/settingsResponses';

const field = (d: ReturnType<typeof describeLogStore>, label: string) =>
  d.fields.find(f => f.label === label)?.value;

describe('describeLogStore', () => {
  it('names S3 with access keys, with bucket and region', () => {
    const d = describeLogStore(s3WithKeys.settings);
    expect(d.summary).toBe('Amazon S3, access keys');
    expect(field(d, 'Bucket')).toBe('portkey-logs');
    expect(field(d, 'Region')).toBe('eu-west-1');
  });

  it('names the assumed role by IRSA with the service account and its role', () => {
    const d = describeLogStore(s3AssumeIrsa.settings);
    expect(d.summary).toBe(
      'Amazon S3, assumed role (IRSA via service account portkey-gw)',
    );
    expect(field(d, 'IAM role of the service account (IRSA)')).toBe(
      'arn:aws:iam::123456789012:role/portkey-logs',
    );
  });

  it('tells the instance-role methods apart by IMDS version', () => {
    const imds = (imdsV1: boolean) =>
      describeLogStore(
        baseSettings({
          logStore: { store: 's3_assume', auth: 'imds', imdsV1 },
        }),
      ).summary;
    expect(imds(false)).toBe(
      'Amazon S3, assumed role (EC2 instance role, IMDSv2)',
    );
    expect(imds(true)).toBe(
      'Amazon S3, assumed role (EC2 instance role, IMDSv1)',
    );
  });

  it('names the role and external ID of an assumed role with keys', () => {
    const d = describeLogStore(
      baseSettings({
        logStore: {
          store: 's3_assume',
          auth: 'access_keys',
          roleArn: 'arn:aws:iam::1:role/logs',
          externalId: 'ext-1',
        },
      }),
    );
    expect(d.summary).toBe('Amazon S3, assumed role (with access keys)');
    expect(field(d, 'Role ARN to assume')).toBe('arn:aws:iam::1:role/logs');
    expect(field(d, 'External ID')).toBe('ext-1');
  });

  it('names Azure with Entra, its account, container, client and tenant', () => {
    const d = describeLogStore(azureEntraKeyMissing.settings);
    expect(d.summary).toBe(
      'Azure Blob Storage, Entra application (client secret)',
    );
    expect(field(d, 'Storage account')).toBe('portkeylogs');
    expect(field(d, 'Container')).toBe('generations');
    expect(field(d, 'Entra tenant ID')).toBe(
      '99999999-8888-7777-6666-555555555555',
    );
  });

  it('names MongoDB with its collections and where the PEM comes from', () => {
    const d = describeLogStore(mongoPemFromSecret.settings);
    expect(d.summary).toBe('MongoDB / Amazon DocumentDB');
    expect(field(d, 'Collection')).toBe('generations');
    expect(field(d, 'TLS certificate (PEM)')).toBe(
      'Secret docdb-ca, key document_db.pem',
    );
    expect(d.warning).toMatch(/maintenance mode/);
  });

  it('names GCS as HMAC keys', () => {
    expect(describeLogStore(gcsUnchecked.settings).summary).toBe(
      'Google Cloud Storage (S3-interoperable HMAC keys), access keys',
    );
  });

  it('says when no log store is set, and warns about one the chart does not know', () => {
    expect(describeLogStore(baseSettings()).summary).toMatch(/not set/);
    const unknown = describeLogStore(
      baseSettings({ logStore: { store: 'dropbox' } }),
    );
    expect(unknown.summary).toBe(
      '"dropbox" (not a log store the chart documents)',
    );
    expect(unknown.warning).toMatch(/does not know LOG_STORE "dropbox"/);
  });

  it('leaves out settings that are not set', () => {
    const d = describeLogStore(s3WithKeys.settings);
    expect(d.fields.map(f => f.label)).toEqual(['Bucket', 'Region']);
  });
});
