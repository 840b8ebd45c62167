import {
  describeSecretCheck,
  mongoPemReference,
  secretReferencesOf,
  secretReferenceState,
} from './secretChecks';
import {
  azureEntraKeyMissing,
  gcsUnchecked,
  mongoPemFromSecret,
  s3WithKeys,
} from './__fixtures__/settingsResponses';

const check = (exists: boolean | null, missingKeys: string[] = []) => [
  { secretName: 's', exists, keys: ['k'], missingKeys },
];

describe('secretReferenceState', () => {
  it('ranks a missing Secret over a missing key over "could not check"', () => {
    const ref = { secretName: 's', key: 'k' };
    expect(
      secretReferenceState({ ...ref, keyPresent: false }, check(false)),
    ).toBe('secret_missing');
    expect(secretReferenceState({ ...ref, keyPresent: false }, [])).toBe(
      'key_missing',
    );
    expect(secretReferenceState(ref, check(true, ['k']))).toBe('key_missing');
    expect(secretReferenceState(ref, check(true))).toBe('present');
    expect(secretReferenceState(ref, check(null))).toBe('unchecked');
    expect(secretReferenceState(ref, [])).toBe('unchecked');
  });
});

describe('secretReferencesOf', () => {
  it('gives each section its own Secret-backed settings, labelled', () => {
    const logStore = secretReferencesOf(s3WithKeys, 'logStore');
    expect(logStore.map(r => r.env)).toEqual([
      'LOG_STORE_ACCESS_KEY',
      'LOG_STORE_SECRET_KEY',
    ]);
    expect(logStore[0].label).toBe(
      'Access key id of the log store (HMAC key for GCS)',
    );
    expect(secretReferencesOf(s3WithKeys, 'core').map(r => r.env)).toEqual([
      'PORTKEY_CLIENT_AUTH',
    ]);
  });

  it('marks the missing key, and the keys of an unreadable Secret as unchecked', () => {
    expect(secretReferencesOf(azureEntraKeyMissing, 'logStore')[0].state).toBe(
      'key_missing',
    );
    expect(
      secretReferencesOf(gcsUnchecked, 'logStore').map(r => r.state),
    ).toEqual(['unchecked', 'unchecked']);
  });
});

describe('mongoPemReference', () => {
  it('checks a PEM mounted from a Secret like any other secret', () => {
    expect(mongoPemReference(mongoPemFromSecret)).toMatchObject({
      secretName: 'docdb-ca',
      key: 'document_db.pem',
      state: 'present',
    });
    expect(mongoPemReference(s3WithKeys)).toBeUndefined();
  });
});

describe('describeSecretCheck', () => {
  it('says what is wrong with a Secret as a whole', () => {
    expect(describeSecretCheck(check(false)[0])).toBe('does not exist');
    expect(describeSecretCheck(check(null)[0])).toMatch(/could not check/);
    expect(describeSecretCheck(check(true, ['k'])[0])).toBe('missing key k');
    expect(describeSecretCheck(check(true)[0])).toBe('every key present');
  });
});
