// axe-core runs in the test browser and looks inside shadow roots.
import { expect, expectNoAxeViolations, fixture, html } from '../harness/index.js';

class InfraButtons extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const button = document.createElement('button');
    // An icon button with no accessible name when `unnamed` is set.
    if (!this.hasAttribute('unnamed')) button.setAttribute('aria-label', 'Zoom in');
    button.append(document.createElement('span'));
    this.attachShadow({ mode: 'open' }).append(button);
  }
}
if (!customElements.get('infra-buttons')) customElements.define('infra-buttons', InfraButtons);

describe('expectNoAxeViolations(el)', () => {
  it('passes an element whose shadow DOM is accessible', async () => {
    const el = await fixture(html`<infra-buttons></infra-buttons>`);
    const results = await expectNoAxeViolations(el);
    expect(results.violations).to.have.length(0);
  });

  it('fails on a nameless button inside a shadow root, naming the rule', async () => {
    const el = await fixture(html`<infra-buttons unnamed></infra-buttons>`);
    let message = '';
    try {
      await expectNoAxeViolations(el);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('button-name');
  });

  it('lets a test switch a rule off', async () => {
    const el = await fixture(html`<infra-buttons unnamed></infra-buttons>`);
    await expectNoAxeViolations(el, { disableRules: ['button-name'] });
  });
});
