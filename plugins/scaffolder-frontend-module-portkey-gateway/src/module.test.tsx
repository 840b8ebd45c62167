import { getComponentData } from '@backstage/core-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import defaultExport, {
  GATEWAY_DESTINATION_FIELD,
  GATEWAY_PREVIEW_FIELD,
  GATEWAY_RULES_FIELD,
  PortkeyGatewayDestinationFieldExtension,
  PortkeyGatewayPreviewFieldExtension,
  PortkeyGatewayRulesFieldExtension,
  portkeyGatewayDestinationFormField,
  portkeyGatewayPreviewFormField,
  portkeyGatewayRulesFormField,
} from './index';
import { scaffolderModulePortkeyGateway } from './module';

describe('the new frontend system', () => {
  it('is the package default export: a scaffolder module', () => {
    expect(defaultExport).toBe(scaffolderModulePortkeyGateway);
    expect(defaultExport.pluginId).toBe('scaffolder');
  });

  async function expectFormField(
    extension: typeof portkeyGatewayRulesFormField,
    id: string,
  ) {
    const tester = createExtensionTester(extension);
    const { spec } = tester.query(extension).node;
    expect(spec.id).toBe(id);
    expect(spec.attachTo).toEqual({
      id: 'api:scaffolder/form-fields',
      input: 'formFields',
    });
    const field = await tester.get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    )();
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
  }

  // eslint-disable-next-line jest/expect-expect -- expectFormField asserts
  it('provides the rules field, attached to the scaffolder form fields', async () => {
    await expectFormField(
      portkeyGatewayRulesFormField,
      'scaffolder-form-field:portkey-gateway-rules',
    );
  });

  // eslint-disable-next-line jest/expect-expect -- expectFormField asserts
  it('provides the preview field, attached to the scaffolder form fields', async () => {
    await expectFormField(
      portkeyGatewayPreviewFormField as unknown as typeof portkeyGatewayRulesFormField,
      'scaffolder-form-field:portkey-gateway-preview',
    );
  });

  // eslint-disable-next-line jest/expect-expect -- expectFormField asserts
  it('provides the destination field, attached to the scaffolder form fields', async () => {
    await expectFormField(
      portkeyGatewayDestinationFormField as unknown as typeof portkeyGatewayRulesFormField,
      'scaffolder-form-field:portkey-gateway-destination',
    );
  });
});

describe('the legacy frontend system', () => {
  it.each([
    [PortkeyGatewayRulesFieldExtension, GATEWAY_RULES_FIELD, true],
    [PortkeyGatewayPreviewFieldExtension, GATEWAY_PREVIEW_FIELD, false],
    [PortkeyGatewayDestinationFieldExtension, GATEWAY_DESTINATION_FIELD, false],
  ])(
    'field extension %#: named for templates, with validation where it checks',
    (Extension, name, validates) => {
      const options = getComponentData<FieldExtensionOptions>(
        <Extension />,
        'scaffolder.extensions.field.v1',
      );
      expect(options?.name).toBe(name);
      expect(typeof options?.validation === 'function').toBe(validates);
    },
  );
});
