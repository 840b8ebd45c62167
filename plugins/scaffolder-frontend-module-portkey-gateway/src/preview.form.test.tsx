import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  GATEWAY_INPUT_SECTIONS,
  renderGatewayFiles,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  currentPage,
  EXAMPLE_FILES,
  example,
  goTo,
  pressNext,
  renderTemplateForm,
} from './__testUtils__/templateForm';

// Every example of templates/portkey-gateway/examples through the real form: it reaches the
// review without a refusal (the rules agree with the examples), the preview page shows byte for
// byte what the common renderer gives for the answers the action gets (the scaffolder module's
// previewAgreement test checks the action writes the same), and Create sends those answers.

jest.setTimeout(120_000);

const decodeDataUrl = (href: string) =>
  decodeURIComponent(href.slice(href.indexOf(',') + 1));

describe.each(EXAMPLE_FILES)('%s', file => {
  it('reaches the review through the preview, which shows exactly what the run produces', async () => {
    const answers = example(file);
    const { onCreate } = await renderTemplateForm(answers);
    await goTo('Preview');

    const { repoUrl: _repoUrl, ...input } = answers;
    const expected = renderGatewayFiles(input);
    if (!expected.ok) throw new Error(JSON.stringify(expected));
    const { output } = expected;

    const preview = await screen.findByTestId('portkey-gateway-preview');
    for (const [path, text] of Object.entries(output.files)) {
      expect(within(preview).getByLabelText(path).textContent).toBe(text);
      const name = path.split('/').pop()!;
      const download = within(preview).getByRole('link', {
        name: `Download ${name}`,
      });
      expect(download).toHaveAttribute('download', name);
      expect(decodeDataUrl(download.getAttribute('href')!)).toBe(text);
    }
    expect(within(preview).getByText(output.pullRequest.title)).toBeVisible();
    const body = within(preview).getByRole('link', {
      name: 'Download the pull request description',
    });
    expect(decodeDataUrl(body.getAttribute('href')!)).toBe(
      output.pullRequest.body,
    );
    // The description is rendered as Markdown, not shown as source.
    expect(
      within(preview).getAllByRole('heading', { level: 2 }).length,
    ).toBeGreaterThan(1);
    const keys = within(preview).getByRole('list', { name: 'Secret keys' });
    expect(
      within(keys)
        .getAllByRole('listitem')
        .map(item => item.querySelector('code')!.textContent),
    ).toEqual(output.secretKeys);

    await pressNext();
    expect(currentPage()).toBe('Review');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onCreate).toHaveBeenCalledTimes(1);
    const sent = (onCreate.mock.calls[0] as any[])[0];
    // The example's answers, plus the form-only fields (pages reached, never an answer).
    const { portkeyGatewayRules, portkeyGatewayPreview, ...sentAnswers } = sent;
    // The real form produces exactly the example (the examples' promise).
    expect(sentAnswers).toEqual(answers);
    expect(portkeyGatewayRules.pages).toHaveLength(7);
    expect(portkeyGatewayPreview ?? {}).toEqual({});
    // What the render step passes on: the model sections, and no form-only field.
    const sentInput = Object.fromEntries(
      GATEWAY_INPUT_SECTIONS.filter(s => sent[s] !== undefined).map(s => [
        s,
        sent[s],
      ]),
    );
    const fromSent = renderGatewayFiles(sentInput);
    expect(fromSent.ok && fromSent.output).toEqual(output);
  });
});
