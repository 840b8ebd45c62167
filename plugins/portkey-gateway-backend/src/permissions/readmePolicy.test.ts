import fs from 'node:fs';
import path from 'node:path';

// The README's policy is what portal admins copy: it must be the file this repository's
// portal installs and the permission tests run (packages/backend/src/modules/
// portkeyGatewayPolicy.ts), character for character.
describe("the README's permission policy", () => {
  it('is the policy the tests run', () => {
    const readme = fs.readFileSync(
      path.join(__dirname, '../../README.md'),
      'utf8',
    );
    const section = readme.split(
      '### A policy: health for everyone, logs and settings for the owners',
    )[1];
    const shown = /```ts\n([\s\S]*?)\n```/.exec(section ?? '')?.[1];
    const tested = fs
      .readFileSync(
        path.join(
          __dirname,
          '../../../../packages/backend/src/modules/portkeyGatewayPolicy.ts',
        ),
        'utf8',
      )
      .trim();
    expect(shown).toBe(tested);
  });
});
